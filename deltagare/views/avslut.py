"""Step 5: avslut with the hand-over document, and the follow-up a year later."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from deltagare import services
from deltagare.forms.avslut import AvslutForm, UppfoljningForm
from deltagare.koder import Steg
from deltagare.models import Uppfoljning
from deltagare.pdf import overlamning_pdf
from deltagare.views.gemensamt import InskrivningMixin, StegFormView


class AvslutaView(StegFormView):
    form_class = AvslutForm
    rubrik = gettext_lazy("Avsluta")
    intro = gettext_lazy(
        "Planera avslutet tillsammans med deltagaren och remittenten. "
        "SUS-uppgifterna vid avslut jämförs med dem vid inskrivningen."
    )
    lyckat = gettext_lazy("Ärendet är avslutat.")
    tjanst = staticmethod(services.inskrivning_avsluta)

    def get_form_kwargs(self):
        return {"kraver_sus": self.inskrivning.steg != Steg.AKTUALISERING}

    def argument(self, form):
        sus = form.kraver_sus  # a case never enrolled has no SUS at start to compare with
        return {
            "avslut": form.avslut(),
            "sus": form.sus() if sus else None,
            "forsorjning": form.cleaned_data.get("forsorjning") if sus else None,
        }


class OverlamningPdfView(InskrivningMixin, View):
    audit_read = False  # the print event says it

    def get(self, request, uuid):
        i = self.inskrivning
        if not i.ar_avslutad or i.deltagare.anonym:
            return redirect(self.detail_url)
        return self.utskrift(overlamning_pdf(i), "overlamning.pdf", {"dokument": "overlamning"})


class UppfoljningView(StegFormView):
    form_class = UppfoljningForm
    rubrik = gettext_lazy("Uppföljning 12 månader efter avslut")
    lyckat = gettext_lazy("Uppföljningen är registrerad.")

    def perform(self, form):
        uppfoljning = Uppfoljning.objects.filter(inskrivning=self.inskrivning).first()
        if uppfoljning is None:
            raise ValidationError(_("Ingen uppföljning är planerad för det här ärendet."))
        services.uppfoljning_registrera(
            actor=self.request.user,
            uppfoljning=uppfoljning,
            request=self.request,
            **form.cleaned_data,
        )
