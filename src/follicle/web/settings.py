"""Django settings, driven by the environment.

``FOLLICLE_ENV=production`` (what ``manage.py check --deploy`` is run against) requires
``SECRET_KEY`` and ``ALLOWED_HOSTS`` and turns on every transport and cookie protection.
``development`` (the default) is what ``make run`` serves on 127.0.0.1, with SQLite and a local
secret; any other value refuses to start. ``DATABASE_URL`` selects PostgreSQL (or any database
dj-database-url understands). Every other value is read by ``follicle.web.env``, which raises
``ImproperlyConfigured`` on a value it cannot read (a boolean other than true/false, yes/no, 1/0).
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from follicle.web import env

BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(env.text("FOLLICLE_VAR_DIR", str(BASE_DIR / "var")))
ENVIRONMENT = env.choice("FOLLICLE_ENV", ("development", "production"), "development")
PRODUCTION = ENVIRONMENT == "production"


def _development_secret() -> str:
    """A per-checkout random secret, created on first use (never used in production)."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


if PRODUCTION:
    SECRET_KEY = env.text("SECRET_KEY", "")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to at least 50 random characters in production"
        )
    ALLOWED_HOSTS = env.items("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
    DEBUG = False
else:
    SECRET_KEY = env.text("SECRET_KEY", "") or _development_secret()
    ALLOWED_HOSTS = env.items("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    DEBUG = env.boolean("DJANGO_DEBUG", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "ninja",  # its Swagger UI files are served as static files (no CDN, no inline script)
    "django_tasks",
    "django_tasks_db",
    "follicle.web",
    "follicle.web.accounts",
    "follicle.web.audit",
    "follicle.web.reviews",
    "follicle.web.assessment",
    "follicle.web.pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "follicle.web.api.problems.ProblemDetailsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "follicle.web.audit.security.SecurityAuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "follicle.web.middleware.SessionTimeoutMiddleware",
    "follicle.web.middleware.PrivateHealthDataMiddleware",
    "follicle.web.middleware.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "follicle.web.urls"
WSGI_APPLICATION = "follicle.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "follicle.web.context_processors.site",
                "follicle.web.context_processors.review_terms",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'follicle.sqlite3'}",
        conn_max_age=env.integer("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    # Tests use a file too: SQLite's shared in-memory mode has table locks that do not wait,
    # so concurrent writers (the claim race) would fail instead of queueing as they do here.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-follicle.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache (rate-limit counters) when several app servers run; process memory otherwise.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.text("REDIS_URL"),
        }
        if env.text("REDIS_URL", "")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
FOLLICLE_SIGNUPS_PER_HOUR = env.integer("FOLLICLE_SIGNUPS_PER_HOUR", 10)
FOLLICLE_RESETS_PER_HOUR = env.integer("FOLLICLE_RESETS_PER_HOUR", 10)
# Change-password submissions per client address per hour (the current password is checked
# there, outside the sign-in lockout).
FOLLICLE_PASSWORD_CHANGES_PER_HOUR = env.integer("FOLLICLE_PASSWORD_CHANGES_PER_HOUR", 10)
# Second-factor and set-up code attempts per client address per hour (on top of django-otp's
# throttling of wrong codes and the set-up code's own limit of wrong guesses).
FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR = env.integer("FOLLICLE_TWO_FACTOR_POSTS_PER_HOUR", 30)

# The public JSON API (/api/v1/): requests per client address per minute, any method.
FOLLICLE_API_REQUESTS_PER_MINUTE = env.integer("FOLLICLE_API_REQUESTS_PER_MINUTE", 60, minimum=1)

# Background tasks (django-tasks): the password-reset email. Production queues them in the
# database (django-tasks-db), where `manage.py db_worker` runs them; development and tests run
# them at once, in the request. FOLLICLE_TASKS=database|immediate overrides either.
FOLLICLE_TASKS = env.choice(
    "FOLLICLE_TASKS", ("database", "immediate"), "database" if PRODUCTION else "immediate"
)
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if FOLLICLE_TASKS == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Requests: no form here takes more than a few kilobytes, so a form post over 512 KiB, with more
# than 200 fields, or with a file in it is refused before any view runs (413 or 400 pages,
# follicle.web.errors) rather than read into memory and the session.
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
DATA_UPLOAD_MAX_NUMBER_FILES = 0

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "pages:home"
PASSWORD_RESET_TIMEOUT = 3 * 3600
#: Signed-in sessions end after this much inactivity, and in any case after the absolute limit
#: (ASVS level 2: 30 minutes idle, 12 hours in all).
FOLLICLE_IDLE_SECONDS = env.integer("FOLLICLE_IDLE_SECONDS", 30 * 60, minimum=60)
FOLLICLE_ABSOLUTE_SECONDS = env.integer("FOLLICLE_ABSOLUTE_SECONDS", 12 * 3600, minimum=60)

#: How many reverse proxies we run in front of the app (0: none, ignore X-Forwarded-For).
FOLLICLE_TRUSTED_PROXIES = env.integer("FOLLICLE_TRUSTED_PROXIES", 0)

# Lockout: five failures for the same account from the same address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "follicle.web.accounts.lockout.username"  # one count whatever the case
AXES_LOCKOUT_TEMPLATE = "follicle/accounts/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "follicle.web.client_address.client_address"  # one answer everywhere

OTP_TOTP_ISSUER = "Follicle"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows a TOTP secret

# Development prints mail to the console; production sends it (a console backend there would
# write sign-in links into the server's logs).
EMAIL_BACKEND = env.text(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "Follicle <no-reply@follicle.invalid>")
EMAIL_HOST = env.text("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25, minimum=1)
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.text("EMAIL_HOST_PASSWORD", "")

# --- Reviews --------------------------------------------------------------------------------
#: A clinician's claim on a case lapses after this many minutes without a decision.
FOLLICLE_CLAIM_MINUTES = env.integer("FOLLICLE_CLAIM_MINUTES", 30, minimum=1)
FOLLICLE_QUEUE_PAGE_SIZE = env.integer("FOLLICLE_QUEUE_PAGE_SIZE", 50, minimum=1)
#: A review asked for but not sent (the address not yet confirmed, or "Send" not yet pressed)
#: is kept this many days, then purged (``manage.py purge_review_requests``, daily).
FOLLICLE_REVIEW_REQUEST_DAYS = env.integer("FOLLICLE_REVIEW_REQUEST_DAYS", 7, minimum=1)
#: Who reviews, under which rules, how soon and for what price: shown wherever the review is
#: offered and in the receipt email. The defaults are demo values and say so on every page
#: (follicle.web.reviews.terms); a real service sets all four.
FOLLICLE_CLINIC_NAME = env.text("FOLLICLE_CLINIC_NAME", "")
FOLLICLE_CLINIC_JURISDICTION = env.text("FOLLICLE_CLINIC_JURISDICTION", "")
FOLLICLE_REVIEW_TURNAROUND_DAYS = env.integer("FOLLICLE_REVIEW_TURNAROUND_DAYS", 0)
FOLLICLE_REVIEW_FEE = env.text("FOLLICLE_REVIEW_FEE", "")
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Production serves collected, compressed files; development finds them in the package.
STATIC_ROOT = VAR_DIR / "static" if PRODUCTION else None
STORAGES = {
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    }
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Sessions hold the answers of an assessment in progress: server-side, never in the URL, and
# only for the visit: the cookie ends when the browser closes, and the server-side record
# expires two hours after the last answer (``clearsessions`` then deletes it).
# Django's database sessions, each row naming the account signed in (``follicle.web.sessions``),
# so people can list their own sessions and end the others.
SESSION_ENGINE = "follicle.web.sessions"
SESSION_COOKIE_AGE = env.integer("SESSION_COOKIE_AGE", 2 * 3600, minimum=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False  # saved when answers change; no write per page view
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env.boolean("SECURE_PROXY_SSL_HEADER", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env.items("CSRF_TRUSTED_ORIGINS")

# Permissions-Policy: the browser features no page uses, refused to every page and frame (an
# empty list); a feature a page comes to need gets its origins here, e.g. ["self"].
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# Content-Security-Policy: everything from this origin only; no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# No personal data in logs: requests are not logged with their bodies, and errors go to
# standard error without local variables.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # a refused request (4xx: too large, malformed, a bad host) is one line; faults keep theirs
    "filters": {"refusals_in_one_line": {"()": "follicle.web.errors.RefusalsInOneLine"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["refusals_in_one_line"]}
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"axes": {"level": "ERROR"}},  # axes would log the email address tried
}
