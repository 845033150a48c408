"""Validation of members' uploads (community files and discussion attachments).

One validator for every upload inside a community: the extension must be on the allow-list,
the content must be what the extension says (PDF signature, images decoded by Pillow, Office
files opened as ZIP packages with their main part, text decoded as UTF-8) and the size must
stay under ``settings.COMMUNITY_MAX_UPLOAD_BYTES``. The content type stored and served is the
one detected here, never the one the browser sent.
"""

import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def max_upload_bytes():
    """The size limit of one upload, from the settings (read at each upload)."""
    return int(settings.COMMUNITY_MAX_UPLOAD_BYTES)


def _is_text(upload):
    head = _head(upload, 4096)
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may cut a multi-byte character in half at its end.
        return error.start >= len(head) - 3
    return True


def _head(upload, size=2048):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _is_pdf(upload):
    return _head(upload).startswith(b"%PDF-")


def _image(format_name):
    def check(upload):
        upload.seek(0)
        try:
            with Image.open(upload) as image:
                ok = image.format == format_name
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            ok = False
        upload.seek(0)
        return ok

    return check


def _office(main_part_prefix):
    """An Office Open XML package: a ZIP with [Content_Types].xml and its main folder."""

    def check(upload):
        if not _head(upload, 4).startswith(b"PK\x03\x04"):
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        finally:
            upload.seek(0)
        return "[Content_Types].xml" in names and any(
            name.startswith(main_part_prefix) for name in names
        )

    return check


# Extension -> (content type stored and served, check of the content).
ALLOWED_UPLOADS = {
    "pdf": ("application/pdf", _is_pdf),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _office("word/"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _office("xl/"),
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _office("ppt/"),
    ),
    "png": ("image/png", _image("PNG")),
    "jpg": ("image/jpeg", _image("JPEG")),
    "jpeg": ("image/jpeg", _image("JPEG")),
    "txt": ("text/plain", _is_text),
    "csv": ("text/csv", _is_text),
}

ACCEPT = ",".join(f".{extension}" for extension in ALLOWED_UPLOADS)


def upload_help_text():
    """The help text of upload fields: the accepted types and the size limit."""
    return _("PDF, Word, Excel, PowerPoint, PNG, JPEG, text or CSV; %(size)s at most.") % {
        "size": filesizeformat(max_upload_bytes())
    }


def validate_upload(upload):
    """Check one uploaded file; return its content type or raise ``forms.ValidationError``."""
    limit = max_upload_bytes()
    if upload.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is larger than %(size)s."),
            code="too_large",
            params={"name": upload.name, "size": filesizeformat(limit)},
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_UPLOADS:
        raise forms.ValidationError(
            _("“%(name)s”: this type of file is not accepted."),
            code="type",
            params={"name": upload.name},
        )
    content_type, check = ALLOWED_UPLOADS[extension]
    if not check(upload):
        raise forms.ValidationError(
            _("The content of “%(name)s” does not match its name (.%(ext)s)."),
            code="content",
            params={"name": upload.name, "ext": extension},
        )
    return content_type


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files."""

    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several optional files, each checked by :func:`validate_upload`.

    ``cleaned_data`` holds a list of ``(upload, content_type)`` pairs.
    """

    max_files = 5

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        """At most ``max_files`` files, each validated; returns ``(upload, content_type)`` pairs
        and reports every invalid file at once."""
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [f for f in files if f]
        if len(files) > self.max_files:
            raise forms.ValidationError(
                _("Attach at most %(count)d files."), params={"count": self.max_files}
            )
        cleaned, errors = [], []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                cleaned.append((upload, validate_upload(upload)))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned
