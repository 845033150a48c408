"""Storage for members-only files: outside the public media root, never given a URL.

Files are read back only through permission-checked views (see ``views.files``); the
storage raises if anything asks it for a URL, so a template cannot leak one by accident.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="community_pages.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """``settings.PRIVATE_MEDIA_ROOT``, read at each access so that tests can move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        """``PRIVATE_MEDIA_ROOT``, read now."""
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        """The absolute path of ``base_location``."""
        return os.path.abspath(self.base_location)

    def url(self, name):
        """Refuses: private files have no URL."""
        raise ValueError("Private community files have no public URL.")


private_storage = PrivateStorage()
