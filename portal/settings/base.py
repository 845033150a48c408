"""Settings shared by every environment. Values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me"
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so that their templates override those of libraries (allauth, wagtail).
    "portal",
    "community_pages",
    "library",
    "webinars",
    "glossary",
    "news",
    "programmes",
    "events",
    "surveys",
    "insights",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "insights.user_apps.UsersConfig",  # wagtail.users, its listing exporting its fields
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Django's Site: the portal's name and host in allauth's emails (portal.apps).
    "django.contrib.sites",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages from the cache (portal/page_cache.py), with the ETag answered
    # by a 304; above everything that makes a page, below the headers every answer gets.
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Counts page views (portal/usage.py): below the page cache, which counts its own answers.
    "portal.usage.PageViewMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that its process_exception is the first asked: a database error raised by a
    # view or while its template response renders becomes the 503 maintenance page. Errors
    # raised by the middleware above (the redirects' lookup on a 404, a session saved on the
    # way out) reach handler500, portal.views.server_error, which answers the same.
    "portal.outages.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    # Plain text (emails): the same templates, never HTML-escaped (portal.emails).
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Database: SQLite by default for the quick start, DATABASE_URL in production and CI.
# A persistent connection is checked before a request reuses it (conn_health_checks), so
# the first request after a database restart does not fail on a dead connection.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default planner costs assume spinning disks, which makes it scan whole
    # relation tables rather than look up the few hundred rows a filtered library listing
    # counts facets for; on SSDs (or a database that fits in memory) 1.1 is the usual value.
    # Just-in-time compilation costs tens of milliseconds per large query and pays off only
    # for analytics, not for page requests.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={os.environ.get('DATABASE_RANDOM_PAGE_COST', '1.1')} -c jit=off -c work_mem=32MB"
    )
    # An unreachable server (no answer at all) fails after this many seconds, not after the
    # operating system's TCP timeout of minutes, so the maintenance page answers promptly.
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = int(
        os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The cache settings for the Redis at ``url``.

    Redis down must not take the site down: with django-redis's IGNORE_EXCEPTIONS a failed
    cache call is a miss (labels and facet counts are worked out again; allauth's rate limits
    count nothing until Redis is back, see portal/cache.py) and is logged through
    ``portal.cache``, once per FAILURE_LOG_INTERVAL. The socket timeouts keep a host that
    does not answer at all from holding every cache call for the operating system's connect
    timeout.
    """
    timeout = float(os.environ.get("REDIS_TIMEOUT", "1"))
    return {
        "BACKEND": "portal.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
        },
    }


# Cache: Redis when REDIS_URL is set (shared by every worker, needed for rate limits in
# production), local memory otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Seconds an anonymous reader's page is kept (portal/page_cache.py); 0 turns the page cache
# off. On by default only with Redis: every worker must see content move on at once.
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "300" if os.environ.get("REDIS_URL") else "0")
)
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/",)
# May what decides who reads what (the open communities, the view-restricted pages) be kept in
# the cache between requests, under the content generation (portal/generation.py)? Only when
# every process that serves pages shares the cache (Redis), so that a change of privacy moves
# the generation for all of them; a single process (runserver, the test suite) shares its
# local memory with itself (portal/settings/dev.py, test.py). Otherwise it is read each time.
ACCESS_KEPT_IN_CACHE = env_bool("ACCESS_KEPT_IN_CACHE", bool(os.environ.get("REDIS_URL")))
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"
# Sessions live in the database, never only in the cache: a Redis restart or outage logs
# nobody out (and the database being down answers 503 anyway).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Seconds between two log records of one repeating failure (Redis or the database down).
FAILURE_LOG_INTERVAL = int(os.environ.get("FAILURE_LOG_INTERVAL", "60"))
# Retry-After of the 503 maintenance page answered while the database is down, seconds.
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: English is the source language, Spanish and French translations.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español"), ("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "portal_language"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that must never be reachable under the public media URL (members-only documents,
# community files) live here and are served by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "media_private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Largest file a member may upload to a community (files, discussion attachments), bytes.
COMMUNITY_MAX_UPLOAD_BYTES = int(os.environ.get("COMMUNITY_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
# A request to join waiting longer than this is flagged on the community health page, and
# the community's administrators are reminded of it (``send_community_reminders``), at most
# once in this many days.
COMMUNITY_REQUEST_WAIT_DAYS = int(os.environ.get("COMMUNITY_REQUEST_WAIT_DAYS", "14"))
# Largest file a member may attach to a publication proposal, bytes.
LIBRARY_MAX_UPLOAD_BYTES = int(os.environ.get("LIBRARY_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Social Protection Knowledge Portal")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# Slugs keep accents and other scripts (Wagtail's default, declared: portal.slugs reads it).
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# The API's detail_url links name the portal's public address too.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "csv",
    "txt",
    "zip",
    # Webinar recordings hosted on the portal, and their WebVTT captions.
    "mp4",
    "webm",
    "mp3",
    "m4a",
    "vtt",
]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's own database engine (SQLite FTS5, PostgreSQL full-text search). On
        # PostgreSQL one configuration for every language (see search.backends.SEARCH_CONFIG).
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "portal_simple",  # search.backends.SEARCH_CONFIG
        "AUTO_UPDATE": True,
    }
}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "portal_")
# While Elasticsearch fails, searches go to the database engine: the cluster is not asked
# again for SEARCH_FALLBACK_RETRY_AFTER seconds, and the failure is logged once per
# SEARCH_FALLBACK_LOG_INTERVAL seconds.
SEARCH_FALLBACK_RETRY_AFTER = int(os.environ.get("SEARCH_FALLBACK_RETRY_AFTER", "30"))
SEARCH_FALLBACK_LOG_INTERVAL = int(os.environ.get("SEARCH_FALLBACK_LOG_INTERVAL", "60"))
WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = SEARCH_INDEX_PREFIX
if ELASTICSEARCH_URL:
    # The database engine stays up to date alongside, to answer while Elasticsearch is down.
    WAGTAILSEARCH_BACKENDS["database"] = dict(WAGTAILSEARCH_BACKENDS["default"])
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": env_list("ELASTICSEARCH_URL"),
        "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
        "TIMEOUT": 5,
        "AUTO_UPDATE": True,
        # Passed to the Python client: TLS and authentication beyond a URL's user:password.
        "OPTIONS": {
            key: value
            for key, value in (
                ("ca_certs", os.environ.get("ELASTICSEARCH_CA_CERTS")),
                ("api_key", os.environ.get("ELASTICSEARCH_API_KEY")),
                ("verify_certs", os.environ.get("ELASTICSEARCH_VERIFY_CERTS", "true") != "false"),
            )
            if value is not None
        },
        "INDEX_SETTINGS": {},
    }

# Background work through django-tasks. The immediate backend (default) runs a task inside
# the request that enqueues it and needs no worker; in production set
# TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Accounts (django-allauth): email is the login, verified before first log-in.
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:profile"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_SIGNUP_FORM_CLASS = "portal.forms.SignupForm"
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_USER_DISPLAY = "portal.accounts.user_display"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Rate limits, counted by allauth in the cache (Redis with several workers) per client address
# (see TRUSTED_PROXIES), per member ("user") or per key. allauth's actions, then the portal's
# (portal/ratelimits.py; a refused POST is answered with a translated message, status 429).
ACCOUNT_RATE_LIMITS = {
    # Failed log-ins: per client; per account from browsers it has not logged in from, and
    # per trusted browser (portal/accounts.py). The right password is never refused to a
    # browser because of failures elsewhere; an account refused to unknown browsers emails
    # its owner a link that trusts theirs, at most once per 15 minutes.
    "login_failed_client": "10/5m/ip",
    "login_failed": "20/h/key",
    "login_unlock_email": "1/15m/key",
    "login_unlock": "10/m/ip",
    "signup": "5/m/ip",
    "reset_password": "5/m/ip,3/5m/key",
    "confirm_email": "1/3m/key",
    # Guest and member registration for webinars: per client, and per email address (each
    # guest registration emails a confirmation link to the address).
    "webinar_register": "10/10m/ip,5/h/key",
    "webinar_confirm": "20/10m/ip",
    # Communities: joining or asking to join, posts and comments, reports to administrators.
    "community_join": "20/h/ip,10/h/user",
    "community_post": "20/m/ip,5/m/user,60/h/user",
    "community_report": "10/h/user",
    # Surveys members create.
    "survey_create": "10/h/user",
    # Library submissions by members.
    "library_submit": "10/h/ip,5/h/user",
    # One-click unsubscribe: per recipient and kind; invalid tokens per client.
    "unsubscribe": "10/m/key",
    "unsubscribe_invalid": "10/m/ip",
}

# Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs; portal/clients.py).
# Unset: the client is the peer address, whatever the headers say.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Security headers. The portal's pages run only the portal's own scripts and styles (static
# files, no inline code or style attributes) and frame only the video players that
# portal/embeds.py builds; django-csp sends the policy (portal/security_headers.py).
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin (/admin/ and its page previews) writes inline scripts and style attributes
# in its own templates (widgets, inline panels), so it gets a policy of its own: the same
# origins, plus inline code, Gravatar's avatars and Wagtail's check for new releases.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https://www.gravatar.com"],
        "connect-src": [SELF, "https://releases.wagtail.org"],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
    }
}
# Powerful browser features the portal never uses are off for it and for every frame in it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The contact OAI-PMH harvesters see in Identify (library.oai).
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", DEFAULT_FROM_EMAIL)
# Records per OAI-PMH list response; a resumption token asks for the next ones.
OAI_PAGE_SIZE = 100
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    # An outage fails every request alike: its records are let through once per interval
    # (portal/logging_filters.py). On the loggers themselves, so every handler gets the same.
    "filters": {
        "once_per_interval": {
            "()": "portal.logging_filters.OncePerInterval",
            "interval": FAILURE_LOG_INTERVAL,
        },
        # django.request logs every response of 500 and more; only the maintenance page's
        # 503s are held back, every other server error is logged as it happens.
        "maintenance_responses_once_per_interval": {
            "()": "portal.logging_filters.OncePerInterval",
            "interval": FAILURE_LOG_INTERVAL,
            "status_codes": [503],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "portal.cache": {"filters": ["once_per_interval"]},
        "portal.outages": {"filters": ["once_per_interval"]},
        "django.request": {"filters": ["maintenance_responses_once_per_interval"]},
        "portal": {"level": "INFO"},
        "library": {"level": "INFO"},
        "search": {"level": "INFO"},
        "community_pages": {"level": "INFO"},
        "webinars": {"level": "INFO"},
        # An unreachable cluster is logged once per interval by the search app; the
        # client's own line per failed request is noise.
        "elastic_transport": {"level": "ERROR"},
    },
}

# Labels used in templates for the portal's sections.
PORTAL_TAGLINE = _("Learning from each other on social protection")

WAGTAILEMBEDS_FINDERS = [
    {"class": "portal.embeds"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# Page views are added up in each worker and written at most this often (portal/usage.py).
USAGE_FLUSH_SECONDS = int(os.environ.get("USAGE_FLUSH_SECONDS", "10"))
