"""Audit events for the login machinery of Django, allauth and axes.

These hooks belong to third-party flows we do not call ourselves, so signals
are the only place to catch them; no domain logic lives here.
"""

import time

from allauth.account.signals import authentication_step_completed
from allauth.mfa import signals as mfa_signals
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.utils.crypto import get_random_string

from samverkan import audit
from samverkan.middleware import SESSION_STARTED_KEY


def _user_by_login(login):
    if not isinstance(login, str) or not login.strip():
        return None
    return get_user_model().objects.filter(email__iexact=login.strip()).first()


def on_logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED_KEY] = int(time.time())
    audit.record(action=audit.Action.LOGIN, actor=user, request=request, obj=user)


def on_logged_out(sender, request, user, **kwargs):
    if user is None:
        return
    audit.record(action=audit.Action.LOGOUT, actor=user, request=request, obj=user)
    # A new key makes every other session of the user fail its hash check: logout everywhere.
    get_user_model().objects.filter(pk=user.pk).update(session_nyckel=get_random_string(32))


def on_authentication_step(sender, request=None, reauthenticated=False, **kwargs):
    """A new session key at re-authentication too, not only at login (ASVS 7.2.4)."""
    if not reauthenticated or request is None or not hasattr(request, "session"):
        return
    from allauth.usersessions.models import UserSession

    old_key = request.session.session_key
    request.session.cycle_key()
    # The session list follows the session to its new key.
    UserSession.objects.filter(session_key=old_key).update(session_key=request.session.session_key)


def _record_attempt(action, request, login):
    user = _user_by_login(login)
    audit.record(
        action=action,
        request=request,
        actor=None,
        object_type="samverkan.user" if user else "",
        object_id=str(user.uuid) if user else "",
        # The typed name is not stored: it could be anything, even a personnummer.
        detail={"kant_konto": user is not None},
    )


def on_login_failed(sender, credentials, request=None, **kwargs):
    login = (credentials or {}).get("email") or (credentials or {}).get("username")
    _record_attempt(audit.Action.LOGIN_FAILED, request, login)


def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    _record_attempt(audit.Action.LOCKOUT, request, username)


def _mfa_event(action):
    def handler(sender, request=None, user=None, authenticator=None, **kwargs):
        audit.record(
            action=action,
            actor=user,
            request=request,
            obj=user,
            detail={"typ": getattr(authenticator, "type", "")},
        )

    return handler


def on_mfa_failed(sender, request=None, user=None, **kwargs):
    audit.record(
        action=audit.Action.LOGIN_FAILED,
        request=request,
        actor=None,
        obj=user,
        detail={"steg": "tvastegsverifiering"},
    )


_on_mfa_added = _mfa_event(audit.Action.MFA_ADDED)
_on_mfa_removed = _mfa_event(audit.Action.MFA_REMOVED)
_on_mfa_reset = _mfa_event(audit.Action.MFA_RESET)


def connect():
    user_logged_in.connect(on_logged_in, dispatch_uid="samverkan_login")
    user_logged_out.connect(on_logged_out, dispatch_uid="samverkan_logout")
    user_login_failed.connect(on_login_failed, dispatch_uid="samverkan_login_failed")
    user_locked_out.connect(on_locked_out, dispatch_uid="samverkan_lockout")
    authentication_step_completed.connect(
        on_authentication_step, dispatch_uid="samverkan_reauthenticated"
    )
    mfa_signals.authenticator_added.connect(_on_mfa_added, dispatch_uid="samverkan_mfa_added")
    mfa_signals.authenticator_removed.connect(_on_mfa_removed, dispatch_uid="samverkan_mfa_removed")
    mfa_signals.authenticator_reset.connect(_on_mfa_reset, dispatch_uid="samverkan_mfa_reset")
    mfa_signals.authentication_failed.connect(on_mfa_failed, dispatch_uid="samverkan_mfa_failed")
