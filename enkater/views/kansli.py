"""The förbund office's base: its own förbund, and its questionnaires."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied

from enkater.models import Enkat
from samverkan.models import Forbund, Insats
from samverkan.permissions import ObjektetForstMixin, roller


class KansliMixin(LoginRequiredMixin):
    """The förbund office (förbundsadministratör) of its own förbund."""

    def dispatch(self, request, *args, **kwargs):
        # Anonymous users go on to LoginRequiredMixin, which sends them to log in.
        if request.user.is_authenticated:
            admin = roller(request.user).admin_forbund
            if not admin:
                raise PermissionDenied
            objekt = getattr(self, "objekt", None)
            self.forbund = objekt.forbund if objekt else Forbund.objects.get(pk=min(admin))
        return super().dispatch(request, *args, **kwargs)

    def insatser(self):
        return Insats.objects.filter(forbund=self.forbund).order_by("namn")


class EnkatMixin(ObjektetForstMixin, KansliMixin):
    """The questionnaire the URL names, of the office's förbund: 404 outside it,
    for every role and method, and its förbund is the page's."""

    objekt_queryset = Enkat.objects.select_related("forbund")

    @property
    def enkat(self) -> Enkat:
        return self.objekt
