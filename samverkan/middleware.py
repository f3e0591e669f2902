"""Session lifetime, the MFA requirement and no-store caching for signed-in pages."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from samverkan import audit
from samverkan.permissions import kraver_mfa

SESSION_STARTED_KEY = "_samverkan_inloggad"
SESSION_TOUCHED_KEY = "_samverkan_aktiv"
SESSION_TOUCH_SECONDS = 60

# Paths a signed-in user without TOTP may still reach: setting it up, logging
# out, and pages without personal data.
_MFA_EXEMPT_PREFIXES = ("/konto/", "/static/", "/healthz", "/i18n/", "/tillganglighet/")


class SessionLifetimeMiddleware:
    """Ends a session 12 hours after login, however active; and moves its idle expiry
    (the cookie age, 30 minutes) forward when the user is active.

    The session is written at most once a minute rather than on every request: an
    UPDATE on every page cost every page about a millisecond and three statements,
    and the idle limit stays between 29 and 30 minutes (docs/architecture.md)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.get(SESSION_STARTED_KEY)
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SAMVERKAN_SESSION_MAX_SECONDS:
                audit.record(
                    action=audit.Action.SESSION_EXPIRED,
                    actor=user,
                    request=request,
                    detail={"orsak": "maxtid"},
                )
                logout(request)
                messages.info(request, _("Du har varit inloggad i 12 timmar. Logga in igen."))
                return redirect(settings.LOGIN_URL)
            if now - request.session.get(SESSION_TOUCHED_KEY, 0) >= SESSION_TOUCH_SECONDS:
                request.session[SESSION_TOUCHED_KEY] = now  # saved, so expiry moves on
        return self.get_response(request)


class MfaRequiredMiddleware:
    """Staff roles reach no page with personal data before TOTP is set up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_MFA_EXEMPT_PREFIXES)
            and kraver_mfa(user)
            and not _has_totp(user)
        ):
            messages.warning(
                request,
                _("Din roll kräver tvåstegsverifiering. Aktivera den för att fortsätta."),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class NoStoreMiddleware:
    """Pages seen while signed in may hold personal data: never cache them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/konto/"):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        if request.method == "POST" and request.path == reverse("account_logout"):
            # Nothing of the session may stay in the browser of a shared computer.
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response


class LanguageMiddleware:
    """Swedish unless the user has chosen English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language; the
    working language here is Swedish whatever the browser says.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
