"""The case's page; step 2, skriv in; and what concerns the case as a whole."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from deltagare import selectors, services, tillagg
from deltagare.forms.inskrivning import ForlangForm, GallringsstoppForm, SkrivInForm
from deltagare.gallring import deltagare_gallringsstopp
from deltagare.koder import STEG_ORDNING, Steg
from deltagare.models import Inskrivning, Kartlaggning, Uppfoljning
from deltagare.views.gemensamt import InskrivningMixin, StegFormView, utfor


class InskrivningDetailView(InskrivningMixin, View):
    def get(self, request, uuid):
        i = self.inskrivning
        d = i.deltagare
        today = timezone.localdate()
        samtycken = list(i.samtycken.prefetch_related("organisationer"))
        giltigt = next((s for s in samtycken if s.ar_giltigt(today)), None)
        kontaktpersoner = {i.kontaktperson_id, i.kontaktperson2_id} - {None}
        plan = i.planversioner.prefetch_related("steg").first()
        context = {
            "inskrivning": i,
            "deltagare": d,
            "steg": [
                (Steg(s), n < i.steg_index, n == i.steg_index) for n, s in enumerate(STEG_ORDNING)
            ],
            "visa_kontakt": not d.skyddade_personuppgifter or request.user.pk in kontaktpersoner,
            "samtycken": samtycken,
            "giltigt_samtycke": giltigt,
            "kartlaggning": Kartlaggning.objects.filter(inskrivning=i).first(),
            "samtal": i.samtal.select_related("personal"),
            "plan": plan,
            "aktiviteter": i.aktiviteter.all()[:50],
            "kontakter": i.kontakter.select_related("registrerad_av")[:50],
            "avslut": getattr(i, "avslut", None) if i.ar_avslutad else None,
            "uppfoljning": Uppfoljning.objects.filter(inskrivning=i).first(),
            "dagar_kvar": i.dagar_kvar(today),
            "varning": i.dagar_kvar(today) is not None
            and i.dagar_kvar(today) <= selectors.VARNING_DAGAR,
            "tidslinje": selectors.tidslinje(i),
            "tillagg": tillagg.atgarder(i, request.user),  # buttons of later apps
            "andra_inskrivningar": Inskrivning.objects.for_user(request.user)
            .filter(deltagare=d)
            .exclude(pk=i.pk)
            .select_related("insats"),
        }
        return render(request, "deltagare/inskrivning_detail.html", context)


class SkrivInView(StegFormView):
    form_class = SkrivInForm
    rubrik = gettext_lazy("Skriv in")
    intro = gettext_lazy(
        "Inskrivningen kräver ett giltigt samtycke. Uppgifterna nedan är SUS-uppgifter vid start."
    )
    lyckat = gettext_lazy("Personen är inskriven.")
    tjanst = staticmethod(services.inskrivning_skriv_in)

    def get_form_kwargs(self):
        return {"personal": self.personal()}

    def get_initial(self):
        return {"kontaktperson": self.request.user.pk}

    def argument(self, form):
        d = form.cleaned_data
        falt = ("datum", "kontaktperson", "kontaktperson2", "forsorjning", "undantag_skal")
        return {"sus": form.sus(), **{f: d[f] for f in falt}}


class ForlangView(StegFormView):
    form_class = ForlangForm
    rubrik = gettext_lazy("Förläng med styrgruppens beslut")
    lyckat = gettext_lazy("Förlängningen är registrerad.")
    tjanst = staticmethod(services.inskrivning_forlang)


class GallringsstoppView(InskrivningMixin, View):
    """Set or lift the legal hold that stops gallring of the person's data."""

    def post(self, request, uuid):
        form = GallringsstoppForm(request.POST)
        if form.is_valid():
            utfor(
                request,
                deltagare_gallringsstopp,
                _("Gallringsstoppet är sparat."),
                deltagare=self.inskrivning.deltagare,
                **form.cleaned_data,
            )
        else:
            messages.error(request, _("Skälet får vara högst 300 tecken."))
        return redirect("deltagare:inskrivning-detail", uuid=self.inskrivning.uuid)
