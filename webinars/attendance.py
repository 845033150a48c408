"""Import the attendance report of a conferencing tool (Zoom, Teams, GoToWebinar, Webex...).

Such exports differ: a byte-order mark, UTF-16 (Teams), Windows-1252/Latin-1 instead of
UTF-8, semicolons or tabs instead of commas, title lines and summary blocks before the
attendees (Zoom and GoToWebinar put the meeting's summary, then the hosts and panelists,
then the attendees, each block under its own title line and header), durations written as
minutes, ``1h 2m 3s``, ``1 hour 5 minutes`` or ``01:02:03``, registrants listed with
"Attended: No", the same person joining several times. Rows are matched to registrations
by email; people who attended without registering are recorded too, as attendees without a
registration, and listed; rows without a usable email are reported and change nothing.
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
    "time in session",
    "in-meeting duration",
    "minutes",
    "attendance duration",
    "duración",
    "durée",
)
# Words of a header that names the time attended when none of MINUTES_HEADERS is there.
MINUTES_WORDS = ("duration", "time in session", "durée", "duración", "minutes")
NAME_HEADERS = (
    "name",
    "full name",
    "display name",
    "user name (original name)",
    "user name",
    "participant name",
    "attendee name",
    "nombre",
    "nom",
    "nom complet",
)
FIRST_NAME_HEADERS = ("first name", "prénom", "nombre de pila")
LAST_NAME_HEADERS = ("last name", "nom de famille", "apellido", "apellidos")
ATTENDED_HEADERS = ("attended", "asistió", "a participé", "présent", "presente")
NO = ("no", "non", "false", "0", "n")
# A block's title line naming the attendees (Zoom's "Attendee Details", Teams'
# "2. Participants"): that block is read rather than the hosts' or panelists'.
ATTENDEE_SECTION_WORDS = ("attendee", "participant", "asistente", "participante")
DELIMITERS = (",", ";", "\t")
# What an address looks like, to tell the right reading of a file from a wrong one.
ADDRESS = re.compile(r"\s*<?[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>]+>?\s*")


@dataclass
class ImportReport:
    """What an import did: rows matched (new, already recorded), unmatched and malformed."""

    matched: int = 0
    already: int = 0
    # People who attended without registering (line number, email): recorded all the same.
    unmatched: list = field(default_factory=list)
    malformed: list = field(default_factory=list)  # (line number, reason)
    # Registrants the tool lists as not having attended ("Attended: No"): nothing recorded.
    absent: int = 0

    @property
    def ok(self):
        """Were all rows well formed?"""
        return not self.malformed

    @property
    def recorded(self):
        """Attendees recorded by this import, new or updated."""
        return self.matched + self.already


@dataclass
class Columns:
    """Where an attendee block's header puts what the import reads (None: not there)."""

    email: int
    minutes: int | None = None
    name: int | None = None
    first_name: int | None = None
    last_name: int | None = None
    attended: int | None = None


def decode(data):
    """Text of an uploaded file: UTF-16 (with its BOM, as Teams writes it), UTF-8 (with or
    without BOM), else Windows-1252/Latin-1."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16").lstrip("\ufeff")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")


def _normalise(header):
    return re.sub(r"\s+", " ", (header or "").strip().strip('"').strip(":").strip().lower())


def _first(names, wanted):
    return next((i for i, name in enumerate(names) if name in wanted), None)


def header_columns(row):
    """The columns of ``row`` if it is a header with an email column, else None.

    A row holding an address (``@``) is data, never a header, and a title line that mentions
    email (one cell) is not taken for one either."""
    names = [_normalise(cell) for cell in row]
    email = _first(names, EMAIL_HEADERS)
    if email is None and not any("@" in name for name in names):
        # "Email address (work)", "Attendee e-mail": a word of the header, not a value such
        # as "not-an-email".
        email = next(
            (
                i
                for i, name in enumerate(names)
                if {"email", "e-mail"} & set(re.split(r"[\s()\[\]:]+", name))
            ),
            None,
        )
    if email is None or len([name for name in names if name]) < min(2, len(names)):
        return None
    if len(names) == 1 and names[0] not in EMAIL_HEADERS:
        return None
    minutes = _first(names, MINUTES_HEADERS)
    if minutes is None:
        minutes = next(
            (i for i, name in enumerate(names) if any(word in name for word in MINUTES_WORDS)),
            None,
        )
    return Columns(
        email=email,
        minutes=minutes,
        name=_first(names, NAME_HEADERS),
        first_name=_first(names, FIRST_NAME_HEADERS),
        last_name=_first(names, LAST_NAME_HEADERS),
        attended=_first(names, ATTENDED_HEADERS),
    )


def _is_title(row):
    """A line with one cell of text: a report's title or a block's ("Attendee Details")."""
    return len([cell for cell in row if cell.strip()]) == 1


@dataclass
class Block:
    """One header with an email column and the rows under it, up to the next block."""

    header: int  # index of the header row
    columns: Columns
    rows: list  # (index, row) pairs
    title: str = ""

    @property
    def addresses(self):
        """How many of its rows hold an address where the header says: how well this
        reading of the file fits."""
        email = self.columns.email
        return sum(
            1 for _index, row in self.rows if email < len(row) and ADDRESS.fullmatch(row[email])
        )

    @property
    def names_attendees(self):
        """Does its title line name the attendees (not the hosts or panelists)?"""
        title = self.title.lower()
        return any(word in title for word in ATTENDEE_SECTION_WORDS)


def blocks(rows):
    """The blocks of ``rows``: each header with an email column, its rows up to the next
    header or (under a header of several columns) the next block's title line."""
    found = []
    title = ""
    for index, row in enumerate(rows):
        columns = header_columns(row)
        if columns is not None:
            found.append(Block(index, columns, [], title))
            title = ""
            continue
        if not any(cell.strip() for cell in row):
            continue
        current = found[-1] if found else None
        if _is_title(row) and (current is None or len(rows[current.header]) > 1):
            title = next(cell for cell in row if cell.strip())
            if current is not None:
                found.append(None)  # the current block has ended
            continue
        if current is not None:
            current.rows.append((index, row))
    return [block for block in found if block is not None]


def attendee_block(text):
    """The block of attendees in ``text``: read with each delimiter (comma, semicolon, tab),
    the block whose title names the attendees, else the one with the most addresses; the
    reading that fits best wins (title lines, which have no delimiter or another one, and
    commas inside values cannot mislead it). None when no header has an email column."""
    best, best_rank = None, None
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        for block in blocks(rows):
            rank = (block.names_attendees, block.addresses, len(rows[block.header]))
            if best_rank is None or rank > best_rank:
                best, best_rank = block, rank
    return best


DURATION_PARTS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours|heures?|horas?|m|min|mins|minutes?|minutos?"
    r"|s|sec|secs|seconds?|segundos?)\b",
    re.IGNORECASE,
)


def parse_minutes(value):
    """Minutes in a duration as tools write it: ``45``, ``45 min``, ``1h 2m 3s``,
    ``1 hour 5 minutes``, ``01:02:03`` or ``1:05`` (hours and minutes); None if unreadable.
    Seconds are rounded to the nearest minute."""
    value = (value or "").strip()
    if not value:
        return None
    clock = re.fullmatch(r"(\d+):(\d{1,2})(?::(\d{1,2}))?", value)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return round(hours * 60 + minutes + seconds / 60)
    parts = DURATION_PARTS.findall(value)
    if parts:
        seconds = 0.0
        for number, unit in parts:
            amount = float(number.replace(",", "."))
            unit = unit.lower()
            if unit.startswith("h"):
                seconds += amount * 3600
            elif unit.startswith("s"):
                seconds += amount
            else:
                seconds += amount * 60
        return round(seconds / 60)
    number = re.match(r"(\d+)", value)
    return int(number.group(1)) if number else None


def _cell(row, index):
    return row[index].strip() if index is not None and index < len(row) else ""


def _name(row, columns):
    name = _cell(row, columns.name)
    if not name:
        name = " ".join(
            part for part in (_cell(row, columns.first_name), _cell(row, columns.last_name)) if part
        )
    return name[:200]


def _attendees(block, report):
    """``{email: (minutes, name, line)}`` of the block's rows, a person joining several
    times once with their minutes added up; malformed and absent rows counted in
    ``report``."""
    columns = block.columns
    found = {}
    for index, row in block.rows:
        line = index + 1
        if columns.email >= len(row):
            report.malformed.append((line, "missing email column"))
            continue
        email = row[columns.email].strip().strip("<>").lower()
        try:
            validate_email(email)
        except ValidationError:
            report.malformed.append((line, f"invalid email: {email or '(empty)'}"))
            continue
        if _cell(row, columns.attended).lower() in NO and columns.attended is not None:
            report.absent += 1
            continue
        minutes = parse_minutes(_cell(row, columns.minutes))
        if email in found:
            before, name, first_line = found[email]
            if minutes is not None:
                before = (before or 0) + minutes
            found[email] = (before, name, first_line)
            continue
        found[email] = (minutes, _name(row, columns), line)
    return found


@transaction.atomic
def import_attendance(webinar, data):
    """Record attendance for ``webinar`` from the CSV bytes ``data``; returns an ImportReport."""
    report = ImportReport()
    block = attendee_block(decode(data))
    if block is None:
        report.malformed.append((1, "no email column"))
        return report
    registrations = {
        r.email.lower(): r for r in Registration.objects.filter(webinar_key=webinar.translation_key)
    }
    for email, (minutes, name, line) in _attendees(block, report).items():
        registration = registrations.get(email)
        if registration is None:
            report.unmatched.append((line, email))
        _attendance, created = Attendance.objects.update_or_create(
            webinar_key=webinar.translation_key,
            email=email,
            defaults={
                "webinar": webinar,
                "registration": registration,
                "minutes": minutes,
                "name": name,
            },
        )
        if created:
            report.matched += 1
        else:
            report.already += 1
    return report
