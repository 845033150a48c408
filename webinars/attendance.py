"""Import the attendance report of a conferencing tool (Zoom, Teams, Webex...).

Such exports differ: a byte-order mark, Windows-1252/Latin-1 instead of UTF-8, semicolons
instead of commas, title lines before the header, many extra columns, the same person
joining several times. Rows are matched to registrations by email; people who attended
without registering are recorded too, as attendees without a registration, and listed; rows
without a usable email are reported and change nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import Attendance, Registration

EMAIL_HEADERS = (
    "email",
    "e-mail",
    "email address",
    "user email",
    "correo",
    "courriel",
    "attendee email",
    "participant email",
    "adresse e-mail",
    "correo electrónico",
)
MINUTES_HEADERS = (
    "duration",
    "duration (minutes)",
    "time in session (minutes)",
    "minutes",
    "attendance duration",
    "duración",
    "durée",
)


@dataclass
class ImportReport:
    """What an import did: rows matched (new, already recorded), unmatched and malformed."""

    matched: int = 0
    already: int = 0
    # People who attended without registering (line number, email): recorded all the same.
    unmatched: list = field(default_factory=list)
    malformed: list = field(default_factory=list)  # (line number, reason)

    @property
    def ok(self):
        """Were all rows well formed?"""
        return not self.malformed


def decode(data):
    """Text of an uploaded file: UTF-8 (with or without BOM), else Windows-1252/Latin-1."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")


def _normalise(header):
    return re.sub(r"\s+", " ", (header or "").strip().strip('"').lower())


def _find_header(rows):
    """Index of the header row and of its email and minutes columns."""
    for index, row in enumerate(rows[:20]):
        names = [_normalise(cell) for cell in row]
        email_col = next((i for i, n in enumerate(names) if n in EMAIL_HEADERS), None)
        if email_col is None:
            email_col = next(
                (i for i, n in enumerate(names) if "email" in n or "e-mail" in n), None
            )
        if email_col is not None:
            minutes_col = next((i for i, n in enumerate(names) if n in MINUTES_HEADERS), None)
            return index, email_col, minutes_col
    return None, None, None


DELIMITERS = (",", ";", "\t")


def parse_rows(text):
    """The CSV rows of ``text``, read with the delimiter (comma, semicolon or tab) under which
    a header with an email column is found, its widest reading if several are: title lines
    above the header (which have no delimiter, or another one) cannot mislead it."""
    best, best_width = None, -1
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        header_index, _email, _minutes = _find_header(rows)
        if header_index is not None and len(rows[header_index]) > best_width:
            best, best_width = rows, len(rows[header_index])
    return best if best is not None else list(csv.reader(io.StringIO(text)))


@transaction.atomic
def import_attendance(webinar, data):
    """Record attendance for ``webinar`` from the CSV bytes ``data``; returns an ImportReport."""
    report = ImportReport()
    rows = parse_rows(decode(data))
    header_index, email_col, minutes_col = _find_header(rows)
    if header_index is None:
        report.malformed.append((1, "no email column"))
        return report
    registrations = {
        r.email: r for r in Registration.objects.filter(webinar_key=webinar.translation_key)
    }
    minutes_by_email = {}
    line_of = {}
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(cell.strip() for cell in row):
            continue
        if email_col >= len(row):
            report.malformed.append((offset, "missing email column"))
            continue
        email = row[email_col].strip().strip("<>").lower()
        try:
            validate_email(email)
        except ValidationError:
            report.malformed.append((offset, f"invalid email: {email or '(empty)'}"))
            continue
        minutes = None
        if minutes_col is not None and minutes_col < len(row):
            match = re.match(r"\s*(\d+)", row[minutes_col])
            minutes = int(match.group(1)) if match else None
        # The same person joining twice: one attendee, minutes added up.
        if email in minutes_by_email:
            if minutes is not None:
                minutes_by_email[email] = (minutes_by_email[email] or 0) + minutes
            continue
        minutes_by_email[email] = minutes
        line_of[email] = offset
    for email, minutes in minutes_by_email.items():
        registration = registrations.get(email)
        if registration is None:
            report.unmatched.append((line_of[email], email))
        _attendance, created = Attendance.objects.update_or_create(
            webinar_key=webinar.translation_key,
            email=email,
            defaults={"webinar": webinar, "registration": registration, "minutes": minutes},
        )
        if created:
            report.matched += 1
        else:
            report.already += 1
    return report
