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
