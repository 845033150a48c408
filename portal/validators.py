"""Validators for files members upload."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 2 * 1024 * 1024


def validate_image_upload(file):
    """Refuse images over 2 MB and files that only pretend to be images."""
    from PIL import Image, UnidentifiedImageError

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
