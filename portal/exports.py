"""Spreadsheet exports: one way to send rows as a CSV or XLSX file that Excel, LibreOffice and
Python's ``csv`` or openpyxl all read, and that no spreadsheet runs as a formula.

* CSV in UTF-8 with a byte-order mark, so Excel reads accents and non-Latin scripts;
* a text cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return) is prefixed with an apostrophe (OWASP's advice against CSV injection), in CSV and in
  XLSX alike, where it is also written as a string cell, never as a formula: members' text
  ends up in exports, and a cell such as ``=HYPERLINK(...)`` must stay text;
* sent as an attachment, never cached (exports hold what only some readers may read).

``csv_response`` builds a small file in memory; ``streaming_csv_response`` and
``xlsx_response`` take rows from an iterator (e.g. ``QuerySet.iterator()``) so that a large
export keeps memory flat: the CSV is sent as it is written, the XLSX is written row by row by
openpyxl's write-only workbook into a temporary file that is then streamed.
"""

import csv
import datetime as dt
import io
import tempfile

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How much CSV text is gathered before it is sent (one write per row would be slow).
STREAM_BUFFER = 64 * 1024


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


def _attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_response(filename, header, rows):
    """A CSV attachment named ``filename`` of ``header`` and ``rows`` (iterables of values)."""
    response = _attachment(HttpResponse(content_type="text/csv; charset=utf-8"), filename)
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([spreadsheet_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return response


def csv_lines(header, rows):
    """The CSV text of ``header`` and ``rows``, with its byte-order mark, in pieces of about
    ``STREAM_BUFFER`` characters (a generator: rows are read as the pieces are sent)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([spreadsheet_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
        if buffer.tell() >= STREAM_BUFFER:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def streaming_csv_response(filename, header, rows):
    """A CSV attachment like ``csv_response``'s, sent while ``rows`` are read."""
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, filename)


def xlsx_value(value):
    """``value`` as openpyxl writes it: numbers, dates and booleans as they are (datetimes in
    local time without a zone, as spreadsheets keep them), everything else as guarded text."""
    if isinstance(value, bool | int | float | dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        return value
    return spreadsheet_cell(value)


def xlsx_file(header, rows, title=None):
    """A temporary file (at its start) holding the XLSX workbook of ``header`` and ``rows``.

    Text cells are written as strings (``data_type = "s"``) so openpyxl never stores one as a
    formula, whatever it starts with."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(title or "Export")[:31])

    def cells(values):
        for value in values:
            cell = WriteOnlyCell(sheet, value=xlsx_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            yield cell

    sheet.append(list(cells(header)))
    for row in rows:
        sheet.append(list(cells(row)))
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return output


def xlsx_response(filename, header, rows, title=None):
    """An XLSX attachment named ``filename`` of ``header`` and ``rows``, on sheet ``title``."""
    response = FileResponse(xlsx_file(header, rows, title), content_type=XLSX_CONTENT_TYPE)
    return _attachment(response, filename)
