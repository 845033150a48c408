"""Test settings: fast hashing, immediate tasks, local-memory cache and email."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media_private"  # noqa: F405
WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = True  # noqa: F405
