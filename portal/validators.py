"""Validators for files members upload."""

import webvtt
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from webvtt.errors import MalformedFileError

MAX_IMAGE_BYTES = 2 * 1024 * 1024


def validate_image_upload(file):
    """Refuse images over 2 MB and files that only pretend to be images."""

    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("The image is larger than 2 MB."), code="too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("The file is not a valid image."), code="invalid_image")
    finally:
        file.seek(position)


MAX_CAPTION_BYTES = 5 * 1024 * 1024


def validate_webvtt(file):
    """Refuse caption files that are not WebVTT (W3C): UTF-8 text starting ``WEBVTT`` with
    at least one well-formed cue, read with webvtt-py. Browsers silently ignore a broken
    ``<track>``, so a bad file is refused when it is attached, not discovered by a viewer."""

    if file.size > MAX_CAPTION_BYTES:
        raise ValidationError(_("The caption file is larger than 5 MB."), code="too_large")
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        text = file.read().decode("utf-8-sig")
        captions = webvtt.from_string(text).captions
    except UnicodeDecodeError:
        raise ValidationError(_("A WebVTT file must be written in UTF-8."), code="encoding")
    except (MalformedFileError, ValueError):
        raise ValidationError(
            _("The file is not a valid WebVTT caption file (it must start with “WEBVTT”)."),
            code="invalid_webvtt",
        )
    finally:
        file.seek(position)
    if not captions:
        raise ValidationError(
            _("The WebVTT file has no caption with valid timings (00:00:01.000 --> 00:00:04.000)."),
            code="no_captions",
        )
