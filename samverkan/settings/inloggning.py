"""Logging in: users and passwords, allauth, MFA, OIDC, lockout (django-axes), sessions."""

from django.core.exceptions import ImproperlyConfigured

from samverkan.settings.base import DEBUG, TESTING, env

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
