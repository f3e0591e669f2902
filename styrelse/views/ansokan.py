"""Applications for funds: the applicant's draft in sections, its budget,
attachments and sending; the office's paper applications and beredning."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from samverkan import audit
from samverkan.models import Organisation
from samverkan.permissions import ObjektetForstMixin, ar_admin_for, get_object_for_user, roller
from styrelse import forms
from styrelse.models import Ansokan, Budgetrad
from styrelse.services import ansokan as ansokan_services
from styrelse.views.common import FormSidaView, KansliForbundMixin, KnappView

SEKTIONSRUBRIK = {
    "sokande": gettext_lazy("Sökande organisation"),
    "insats": gettext_lazy("Insatsen och perioden"),
    "bakgrund": gettext_lazy("Bakgrund, syfte och mål"),
    "malgrupp": gettext_lazy("Målgrupp"),
    "genomforande": gettext_lazy("Genomförande och samverkan"),
    "plan": gettext_lazy("Tidplan, uppföljning och implementering"),
    "medfinansiering": gettext_lazy("Medfinansiering av externt projekt"),
}


class AnsokanListView(LoginRequiredMixin, View):
    def get(self, request):
        ansokningar = (
            Ansokan.objects.for_user(request.user)
            .select_related("organisation")
            .prefetch_related("budgetrader")
            .order_by("-skapad")
        )
        r = roller(request.user)
        return render(
            request,
            "styrelse/ansokan_list.html",
            {
                "ansokningar": ansokningar,
                "kan_soka": r.ar_handlaggare,
                "ar_kansli": r.ar_forbundsadmin,
            },
        )


class AnsokanDetailView(ObjektetForstMixin, LoginRequiredMixin, View):
    objekt_queryset = Ansokan.objects

    def get(self, request, uuid):
        ansokan = get_object_for_user(
            Ansokan.objects.select_related("organisation", "insats").prefetch_related(
                "budgetrader", "huvudman", "bilagor"
            ),
            request,
            uuid=uuid,
        )
        audit.record(action=audit.Action.READ, actor=request.user, obj=ansokan, request=request)
        rader = list(ansokan.budgetrader.all())
        summa = {
            "kostnader": sum(r.kostnader for r in rader),
            "intakter": sum(int(r.intakter) for r in rader),
            "netto": sum(r.netto for r in rader),
        }
        kansli = ar_admin_for(request.user, ansokan.forbund_id)
        return render(
            request,
            "styrelse/ansokan_detail.html",
            {
                "ansokan": ansokan,
                "rader": rader,
                "summa": summa,
                "kan_redigera": ansokan_services.far_redigera(request.user, ansokan),
                "sektioner": list(SEKTIONSRUBRIK.items()),
                "kan_bereda": kansli
                and ansokan.status
                in (
                    Ansokan.Status.INKOMMEN,
                    Ansokan.Status.UNDER_BEREDNING,
                    Ansokan.Status.PA_DAGORDNINGEN,
                ),
            },
        )


class AnsokanCreateView(LoginRequiredMixin, FormSidaView):
    """A partner organisation's staff start an application (a draft)."""

    rubrik = gettext_lazy("Ny ansökan om medel")
    knapp = gettext_lazy("Skapa utkast")

    def hamta_objekt(self, request):
        """The organisations the user may apply for."""
        r = roller(request.user)
        if not r.ar_handlaggare:
            raise PermissionDenied
        return Organisation.objects.filter(pk__in=r.handlaggare_organisationer, aktiv=True)

    def form(self, organisationer, data=None, files=None):
        return forms.AnsokanSkapaForm(data, organisationer=organisationer)

    def tillbaka(self, organisationer):
        return reverse("styrelse:ansokan-list")

    def spara(self, request, organisationer, form):
        ansokan = ansokan_services.ansokan_skapa(
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            typ=form.cleaned_data["typ"],
            request=request,
        )
        return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)


class PappersansokanView(KansliForbundMixin, FormSidaView):
    """The office registers an application that came on paper."""

    rubrik = gettext_lazy("Registrera pappersansökan")

    def form(self, forbund, data=None, files=None):
        return forms.PappersansokanForm(data)

    def tillbaka(self, forbund):
        return reverse("styrelse:ansokan-list")

    def spara(self, request, forbund, form):
        ansokan = ansokan_services.ansokan_registrera_pappersansokan(
            actor=request.user, forbund=forbund, request=request, **form.cleaned_data
        )
        return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)


class AnsokanMixin(ObjektetForstMixin, LoginRequiredMixin):
    objekt_queryset = Ansokan.objects

    def hamta(self, request, uuid, *, redigera=False):
        ansokan = get_object_for_user(Ansokan.objects.all(), request, uuid=uuid)
        if redigera and not ansokan_services.far_redigera(request.user, ansokan):
            raise PermissionDenied
        return ansokan

    def tillbaka(self, ansokan):
        return reverse("styrelse:ansokan-detail", kwargs={"uuid": ansokan.uuid})


class AnsokanSektionView(AnsokanMixin, FormSidaView):
    """One section of the draft, saved on its own."""

    sparat = gettext_lazy("Sparat.")

    def hamta_objekt(self, request, uuid, sektion):
        if sektion not in Ansokan.SEKTIONER:
            raise Http404
        return self.hamta(request, uuid, redigera=True)

    def get_rubrik(self, ansokan):
        return SEKTIONSRUBRIK[self.kwargs["sektion"]]

    def form(self, ansokan, data=None, files=None):
        return forms.sektion_form(ansokan, self.kwargs["sektion"], data)

    def spara(self, request, ansokan, form):
        ansokan_services.ansokan_spara_sektion(
            actor=request.user,
            ansokan=ansokan,
            sektion=self.kwargs["sektion"],
            data=form.cleaned_data,
            request=request,
        )
        return redirect(self.tillbaka(ansokan))


class AnsokanBudgetView(AnsokanMixin, View):
    """The budget table: one row per year; sums are computed on the application's page."""

    def _sida(self, request, ansokan, formset, status=200):
        return render(
            request,
            "styrelse/ansokan_budget.html",
            {"ansokan": ansokan, "formset": formset},
            status=status,
        )

    def get(self, request, uuid):
        ansokan = self.hamta(request, uuid, redigera=True)
        rader = [
            {f: getattr(r, f) for f in ("ar", *Budgetrad.KOSTNADER, "intakter")}
            for r in ansokan.budgetrader.all()
        ]
        formset = forms.BudgetFormSet(initial=rader + [{}] * (3 if not rader else 1))
        formset.extra = 0
        return self._sida(request, ansokan, formset)

    def post(self, request, uuid):
        ansokan = self.hamta(request, uuid, redigera=True)
        formset = forms.BudgetFormSet(request.POST)
        if formset.is_valid():
            rader = [r for f in formset.forms if (r := f.rad()) is not None]
            try:
                ansokan_services.ansokan_spara_budget(
                    actor=request.user, ansokan=ansokan, rader=rader, request=request
                )
            except ValidationError as fel:
                formset._non_form_errors = formset.error_class(fel.messages)
            else:
                messages.success(request, _("Budgeten är sparad."))
                return redirect(self.tillbaka(ansokan))
        return self._sida(request, ansokan, formset, status=400)


class AnsokanBilagaView(AnsokanMixin, FormSidaView):
    rubrik = gettext_lazy("Lägg till bilaga")
    multipart = True
    sparat = gettext_lazy("Bilagan är sparad.")

    def hamta_objekt(self, request, uuid):
        return self.hamta(request, uuid, redigera=True)

    def form(self, ansokan, data=None, files=None):
        return forms.BilagaForm(data, files)

    def visa_fel(self, form, fel):
        form.add_error("fil", fel)

    def spara(self, request, ansokan, form):
        ansokan_services.ansokan_lagg_till_bilaga(
            actor=request.user, ansokan=ansokan, upload=form.cleaned_data["fil"], request=request
        )
        return redirect(self.tillbaka(ansokan))


class AnsokanSkickaView(AnsokanMixin, KnappView):
    def hamta_objekt(self, request, uuid):
        return self.hamta(request, uuid)

    def hamta_objekt_for_post(self, request, uuid):
        return self.hamta(request, uuid, redigera=True)

    def gor(self, request, ansokan):
        ansokan_services.ansokan_skicka_in(actor=request.user, ansokan=ansokan, request=request)
        return _("Ansökan är inskickad.")

    def visa_fel(self, request, fel):
        # Each missing part with the name of its field.
        for namn, texter in getattr(fel, "message_dict", {"": fel.messages}).items():
            for text in texter:
                messages.error(request, f"{_falt_namn(namn)}{text}")


def _falt_namn(namn):
    if not namn or namn == "__all__":
        return ""
    if namn == "budget":
        return f"{_('Budget')}: "
    try:
        return f"{Ansokan._meta.get_field(namn).verbose_name}: ".capitalize()
    except Exception:
        return ""


class AnsokanBeredningView(AnsokanMixin, FormSidaView):
    """The office starts the beredning and records the local group's tillstyrkan."""

    objekt_scope = "for_kansli"
    sparat = gettext_lazy("Beredningen är sparad.")

    def hamta_objekt(self, request, uuid):
        return get_object_for_user(Ansokan.objects.all(), request, scope="for_kansli", uuid=uuid)

    def get_rubrik(self, ansokan):
        return _("Beredning: %(ansokan)s") % {"ansokan": ansokan}

    def form(self, ansokan, data=None, files=None):
        initial = {
            "lsg_tillstyrkt": ansokan.lsg_tillstyrkt,
            "lsg_datum": ansokan.lsg_datum,
            "beredning": ansokan.beredning,
        }
        return forms.BeredningForm(data, initial=initial)

    def spara(self, request, ansokan, form):
        if ansokan.status == Ansokan.Status.INKOMMEN:
            ansokan = ansokan_services.ansokan_borja_beredning(
                actor=request.user, ansokan=ansokan, request=request
            )
        ansokan_services.ansokan_spara_beredning(
            actor=request.user, ansokan=ansokan, request=request, **form.cleaned_data
        )
        return redirect(self.tillbaka(ansokan))
