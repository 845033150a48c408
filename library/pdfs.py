"""Small PDF helpers: writing a minimal valid PDF (demo files, tests) and reading its text.

``minimal_pdf`` writes a real PDF 1.4 file by hand (one Helvetica text block per page), so
demo content and tests need no PDF library; ``extract_text`` reads any PDF with pypdf.
"""

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)

MAX_EXTRACTED_CHARS = 200_000


def _pdf_string(text):
    # Latin-1 covers English, Spanish and French; WinAnsiEncoding matches it for these.
    data = text.encode("latin-1", "replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(text, width=85):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines or [""]


def minimal_pdf(text, pages=1, title=""):
    """Bytes of a valid PDF whose pages show ``text`` (wrapped), readable by pypdf."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for number in range(pages):
        lines = _wrap(text)
        if pages > 1:
            lines.append(f"Page {number + 1} / {pages}")
        ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 780 Td"]
        if title and number == 0:
            ops += [b"/F1 16 Tf", _pdf_string(title) + b" Tj", b"T*", b"T*", b"/F1 11 Tf"]
        for line in lines:
            ops += [_pdf_string(line) + b" Tj", b"T*"]
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_obj, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, xref)
    )
    return out.getvalue()


def looks_like_pdf(fileobj):
    """True if ``fileobj`` starts like a PDF and pypdf can open it (checks real PDFs)."""

    position = fileobj.tell() if hasattr(fileobj, "tell") else 0
    try:
        fileobj.seek(0)
        if not fileobj.read(5).startswith(b"%PDF-"):
            return False
        fileobj.seek(0)
        reader = PdfReader(fileobj)
        if reader.is_encrypted:
            return True
        return len(reader.pages) > 0
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        return False
    finally:
        fileobj.seek(position)


def extract_text(fileobj, name=""):
    """The text of a PDF, or "" when it is broken, encrypted or holds only images (logged)."""

    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    logger.warning("PDF %s is encrypted; its text is not indexed.", name)
                    return ""
            except Exception:  # noqa: BLE001 - unsupported encryption is just skipped
                logger.warning("PDF %s is encrypted; its text is not indexed.", name)
                return ""
        parts, total = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            total += len(text)
            if total >= MAX_EXTRACTED_CHARS:
                break
    except Exception:  # noqa: BLE001 - a broken file must never break a save
        logger.warning("PDF %s could not be read; its text is not indexed.", name, exc_info=True)
        return ""
    text = " ".join(" ".join(parts).split())[:MAX_EXTRACTED_CHARS]
    if not text:
        logger.info("PDF %s has no text layer (scanned images?); nothing to index.", name)
    return text
