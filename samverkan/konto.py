"""Login by e-mail code for handläggare: who may get a code, and the audit of every attempt."""

from allauth.account.forms import ConfirmLoginCodeForm, RequestLoginCodeForm
from allauth.core import context
from django.core.exceptions import ValidationError

from samverkan import audit
from samverkan.services import handlaggare_forsta_inloggning


class KodBegaranForm(RequestLoginCodeForm):
    def clean_email(self):
        email = super().clean_email()  # allauth's own rate limit is consumed here
        if email and getattr(self, "_user", None) is None:
            self._user = handlaggare_forsta_inloggning(email=email, request=context.request)
        user = getattr(self, "_user", None)
        # The typed address is not stored: only whether it belongs to an account.
        audit.record(
            action=audit.Action.LOGIN_CODE,
            obj=user,
            request=context.request,
            detail={"kant_konto": user is not None},
        )
        return email


class KodBekraftelseForm(ConfirmLoginCodeForm):
    def clean_code(self):
        try:
            return super().clean_code()
        except ValidationError:
            audit.record(
                action=audit.Action.LOGIN_FAILED,
                request=context.request,
                detail={"steg": "inloggningskod"},
            )
            raise


def skicka_valkomstlank(*, user, request) -> None:
    """Mail a new account a link to choose its own first password (ASVS 6.4.1).

    Nobody else ever knows the first password: the office creates the account
    without one, and the link is allauth's password-reset link, which works
    once and expires after ``PASSWORD_RESET_TIMEOUT``.
    """
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils.translation import gettext as _

    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    timmar = settings.PASSWORD_RESET_TIMEOUT // 3600
    send_mail(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Välj ditt lösenord"),
        message=_(
            "Ett konto i Samverkan har skapats åt dig.\n\n"
            "Välj ditt lösenord med länken nedan. Den gäller i %(timmar)s timmar och "
            "bara en gång. Har den gått ut, använd ”Glömt lösenord” på inloggningssidan.\n\n"
            "%(lank)s\n"
        )
        % {"timmar": timmar, "lank": request.build_absolute_uri(path)},
        from_email=None,
        recipient_list=[user.email],
    )
