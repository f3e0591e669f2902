"""The environment, the core of the project, language, files and e-mail."""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

ADMIN_URL = env.str("ADMIN_URL", default="admin/")
CSRF_FAILURE_VIEW = "samverkan.views.drift.csrf_failure"

# Links in e-mail point here (no request at hand in a task).
SAMVERKAN_BASE_URL = env.str("SAMVERKAN_BASE_URL", default="http://127.0.0.1:8000")
