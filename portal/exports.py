"""Spreadsheet exports: one way to send rows as a CSV file that Excel, LibreOffice and Python's
``csv`` all read, and that no spreadsheet runs as a formula.

* UTF-8 with a byte-order mark, so Excel reads accents and non-Latin scripts;
* a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
  is prefixed with an apostrophe (OWASP's advice against CSV injection): members' text ends
  up in exports, and a cell such as ``=HYPERLINK(...)`` must stay text;
* sent as an attachment, never cached (exports hold what only some readers may read).
"""

import csv

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """``value`` as text a spreadsheet shows as it is; lists are joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(item) for item in value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_response(filename, header, rows):
    """A CSV attachment named ``filename`` of ``header`` and ``rows`` (iterables of values)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([spreadsheet_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return response
