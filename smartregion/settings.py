"""Settings of the smart-region platform.

One file for every environment. Everything that differs between a laptop and
production comes from environment variables (documented in README.md) read
through the typed helpers in smartregion.lib.env.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from smartregion.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = BASE_DIR / "smartregion"

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_secret("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production" if DEBUG else None)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "smartregion.accounts",
    "smartregion.region",
    "smartregion.cms",
    "smartregion.events",
    "smartregion.participation",
    "smartregion.ideas",
    "smartregion.jury",
    "smartregion.comments",
    "smartregion.moderation",
    "smartregion.outbox",
    "smartregion.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "smartregion.lib.csp.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Answers 400 before any view runs a query with a NUL byte; after the
    # middleware that the error page's layout needs (language, user).
    "smartregion.lib.badinput.RejectControlCharactersMiddleware",
    "smartregion.lib.headers.PrivacyHeadersMiddleware",
    "smartregion.accounts.middleware.RenewSessionMiddleware",
    "smartregion.accounts.middleware.RememberVerifiedAddressMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "smartregion.accounts.middleware.BlockedAccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "smartregion.lib.pagecache.InvalidateOnPostMiddleware",
    # Adds a message when it turns staff away: after MessageMiddleware.
    "smartregion.accounts.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "smartregion.urls"
WSGI_APPLICATION = "smartregion.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wagtail.contrib.settings.context_processors.settings",
                "smartregion.cms.context_processors.site_navigation",
                "smartregion.accounts.context_processors.account",
            ],
        },
    },
]

# Database: embedded SQLite unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one request writes; the pragmas run on
    # every new connection, which is kept (CONN_MAX_AGE) like PostgreSQL's:
    # opening the file and running them costs more than a page's queries.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails the connection after this many seconds,
    # so that an outage is answered with a quick 503 (lib/outage.py)
    # instead of a request that hangs until the proxy gives up.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int("DATABASE_CONNECT_TIMEOUT", 2)
    # The same backend, failing fast for a moment after a failed connection
    # (lib/db/postgresql).
    DATABASES["default"]["ENGINE"] = "smartregion.lib.db.postgresql"
# Seconds after a failed connection in which no new one is tried (PostgreSQL).
DATABASE_FAIL_FAST_SECONDS = env_int("DATABASE_FAIL_FAST_SECONDS", 1)

# Seconds a client is asked to wait (Retry-After) when the database is
# unreachable and a request is answered with 503 (lib/outage.py).
OUTAGE_RETRY_AFTER = env_int("OUTAGE_RETRY_AFTER", 10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # django-redis with IGNORE_EXCEPTIONS: while Redis is down every read
    # misses and every write is dropped (and logged), so the site goes on
    # without its caches instead of answering 500. Short socket timeouts
    # keep an unreachable Redis from holding up each request.
    _redis_seconds = env_int("REDIS_TIMEOUT_MS", 250) / 1000
    _redis_options = {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": _redis_seconds,
        "SOCKET_TIMEOUT": _redis_seconds,
    }
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "OPTIONS": _redis_options},
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "OPTIONS": _redis_options,
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    # Sessions live in the database and are read through the cache: a Redis
    # outage makes them slower, it logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Shared by the worker processes of one machine (see lib/pagecache).
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "pagecache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# How long a page cached for anonymous visitors lives at most; any POST ends
# it earlier (lib/pagecache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 120)

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}
# Production runs the tasks in a worker (`manage.py db_worker`) that takes
# them from a table of the database backend's app (package django-tasks-db).
if TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
    INSTALLED_APPS.append("django_tasks_db")

# Messages live in the session, so no cookie beyond session and CSRF.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# At least 10 characters and no composition rules (NIST SP 800-63B); common
# passwords and the region's own obvious words are refused.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "smartregion.accounts.validators.RegionWordsValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
WAGTAILADMIN_LOGIN_URL = "account_login"

# Accounts (django-allauth): e-mail login, verification before the first
# contribution (not before login), change of address with a notice to the
# old one, and rate limits that slow an attacker without locking the victim
# out (per address and per IP, no lockout of the account itself).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_SIGNUP_FORM_CLASS = "smartregion.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "smartregion.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# The backend sends people without access to the login page (Wagtail does so
# for logged-in citizens too); sending them on to `next` from there would
# loop between /redaktion/ and /konto/login/.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/h/ip",
    "confirm_email": "1/3m/key,10/h/ip",
    "change_password": "5/m/user",
    "manage_email": "10/h/user",
    "reauthenticate": "10/m/user",
}
# Versions of the legal texts a person accepts at sign-up; raise them when the
# texts change, and the new version is recorded with each new acceptance.
TERMS_VERSION = env_str("TERMS_VERSION", "2026-11")
PRIVACY_VERSION = env_str("PRIVACY_VERSION", "2026-11")
# The demo region `manage.py seed_demo` loads: a folder under
# smartregion/demo/regions/.
DEMO_REGION = env_str("DEMO_REGION", "myk10")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("SITE_NAME", "Smarte Region")

# Sessions: a browser session without "remember me"; with it, this many
# seconds of idleness end the session (each request renews it).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT", 14 * 24 * 3600)
# Renewed by accounts.middleware.RenewSessionMiddleware at most every five
# minutes, not saved on every request.
SESSION_SAVE_EVERY_REQUEST = False

# Languages: German first, English interface under /en/.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [PACKAGE_DIR / "static", ("vendor", BASE_DIR / "vendor")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# The record of deleted accounts (accounts/deletion_log.py): outside the
# database, so that a restored backup can be cleaned again.
DELETION_LOG_DIR = Path(env_str("DELETION_LOG_DIR", str(BASE_DIR / "var" / "deletions")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail. Every message goes through the task queue (smartregion/outbox):
# EMAIL_BACKEND enqueues it, and the task delivers it with the backend that
# the environment's EMAIL_BACKEND names, retrying with backoff
# (MAIL_RETRY_SECONDS, then four times as long each time) up to
# MAIL_MAX_ATTEMPTS times before it is kept as a failed mail for the
# administrators.
EMAIL_BACKEND = "smartregion.outbox.mailer.QueueBackend"
MAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 5)
MAIL_RETRY_SECONDS = env_int("MAIL_RETRY_SECONDS", 60)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Cookies and transport are strict unless DEBUG is on.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Paths whose responses are never stored (lib/headers.py), also under /en/.
PRIVATE_PATH_PREFIXES = ["/konto/"]
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the site append to X-Forwarded-For (1 with
# the nginx of deploy/): the rate limits then count the visitor's address,
# not the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Map tiles are the one outside host a page may contact, and only after the
# visitor clicked "Karte laden".
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)


def _origin(url: str) -> str:
    parts = url.split("/")
    return "/".join(parts[:3]) if len(parts) > 2 else url


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", _origin(MAP_TILE_URL)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Smarte Region")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}}
STAFF_BACKEND_PATH = "redaktion/"
# Draftail named by its field's label (see smartregion/lib/richtext.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {"default": {"WIDGET": "smartregion.lib.richtext.LabelledDraftailRichTextArea"}}
# No avatars from gravatar.com: the backend contacts no other host either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Accounts are managed by allauth (rate limits, verification, blocking); the
# backend's own password and e-mail forms would go around it.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Staff work in the region's time zone. Wagtail would otherwise offer every
# zone the system knows, including Debian's "localtime", which the browser's
# Intl API rejects with a script error on the account page.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # One line per background task and per page publication is noise.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
