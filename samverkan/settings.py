"""Settings for Samverkan, read from the environment (see .env.example)."""

import os
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

# pytest sets PYTEST_VERSION; tests run with DEBUG off like production and
# never read a developer's .env.
TESTING = "PYTEST_VERSION" in os.environ


class _SecretFiles(environ.FileAwareMapping):
    """``NAME_FILE=/path`` reads NAME from a file, e.g. a systemd credential
    (``LoadCredentialEncrypted=``, docs/operations.md#secrets); the file's final
    newline is not part of the secret."""

    def __getitem__(self, key):
        value = super().__getitem__(key)
        return value.rstrip("\r\n") if self.env.get(key + "_FILE") else value


class _Env(environ.Env):
    ENVIRON = _SecretFiles()


env = _Env()
# The process environment wins over the file; SAMVERKAN_ENV_FILE="" reads none.
ENV_FILE = os.environ.get("SAMVERKAN_ENV_FILE", str(BASE_DIR / ".env"))
if ENV_FILE and not TESTING:
    environ.Env.read_env(ENV_FILE, overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "django-insecure-only-for-development-and-tests-never-production"  # noqa: S105
    else:
        raise ImproperlyConfigured("SECRET_KEY måste sättas när DEBUG är av.")
elif SECRET_KEY.startswith("replace-with") and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY är exempelvärdet från .env.example; byt ut det.")
# Rotation: the new key in SECRET_KEY, the old ones here; sessions signed with an old
# key stay valid (User.get_session_auth_fallback_hash) until they expire.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "template_partials",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "samverkan",
    "deltagare",
    "remisser",
    "rapporter",
    "inlasning",
    "paminnelser",
    "api",
    "enkater",
    "styrelse",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samverkan.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "samverkan.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "samverkan.middleware.MfaRequiredMiddleware",
    "samverkan.middleware.NoStoreMiddleware",
    "samverkan.sakerhetslogg.SakerhetsloggMiddleware",
    "samverkan.begransning.HastighetsgransMiddleware",
    # Last, so that it sees the final response of every login path.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Templates that only tests render live beside them, not in production.
        "DIRS": [BASE_DIR / "templates", *([BASE_DIR / "tests" / "templates"] if TESTING else [])],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "samverkan.context_processors.navigation",
            ],
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "django.template.loaders.filesystem.Loader",
                                "django.template.loaders.app_directories.Loader",
                            ],
                        )
                    ],
                )
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

# Database: an SQLite file unless DATABASE_URL names another (PostgreSQL in production).
SQLITE_PATH = env.str("SQLITE_PATH", default=str(BASE_DIR / "db.sqlite3"))
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if "postgresql" in DATABASES["default"]["ENGINE"]:
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
        # JIT compiles the statistics' wide aggregates longer than they run; the default
        # random_page_cost (4, for spinning disks) makes the planner hash whole tables where
        # a few thousand index lookups on SSD or cached data are faster (docs/benchmarks.md).
        DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off -c random_page_cost=1.1")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "samverkan.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "samverkan.losenord.KontextordValidator"},
    {"NAME": "samverkan.losenord.LacktLosenordValidator"},
]  # no composition rules (ASVS 6.2.5): length and the lists do the work
# Breached passwords are looked up by k-anonymity (samverkan/losenord.py); "" turns it off.
SAMVERKAN_HIBP_URL = env.str(
    "SAMVERKAN_HIBP_URL", default="" if TESTING else "https://api.pwnedpasswords.com/range/"
)
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "samverkan:start"
LOGOUT_REDIRECT_URL = "account_login"

# allauth: staff log in with e-mail and password; accounts are created by the office.
ACCOUNT_ADAPTER = "samverkan.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
# Sessions are listed from their login (/konto/sessions/); no write on every request.
USERSESSIONS_TRACK_ACTIVITY = False
# Changing e-mail addresses, passwords or MFA asks for the password again.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# Reset links and the link a new account gets to choose its first password: one day, once.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # Looser than axes, so that axes's lockout (5 per account) is the one people meet.
    "login_failed": "30/m/ip,10/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "request_login_code": "20/m/ip,3/5m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samverkan] "
# Handläggare log in with a one-time code sent to their work address.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_FORMS = {
    "request_login_code": "samverkan.konto.KodBegaranForm",
    "confirm_login_code": "samverkan.konto.KodBekraftelseForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# TOTP secrets and recovery-code seeds are encrypted in the database (samverkan/mfa.py),
# with a key derived from MFA_ENCRYPTION_KEY, or from SECRET_KEY when that is empty.
MFA_ADAPTER = "samverkan.mfa.MfaAdapter"
MFA_ENCRYPTION_KEY = env.str("MFA_ENCRYPTION_KEY", default="")
MFA_ENCRYPTION_KEY_FALLBACKS = env.list("MFA_ENCRYPTION_KEY_FALLBACKS", default=[])
MFA_TOTP_ISSUER = "Samverkan"
MFA_RECOVERY_CODE_COUNT = 10
SOCIALACCOUNT_ONLY = False
# Our stricter OIDC client (samverkan/oidc/): signature, algorithms, issuer, nonce.
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"provider_class": "samverkan.oidc.provider.SamverkanOIDCProvider"}
}
# ID tokens signed otherwise (HS*, none) are refused.
OIDC_ALGORITHMS = env.list("OIDC_ALGORITHMS", default=["RS256", "PS256", "ES256"])
if env.str("OIDC_SERVER_URL", default=""):
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"] = [
        {
            "provider_id": env.str("OIDC_PROVIDER_ID", default="organisation"),
            "name": env.str("OIDC_NAME", default="Organisationens inloggning"),
            "client_id": env.str("OIDC_CLIENT_ID"),
            "secret": env.str("OIDC_CLIENT_SECRET"),
            "settings": {
                "server_url": env.str("OIDC_SERVER_URL"),
                # The issuer the ID tokens and metadata must name; by default the
                # server URL itself, as OIDC discovery requires.
                "issuer": env.str("OIDC_ISSUER", default=""),
                "oauth_pkce_enabled": True,
            },
        }
    ]

# The demo's accounts share a published password: never in production.
SAMVERKAN_DEMO = env.bool("SAMVERKAN_DEMO", default=False)

# MFA is required for staff roles; only a development setup may relax it.
SAMVERKAN_MFA_REQUIRED = env.bool("SAMVERKAN_MFA_REQUIRED", default=True)
if not SAMVERKAN_MFA_REQUIRED and not DEBUG and not TESTING:
    raise ImproperlyConfigured("SAMVERKAN_MFA_REQUIRED får bara stängas av när DEBUG är på.")

# Logguppföljning flags a user who reads more different participants than this in a day.
SAMVERKAN_LOGG_LASNINGAR_PER_DAG = env.int("SAMVERKAN_LOGG_LASNINGAR_PER_DAG", default=25)
# Years the audit trail and admin history are kept (manage.py gallra_logg); the
# förbund's informationshanteringsplan decides, unset keeps everything.
SAMVERKAN_LOGG_BEVARAS_AR = env.int("SAMVERKAN_LOGG_BEVARAS_AR", default=None)

# Per user: participant pages, prints, exports and statistics (docs/security.md#limits-per-user).
SAMVERKAN_HASTIGHETSGRANSER = env.str(
    "SAMVERKAN_HASTIGHETSGRANSER",
    default="deltagare=600/10m+2000/d,utskrift=30/10m+200/d,export=30/10m+200/d,"
    "statistik=60/10m+500/d",
)

# The API (api/, docs/integration.md): bearer tokens of API clients only, problem
# details for every error, JSON only (no browsable HTML renderer), calls per client.
SAMVERKAN_API_GRANS = env.str("SAMVERKAN_API_GRANS", default="120/m")
# Statistics and Finsam, on top: about the page's 60 in 10 minutes.
SAMVERKAN_API_GRANS_STATISTIK = env.str("SAMVERKAN_API_GRANS_STATISTIK", default="6/m")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.auth.BearerAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.auth.ArKlient"],
    "DEFAULT_THROTTLE_CLASSES": ["api.auth.KlientThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problem.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samverkan API",
    "DESCRIPTION": "Remisser från samverkanspartners system, aggregerad statistik, "
    "Uppföljning Finsam och insatserna. Se docs/integration.md.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from drf-spectacular-sidecar's static files: no CDN, CSP 'self'.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# django-axes: lockout after five failures, lifted after the cool-off or by an administrator.
AXES_FAILURE_LIMIT = 5
# The account after five failures from one address: an attacker elsewhere cannot lock
# the user out, and one office behind a NAT is never locked as a whole (malicious
# lockout, ASVS 6.1.1). Guessing from many addresses meets allauth's per-account limit.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_RESET_ON_SUCCESS = True
# Show the lockout page on every attempt during lockout, without extending it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "konto/sparrad.html"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# allauth's rate limits must see the client too, not the proxy (else one limit for all).
ALLAUTH_TRUSTED_PROXY_COUNT = AXES_IPWARE_PROXY_COUNT
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Sessions: 30 minutes idle, 12 hours in all (SessionLifetimeMiddleware).
SESSION_COOKIE_AGE = 30 * 60
# SessionLifetimeMiddleware saves an active session once a minute, not on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SAMVERKAN_SESSION_MAX_SECONDS = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Security headers; the production values come from .env.example.
HTTPS = env.bool("HTTPS", default=False)
if HTTPS:
    # __Host-: the browser keeps them only from this host, over TLS, for the whole site.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-sprak"
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if AXES_IPWARE_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token in the page
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Language: Swedish first, English second.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# Static files: served by whitenoise; production collects them with a manifest.
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=False)
# Production collects into STATIC_ROOT; elsewhere whitenoise reads the app folders.
STATIC_ROOT = BASE_DIR / "staticfiles" if STATIC_MANIFEST else None
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# ClamAV's daemon scans every upload (samverkan/virusskanning.py): unix:///run/clamav/clamd.ctl
CLAMD_ADDRESS = env.str("CLAMD_ADDRESS", default="")
CLAMD_TIMEOUT = env.float("CLAMD_TIMEOUT", default=30.0)
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "privat")))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: console in development, SMTP from EMAIL_URL in production.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="samverkan@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Caches: Redis when configured (shared by app servers), local memory otherwise.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long the participant list keeps a rendered result (deltagare/lista_cache.py);
# 0 turns it off. On by default only with Redis: a cache per process would not hear
# the other processes' writes.
SAMVERKAN_DELTAGARLISTA_SEKUNDER = env.int(
    "SAMVERKAN_DELTAGARLISTA_SEKUNDER", default=600 if env.str("REDIS_URL", default="") else 0
)

# Celery: Redis when CELERY_BROKER_URL is set; otherwise tasks run in-process at once.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task whose worker died goes back to the queue after this long (Redis); longer than
# any render, far shorter than Redis's default hour, so a report is never stuck.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=15 * 60)
}
CELERY_TIMEZONE = TIME_ZONE
# celery -A samverkan beat: periodic jobs, also management commands for cron.
CELERY_BEAT_SCHEDULE = {
    "gallring": {"task": "deltagare.tasks.gallra", "schedule": 24 * 60 * 60},
    # Expired sessions go: they may hold a search text (a personnummer) until then.
    "sessioner": {"task": "samverkan.tasks.rensa_sessioner", "schedule": 24 * 60 * 60},
    # Import files never imported go after SAMVERKAN_INLASNING_DAGAR days (inlasning/).
    "inlasningar": {"task": "inlasning.tasks.rensa_inlasningar", "schedule": 24 * 60 * 60},
    # The reminder digests: daily, each user's own frequency decides (paminnelser/).
    "paminnelser": {
        "task": "paminnelser.tasks.skicka_paminnelser",
        "schedule": crontab(hour=6, minute=30),
    },
}
SAMVERKAN_INLASNING_DAGAR = env.int("SAMVERKAN_INLASNING_DAGAR", default=7)

# Logs carry ids, never personal data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",  # with the offset: logs are compared across hosts
        },
        # One JSON object per line for a log processor (docs/operations.md#logs).
        "json": {"()": "samverkan.loggformat.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if env.str("LOG_FORMAT", default="text") == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

ADMINS = [("Drift", a) for a in env.list("ADMIN_EMAILS", default=[])]
# Error reports show the stack, never form data, query strings or variables.
DEFAULT_EXCEPTION_REPORTER_FILTER = "samverkan.felrapport.UtanPersonuppgifter"
DEFAULT_EXCEPTION_REPORTER = "samverkan.felrapport.Felrapport"

ADMIN_URL = env.str("ADMIN_URL", default="admin/")
CSRF_FAILURE_VIEW = "samverkan.views.csrf_failure"

# No example or well-known default credential reaches production (ASVS 13.2.3):
# the values of .env.example and the usual defaults of PostgreSQL, Redis and SMTP.
_DEFAULT_PASSWORDS = {"change-me", "changeme", "postgres", "password", "secret", "admin", "redis"}


def _default_credential(value: str) -> bool:
    from urllib.parse import unquote, urlsplit

    if "change-me" in value or value.startswith("replace-with"):
        return True
    password = urlsplit(value).password if "://" in value else value
    return password is not None and unquote(password).lower() in _DEFAULT_PASSWORDS


if not DEBUG:
    for _name in (
        "DATABASE_URL",
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "CELERY_RESULT_BACKEND",
        "EMAIL_URL",
        "OIDC_CLIENT_SECRET",
        "MFA_ENCRYPTION_KEY",
    ):
        if _default_credential(env.str(_name, default="")):
            raise ImproperlyConfigured(
                f"{_name} innehåller ett exempel- eller standardlösenord; byt ut det."
            )

# Backend links leave the machine only encrypted, with the server's certificate checked
# (ASVS 12.3.1): loopback and Unix sockets are exempt, anything else must ask for TLS.
_LOOPBACK = {"", "localhost", "127.0.0.1", "::1"}


def _remote(host) -> bool:
    return str(host or "") not in _LOOPBACK and not str(host or "").startswith("/")


if not DEBUG:
    from urllib.parse import urlsplit as _urlsplit

    _db = DATABASES["default"]
    _db_host = _db.get("OPTIONS", {}).get("host") or _db.get("HOST")
    if (
        "postgresql" in _db["ENGINE"]
        and _remote(_db_host)
        and _db["OPTIONS"].get("sslmode") != "verify-full"
    ):
        raise ImproperlyConfigured(
            "DATABASE_URL pekar på en annan värd: lägg till ?sslmode=verify-full&sslrootcert=…"
        )
    for _name in ("REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        _url = _urlsplit(env.str(_name, default=""))
        if _url.scheme == "redis" and _remote(_url.hostname):
            raise ImproperlyConfigured(f"{_name} pekar på en annan värd: använd rediss:// (TLS).")
    if (
        EMAIL_CONFIG["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
        and _remote(EMAIL_CONFIG.get("EMAIL_HOST"))
        and not (EMAIL_CONFIG.get("EMAIL_USE_TLS") or EMAIL_CONFIG.get("EMAIL_USE_SSL"))
    ):
        raise ImproperlyConfigured("EMAIL_URL: använd smtp+tls:// eller smtp+ssl://.")

# Links in e-mail point here (no request at hand in a task).
SAMVERKAN_BASE_URL = env.str("SAMVERKAN_BASE_URL", default="http://127.0.0.1:8000")
