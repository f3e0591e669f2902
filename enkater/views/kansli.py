"""The förbund office's base: its own förbund, and its questionnaires."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from enkater.models import Enkat
from samverkan.models import Forbund, Insats
from samverkan.permissions import get_object_for_user, roller


class KansliMixin(LoginRequiredMixin):
    """The förbund office (förbundsadministratör) of its own förbund."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        admin = roller(request.user).admin_forbund
        if not admin:
            raise PermissionDenied
        self.forbund = Forbund.objects.get(pk=min(admin))
        return super().dispatch(request, *args, **kwargs)

    def enkat(self, uuid) -> Enkat:
        enkat = get_object_for_user(
            Enkat.objects.select_related("forbund"), self.request, uuid=uuid
        )
        self.forbund = enkat.forbund
        return enkat

    def insatser(self):
        return Insats.objects.filter(forbund=self.forbund).order_by("namn")
