"""Local development: debug on, console email, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# runserver is one process: its local-memory cache is shared by every request it serves.
ACCESS_KEPT_IN_CACHE = env_bool("ACCESS_KEPT_IN_CACHE", True)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
