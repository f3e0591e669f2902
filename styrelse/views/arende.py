"""The office's agenda items: new ones, corrections, removal, and the decision."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styrelse import forms
from styrelse.models import Ansokan, Arende
from styrelse.services import arende as arende_services
from styrelse.services import beslut as beslut_services
from styrelse.views.common import ArendeKansliMixin, FormSidaView, KnappView, oppet
from styrelse.views.sammantrade import SammantradeTillaggView


class ArendeCreateView(SammantradeTillaggView):
    rubrik = gettext_lazy("Nytt ärende: %(mote)s")
    service = staticmethod(arende_services.arende_skapa)

    def form(self, sammantrade, data=None, files=None):
        ansokningar = Ansokan.objects.filter(
            forbund=sammantrade.forbund_id, status=Ansokan.Status.UNDER_BEREDNING
        )
        return forms.ArendeForm(data, ansokningar=ansokningar)


class ArendeUpdateView(ArendeKansliMixin, FormSidaView):
    """Correct an agenda item; refused once the protocol is drawn up."""

    sparat = gettext_lazy("Ärendet är ändrat.")

    def get_rubrik(self, arende):
        return _("Ändra ärende: %(arende)s") % {"arende": arende.rubrik}

    def form(self, arende, data=None, files=None):
        if data is None:
            initial = {f: getattr(arende, f) for f in Arende.UPPGIFTER}
            return forms.ArendeAndraForm(initial=initial)
        return forms.ArendeAndraForm(data)

    def visa(self, request, arende):
        if not oppet(request, arende.sammantrade):
            return redirect(self.tillbaka(arende))
        return super().visa(request, arende)

    def spara(self, request, arende, form):
        arende_services.arende_andra(
            actor=request.user, arende=arende, request=request, **form.cleaned_data
        )
        return redirect(self.tillbaka(arende))


class ArendeDeleteView(ArendeKansliMixin, KnappView):
    def gor(self, request, arende):
        arende_services.arende_ta_bort(actor=request.user, arende=arende, request=request)
        return _("Ärendet är borttaget från dagordningen.")


class ArendeBeslutView(ArendeKansliMixin, FormSidaView):
    def get_rubrik(self, arende):
        return _("Beslut: %(arende)s") % {"arende": arende.rubrik}

    def get_intro(self, arende):
        return arende.forslag

    def form(self, arende, data=None, files=None):
        return forms.BeslutForm(data)

    def visa_fel(self, form, fel):
        super().visa_fel(form, fel)
        if hasattr(fel, "error_dict") and "belopp_per_ar" in fel.error_dict:
            form.add_error("belopp", fel.error_dict["belopp_per_ar"])

    def spara(self, request, arende, form):
        d = form.cleaned_data
        beslut_services.arende_besluta(
            actor=request.user,
            arende=arende,
            utfall=d["utfall"],
            attsatser=d["attsatser"],
            belopp_per_ar=d["belopp"],
            period_start=d["period_start"],
            period_slut=d["period_slut"],
            villkor=d["villkor"],
            request=request,
        )
        return redirect(self.tillbaka(arende))
