"""Handing out one-time links: the coordinator's link and QR code for a
participant, the office's yearly mailing of the samverkansindikatorer."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from deltagare.views.gemensamt import InskrivningMixin, StaffMixin
from enkater import selectors
from enkater.forms import LankForm, UtskickForm, spara
from enkater.models import Enkat
from enkater.qr import qr_svg
from enkater.services import lankar as services
from enkater.services.enkat import standardenkater_skapa
from enkater.views.kansli import KansliMixin
from samverkan.models import Medlemskap, Roll


class UtskickView(KansliMixin, View):
    def form(self, data=None):
        # The defaults exist (and are preselected) from the first time the office looks.
        standardenkater_skapa(self.forbund)
        enkater = selectors.att_lamna_ut(self.forbund, Enkat.Typ.SAMVERKAN)
        return UtskickForm(data, insatser=self.insatser(), enkater=enkater)

    def get(self, request):
        return render(request, "enkater/utskick.html", {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        antal = spara(form, lambda: self.skicka(form.cleaned_data))
        if antal is None:
            return render(request, "enkater/utskick.html", {"form": form})
        messages.success(request, _("%(n)s enkätlänkar skickas nu.") % {"n": antal})
        return redirect("enkater:samverkan-utskick")

    def skicka(self, data) -> int:
        adresser = list(data["adresser"])
        if data["personal"]:
            adresser += list(
                Medlemskap.objects.filter(insats=data["insats"], roll=Roll.SAMORDNARE)
                .aktiva()
                .values_list("user__email", flat=True)
            )
        return services.samverkanslankar_skicka(
            actor=self.request.user, insats=data["insats"], adresser=adresser, enkat=data["enkat"]
        )


class LankListView(StaffMixin, View):
    """The coordinator's recent exits and active cases, each with a link button."""

    def get(self, request):
        from deltagare.models import Inskrivning

        sedan = timezone.localdate() - timezone.timedelta(days=90)
        fall = (
            Inskrivning.objects.for_user(request.user)
            .filter(felregistrerad=False, inskrivningsdatum__isnull=False)
            .exclude(avslutsdatum__lt=sedan)
            .select_related("deltagare", "insats")
            .order_by("-avslutsdatum", "deltagare__efternamn")[:100]
        )
        return render(request, "enkater/lank_list.html", {"fall": fall})


class LankSkapaView(InskrivningMixin, View):
    def sida(self, form):
        return render(
            self.request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": form}
        )

    def form(self, data=None):
        forbund = self.inskrivning.insats.forbund
        standardenkater_skapa(forbund)  # the default to preselect
        return LankForm(data, enkater=selectors.att_lamna_ut(forbund, Enkat.Typ.DELTAGARE))

    def get(self, request, uuid):
        return self.sida(self.form())

    def post(self, request, uuid):
        form = self.form(request.POST)
        token = spara(
            form,
            lambda: services.deltagarlank_skapa(
                actor=request.user,
                inskrivning=self.inskrivning,
                tillfalle=form.cleaned_data["tillfalle"],
                enkat=form.cleaned_data["enkat"],
            ),
        )
        if token is None:
            return self.sida(form)
        url = request.build_absolute_uri(services.lank_url(token))
        # Shown once, on this answer to the POST: the token is stored nowhere.
        return render(
            request,
            "enkater/lank_visa.html",
            {
                "url": url,
                "qr": qr_svg(url, titel=_("QR-kod till enkäten")),
                "fall": self.inskrivning,
            },
        )
