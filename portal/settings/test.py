"""Test settings: fast hashing, immediate tasks, local-memory cache and email."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The page cache is on only where a test turns it on (tests/test_page_cache.py, the
# permission matrix): elsewhere a test reads what its own writes just made.
PAGE_CACHE_SECONDS = 0
# One process: what decides access may be kept under the content generation, as with Redis.
ACCESS_KEPT_IN_CACHE = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media_private"  # noqa: F405
WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = True  # noqa: F405

if ELASTICSEARCH_URL:  # noqa: F405
    # The engine-neutral suites on a live cluster (.ci/run's third pass): indexes of this run's
    # own under a prefix, refreshed before a search that follows a write so it sees the write,
    # as the database engine's does; tests/conftest.py creates and empties them between tests.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"test{os.getpid()}_"  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["REFRESH_WRITES"] = True  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"] = 30  # noqa: F405
# Page views written after every response, so each test reads its own.
USAGE_FLUSH_SECONDS = 0
