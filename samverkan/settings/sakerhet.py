"""Limits per user, the audit trail, security headers, cookies and the CSP, and the
refusal of an unsafe production setup."""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from samverkan.settings.base import DEBUG, EMAIL_CONFIG, env
from samverkan.settings.databas import DATABASES
from samverkan.settings.inloggning import AXES_IPWARE_PROXY_COUNT

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

# No example or well-known default credential reaches production (ASVS 13.2.3):
# the values of .env.example and the usual defaults of PostgreSQL, Redis and SMTP.
_DEFAULT_PASSWORDS = {"change-me", "changeme", "postgres", "password", "secret", "admin", "redis"}


def _default_credential(value: str) -> bool:
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
        _url = urlsplit(env.str(_name, default=""))
        if _url.scheme == "redis" and _remote(_url.hostname):
            raise ImproperlyConfigured(f"{_name} pekar på en annan värd: använd rediss:// (TLS).")
    if (
        EMAIL_CONFIG["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
        and _remote(EMAIL_CONFIG.get("EMAIL_HOST"))
        and not (EMAIL_CONFIG.get("EMAIL_USE_TLS") or EMAIL_CONFIG.get("EMAIL_USE_SSL"))
    ):
        raise ImproperlyConfigured("EMAIL_URL: använd smtp+tls:// eller smtp+ssl://.")
