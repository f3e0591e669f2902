"""The start page (each role's working overview) and the accessibility statement."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.template import loader
from django.views.generic import TemplateView

from samverkan import startsida
from samverkan.models import Forbund, Insats, Medlemskap
from samverkan.permissions import roller


class StartView(LoginRequiredMixin, TemplateView):
    template_name = "samverkan/start.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        r = roller(user)
        # Each role's work, from the panels the apps registered (samverkan/startsida.py).
        ctx["sektioner"] = [
            (
                sektion,
                [
                    loader.render_to_string(p.mall, p.context, request=self.request)
                    for p in sektion.paneler
                ],
            )
            for sektion in startsida.sektioner(self.request)
        ]
        ctx["mina_medlemskap"] = (
            Medlemskap.objects.filter(user=user)
            .aktiva()
            .select_related("forbund", "insats", "organisation")
            .order_by("forbund__namn", "roll")
        )
        ctx["mina_insatser"] = startsida.mina_insatser(self.request)
        if r.ar_handlaggare:
            ctx["remissbara_insatser"] = (
                Insats.objects.for_user(user)
                .filter(typ=Insats.Typ.INDIVID)
                .aktiva()
                .select_related("forbund")
            )
        if r.ar_forbundsadmin or r.ar_styrelse:
            ctx["forbund_oversikt"] = (
                Forbund.objects.filter(pk__in=r.admin_forbund | r.styrelse_forbund)
                .annotate(
                    antal_insatser=Count("insatser", distinct=True),
                    antal_organisationer=Count("organisationer", distinct=True),
                )
                .order_by("namn")
            )
        return ctx


class TillganglighetView(TemplateView):
    template_name = "samverkan/tillganglighet.html"
