"""The board's pages: the applicant's and the office's application lists, the
board portal of meetings and published protocols. Thin: reads through for_user(),
writes through the services, 404 for anything out of scope."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from samverkan import audit
from samverkan.models import Forbund, Organisation, Roll, User
from samverkan.permissions import ObjektetForstMixin, ar_admin_for, get_object_for_user, roller
from styrelse import forms
from styrelse.models import (
    Ansokan,
    Arende,
    Budgetrad,
    ForbundEkonomiAr,
    Protokollversion,
    Sammantrade,
    Uppdrag,
)
from styrelse.services import ansokan as ansokan_services
from styrelse.services import ekonomi as ekonomi_services
from styrelse.services import protokoll as protokoll_services
from styrelse.services import sammantrade as sammantrade_services


class StyrelseMixin(LoginRequiredMixin):
    """The office and the board of a förbund; 403 for everyone else."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            r = roller(request.user)
            if not (request.user.is_superuser or r.ar_forbundsadmin or r.ar_styrelse):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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


class SammantradeListView(StyrelseMixin, View):
    def get(self, request):
        sammantraden = (
            Sammantrade.objects.for_user(request.user)
            .select_related("forbund")
            .prefetch_related(
                Prefetch(
                    "protokollversioner",
                    queryset=Protokollversion.objects.order_by("-version"),
                )
            )
            .order_by("-datum")
        )
        uppdrag = (
            Uppdrag.objects.for_user(request.user)
            .filter(aterrapporterat_i__isnull=True)
            .select_related("arende", "aterrapport_till")
        )
        return render(
            request,
            "styrelse/sammantrade_list.html",
            {
                "sammantraden": sammantraden,
                "uppdrag": uppdrag,
                "ar_kansli": roller(request.user).ar_forbundsadmin,
            },
        )


class SammantradeDetailView(ObjektetForstMixin, StyrelseMixin, View):
    objekt_queryset = Sammantrade.objects

    def hamta(self, request, uuid):
        return get_object_for_user(
            Sammantrade.objects.select_related("forbund"), request, uuid=uuid
        )

    def get(self, request, uuid):
        sammantrade = self.hamta(request, uuid)
        arenden = sammantrade.arenden.select_related("ansokan", "rapport").prefetch_related(
            "attsatser"
        )
        narvaro = list(sammantrade.narvaro.all())
        return render(
            request,
            "styrelse/sammantrade_detail.html",
            {
                "sammantrade": sammantrade,
                "arenden": arenden,
                "narvaro": narvaro,
                "protokoll": sammantrade.protokollversioner.order_by("-version"),
                "kallelser": sammantrade.kallelser.select_related("skickad_av"),
                "ar_kansli": ar_admin_for(request.user, sammantrade.forbund_id),
                "oppet": sammantrade.status in sammantrade_services.OPPNA,
                "kan_justera": sammantrade.status == Sammantrade.Status.UPPRATTAT
                and any(
                    n.user_id == request.user.pk and n.justerare and not n.justerat for n in narvaro
                ),
            },
        )


class SammantradeJusteraView(SammantradeDetailView):
    def get(self, request, uuid):
        self.hamta(request, uuid)
        return redirect("styrelse:sammantrade-detail", uuid=uuid)

    def post(self, request, uuid):
        sammantrade = self.hamta(request, uuid)
        try:
            sammantrade_services.protokoll_justera(
                actor=request.user, sammantrade=sammantrade, request=request
            )
        except (ValidationError, PermissionDenied) as fel:
            messages.error(request, " ".join(getattr(fel, "messages", [str(fel)])))
        else:
            messages.success(request, _("Du har justerat protokollet."))
        return redirect("styrelse:sammantrade-detail", uuid=uuid)


class ProtokollPdfView(ObjektetForstMixin, StyrelseMixin, View):
    objekt_queryset = Protokollversion.objects

    """The frozen file exactly as published; every download is an audit event."""

    def get(self, request, uuid):
        protokoll = get_object_for_user(
            Protokollversion.objects.select_related("sammantrade"), request, uuid=uuid
        )
        protokoll_services.protokoll_hamtat(
            actor=request.user, protokoll=protokoll, request=request
        )
        return FileResponse(
            protokoll.fil.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"protokoll-{protokoll.sammantrade.datum:%Y-%m-%d}-v{protokoll.version}.pdf",
        )


# -- the applicant's pages ------------------------------------------------------------


def _form_sida(
    request, form, *, rubrik, tillbaka, intro="", status=200, knapp=None, multipart=False
):
    return render(
        request,
        "styrelse/form.html",
        {
            "form": form,
            "rubrik": rubrik,
            "tillbaka": tillbaka,
            "intro": intro,
            "knapp": knapp or _("Spara"),
            "multipart": multipart,
        },
        status=status,
    )


class AnsokanCreateView(LoginRequiredMixin, View):
    """A partner organisation's staff start an application (a draft)."""

    def _organisationer(self, request):
        r = roller(request.user)
        if not r.ar_handlaggare:
            raise PermissionDenied
        return Organisation.objects.filter(pk__in=r.handlaggare_organisationer, aktiv=True)

    def get(self, request):
        form = forms.AnsokanSkapaForm(organisationer=self._organisationer(request))
        return _form_sida(
            request,
            form,
            rubrik=_("Ny ansökan om medel"),
            tillbaka=reverse("styrelse:ansokan-list"),
            knapp=_("Skapa utkast"),
        )

    def post(self, request):
        form = forms.AnsokanSkapaForm(request.POST, organisationer=self._organisationer(request))
        if form.is_valid():
            ansokan = ansokan_services.ansokan_skapa(
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
                typ=form.cleaned_data["typ"],
                request=request,
            )
            return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)
        return _form_sida(
            request,
            form,
            rubrik=_("Ny ansökan om medel"),
            tillbaka=reverse("styrelse:ansokan-list"),
            status=400,
        )


class PappersansokanView(LoginRequiredMixin, View):
    """The office registers an application that came on paper."""

    def _forbund(self, request):
        forbund = Forbund.objects.filter(pk__in=roller(request.user).admin_forbund).first()
        if forbund is None:
            raise PermissionDenied
        return forbund

    def get(self, request):
        self._forbund(request)
        return _form_sida(
            request,
            forms.PappersansokanForm(),
            rubrik=_("Registrera pappersansökan"),
            tillbaka=reverse("styrelse:ansokan-list"),
        )

    def post(self, request):
        forbund = self._forbund(request)
        form = forms.PappersansokanForm(request.POST)
        if form.is_valid():
            ansokan = ansokan_services.ansokan_registrera_pappersansokan(
                actor=request.user, forbund=forbund, request=request, **form.cleaned_data
            )
            return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)
        return _form_sida(
            request,
            form,
            rubrik=_("Registrera pappersansökan"),
            tillbaka=reverse("styrelse:ansokan-list"),
            status=400,
        )


class AnsokningsinbjudanView(PappersansokanView):
    """The office invites an external applicant to write one application."""

    def get(self, request):
        self._forbund(request)
        return self._sida(request, forms.AnsokningsinbjudanForm())

    def _sida(self, request, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=_("Bjud in extern sökande"),
            tillbaka=reverse("styrelse:ansokan-list"),
            intro=_(
                "För en sökande som inte är en av förbundets parter, t.ex. en folkhögskola "
                "eller ett socialt företag. Personen får ett e-postmeddelande med en länk."
            ),
            knapp=_("Skicka inbjudan"),
            status=status,
        )

    def post(self, request):
        forbund = self._forbund(request)
        form = forms.AnsokningsinbjudanForm(request.POST)
        if form.is_valid():
            try:
                ansokan_services.ansokningsinbjudan_skapa(
                    actor=request.user, forbund=forbund, request=request, **form.cleaned_data
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                messages.success(request, _("Inbjudan är skickad."))
                return redirect("styrelse:ansokan-list")
        return self._sida(request, form, status=400)


SEKTIONSRUBRIK = {
    "sokande": _("Sökande organisation"),
    "insats": _("Insatsen och perioden"),
    "bakgrund": _("Bakgrund, syfte och mål"),
    "malgrupp": _("Målgrupp"),
    "genomforande": _("Genomförande och samverkan"),
    "plan": _("Tidplan, uppföljning och implementering"),
    "medfinansiering": _("Medfinansiering av externt projekt"),
}


class AnsokanMixin(ObjektetForstMixin, LoginRequiredMixin):
    objekt_queryset = Ansokan.objects

    def hamta(self, request, uuid, *, redigera=False):
        ansokan = get_object_for_user(Ansokan.objects.all(), request, uuid=uuid)
        if redigera and not ansokan_services.far_redigera(request.user, ansokan):
            raise PermissionDenied
        return ansokan


class AnsokanSektionView(AnsokanMixin, View):
    """One section of the draft, saved on its own."""

    def _sida(self, request, ansokan, sektion, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=SEKTIONSRUBRIK[sektion],
            tillbaka=reverse("styrelse:ansokan-detail", kwargs={"uuid": ansokan.uuid}),
            status=status,
        )

    def get(self, request, uuid, sektion):
        if sektion not in Ansokan.SEKTIONER:
            raise Http404
        ansokan = self.hamta(request, uuid, redigera=True)
        return self._sida(request, ansokan, sektion, forms.sektion_form(ansokan, sektion))

    def post(self, request, uuid, sektion):
        if sektion not in Ansokan.SEKTIONER:
            raise Http404
        ansokan = self.hamta(request, uuid, redigera=True)
        form = forms.sektion_form(ansokan, sektion, request.POST)
        if form.is_valid():
            try:
                ansokan_services.ansokan_spara_sektion(
                    actor=request.user,
                    ansokan=ansokan,
                    sektion=sektion,
                    data=form.cleaned_data,
                    request=request,
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                messages.success(request, _("Sparat."))
                return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)
        return self._sida(request, ansokan, sektion, form, status=400)


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
                return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)
        return self._sida(request, ansokan, formset, status=400)


class AnsokanBilagaView(AnsokanMixin, View):
    def get(self, request, uuid):
        ansokan = self.hamta(request, uuid, redigera=True)
        return _form_sida(
            request,
            forms.BilagaForm(),
            rubrik=_("Lägg till bilaga"),
            tillbaka=reverse("styrelse:ansokan-detail", kwargs={"uuid": ansokan.uuid}),
            multipart=True,
        )

    def post(self, request, uuid):
        ansokan = self.hamta(request, uuid, redigera=True)
        form = forms.BilagaForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                ansokan_services.ansokan_lagg_till_bilaga(
                    actor=request.user,
                    ansokan=ansokan,
                    upload=form.cleaned_data["fil"],
                    request=request,
                )
            except ValidationError as fel:
                form.add_error("fil", fel)
            else:
                messages.success(request, _("Bilagan är sparad."))
                return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)
        return _form_sida(
            request,
            form,
            rubrik=_("Lägg till bilaga"),
            tillbaka=reverse("styrelse:ansokan-detail", kwargs={"uuid": ansokan.uuid}),
            multipart=True,
            status=400,
        )


class AnsokanSkickaView(AnsokanMixin, View):
    def get(self, request, uuid):
        self.hamta(request, uuid)
        return redirect("styrelse:ansokan-detail", uuid=uuid)

    def post(self, request, uuid):
        ansokan = self.hamta(request, uuid, redigera=True)
        try:
            ansokan_services.ansokan_skicka_in(actor=request.user, ansokan=ansokan, request=request)
        except ValidationError as fel:
            for meddelanden in getattr(fel, "message_dict", {"": fel.messages}).items():
                namn, texter = meddelanden
                for text in texter:
                    messages.error(request, f"{_falt_namn(namn)}{text}")
        else:
            messages.success(request, _("Ansökan är inskickad."))
        return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)


def _falt_namn(namn):
    if not namn or namn == "__all__":
        return ""
    if namn == "budget":
        return f"{_('Budget')}: "
    try:
        return f"{Ansokan._meta.get_field(namn).verbose_name}: ".capitalize()
    except Exception:
        return ""


# -- the office's pages ---------------------------------------------------------------


class AnsokanBeredningView(AnsokanMixin, View):
    objekt_scope = "for_kansli"

    """The office starts the beredning and records the local group's tillstyrkan."""

    def _hamta_kansli(self, request, uuid):
        return get_object_for_user(Ansokan.objects.all(), request, scope="for_kansli", uuid=uuid)

    def _sida(self, request, ansokan, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=_("Beredning: %(ansokan)s") % {"ansokan": ansokan},
            tillbaka=reverse("styrelse:ansokan-detail", kwargs={"uuid": ansokan.uuid}),
            status=status,
        )

    def get(self, request, uuid):
        ansokan = self._hamta_kansli(request, uuid)
        form = forms.BeredningForm(
            initial={
                "lsg_tillstyrkt": ansokan.lsg_tillstyrkt,
                "lsg_datum": ansokan.lsg_datum,
                "beredning": ansokan.beredning,
            }
        )
        return self._sida(request, ansokan, form)

    def post(self, request, uuid):
        ansokan = self._hamta_kansli(request, uuid)
        form = forms.BeredningForm(request.POST)
        if form.is_valid():
            try:
                if ansokan.status == Ansokan.Status.INKOMMEN:
                    ansokan = ansokan_services.ansokan_borja_beredning(
                        actor=request.user, ansokan=ansokan, request=request
                    )
                ansokan_services.ansokan_spara_beredning(
                    actor=request.user, ansokan=ansokan, request=request, **form.cleaned_data
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                messages.success(request, _("Beredningen är sparad."))
                return redirect("styrelse:ansokan-detail", uuid=ansokan.uuid)
        return self._sida(request, ansokan, form, status=400)


class KansliMixin(ObjektetForstMixin, LoginRequiredMixin):
    objekt_queryset = Sammantrade.objects

    def hamta_sammantrade(self, request, uuid):
        sammantrade = get_object_for_user(
            Sammantrade.objects.select_related("forbund"), request, uuid=uuid
        )
        if not ar_admin_for(request.user, sammantrade.forbund_id):
            raise PermissionDenied
        return sammantrade


class SammantradeCreateView(LoginRequiredMixin, View):
    def _forbund(self, request):
        forbund = Forbund.objects.filter(pk__in=roller(request.user).admin_forbund).first()
        if forbund is None:
            raise PermissionDenied
        return forbund

    def get(self, request):
        self._forbund(request)
        return _form_sida(
            request,
            forms.SammantradeForm(),
            rubrik=_("Nytt sammanträde"),
            tillbaka=reverse("styrelse:sammantrade-list"),
        )

    def post(self, request):
        forbund = self._forbund(request)
        form = forms.SammantradeForm(request.POST)
        if form.is_valid():
            try:
                sammantrade = sammantrade_services.sammantrade_skapa(
                    actor=request.user, forbund=forbund, request=request, **form.cleaned_data
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                return redirect("styrelse:sammantrade-detail", uuid=sammantrade.uuid)
        return _form_sida(
            request,
            form,
            rubrik=_("Nytt sammanträde"),
            tillbaka=reverse("styrelse:sammantrade-list"),
            status=400,
        )


class SammantradeTillaggView(KansliMixin, View):
    """A row added to a meeting (närvaro, ärende): one form, one service, back to the meeting."""

    rubrik = ""
    service = None

    def _form(self, sammantrade, data=None):
        raise NotImplementedError

    def _sida(self, request, sammantrade, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=self.rubrik % {"mote": sammantrade},
            tillbaka=reverse("styrelse:sammantrade-detail", kwargs={"uuid": sammantrade.uuid}),
            status=status,
        )

    def get(self, request, uuid):
        sammantrade = self.hamta_sammantrade(request, uuid)
        return self._sida(request, sammantrade, self._form(sammantrade))

    def post(self, request, uuid):
        sammantrade = self.hamta_sammantrade(request, uuid)
        form = self._form(sammantrade, request.POST)
        if form.is_valid():
            try:
                self.service(
                    actor=request.user,
                    sammantrade=sammantrade,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                return redirect("styrelse:sammantrade-detail", uuid=sammantrade.uuid)
        return self._sida(request, sammantrade, form, status=400)


class NarvaroCreateView(SammantradeTillaggView):
    rubrik = gettext_lazy("Närvaro: %(mote)s")
    service = staticmethod(sammantrade_services.narvaro_lagg_till)

    def _form(self, sammantrade, data=None):
        anvandare = User.objects.filter(
            medlemskap__forbund=sammantrade.forbund_id, medlemskap__roll=Roll.STYRELSE
        ).distinct()
        return forms.NarvaroForm(data, anvandare=anvandare)


class ArendeCreateView(SammantradeTillaggView):
    rubrik = gettext_lazy("Nytt ärende: %(mote)s")
    service = staticmethod(sammantrade_services.arende_skapa)

    def _form(self, sammantrade, data=None):
        ansokningar = Ansokan.objects.filter(
            forbund=sammantrade.forbund_id, status=Ansokan.Status.UNDER_BEREDNING
        )
        return forms.ArendeForm(data, ansokningar=ansokningar)


class NarvaroUpdateView(NarvaroCreateView):
    """Correct a närvaro row; refused once the protocol is drawn up."""

    rubrik = gettext_lazy("Ändra närvaro: %(mote)s")

    def _narvaro(self, sammantrade):
        narvaro = sammantrade.narvaro.filter(pk=self.kwargs["pk"]).first()
        if narvaro is None:
            raise Http404
        return narvaro

    def _form(self, sammantrade, data=None):
        form = super()._form(sammantrade, data)
        form.instance = self._narvaro(sammantrade)
        if data is None:
            form.initial = {f: getattr(form.instance, f) for f in form.fields}
            form.initial["user"] = form.instance.user_id
        return form

    def service(self, *, actor, sammantrade, request, **falt):
        return sammantrade_services.narvaro_andra(
            actor=actor, narvaro=self._narvaro(sammantrade), request=request, **falt
        )

    def get(self, request, uuid, pk):
        sammantrade = self.hamta_sammantrade(request, uuid)
        if not _oppet(request, sammantrade):
            return redirect("styrelse:sammantrade-detail", uuid=uuid)
        return self._sida(request, sammantrade, self._form(sammantrade))

    def post(self, request, uuid, pk):
        return super().post(request, uuid)


class NarvaroDeleteView(KansliMixin, View):
    def get(self, request, uuid, pk):
        self.hamta_sammantrade(request, uuid)
        return redirect("styrelse:sammantrade-detail", uuid=uuid)

    def post(self, request, uuid, pk):
        sammantrade = self.hamta_sammantrade(request, uuid)
        narvaro = sammantrade.narvaro.filter(pk=pk).first()
        if narvaro is None:
            raise Http404
        try:
            sammantrade_services.narvaro_ta_bort(
                actor=request.user, narvaro=narvaro, request=request
            )
        except ValidationError as fel:
            for text in fel.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Närvaron är borttagen."))
        return redirect("styrelse:sammantrade-detail", uuid=uuid)


def _oppet(request, sammantrade) -> bool:
    """Whether the meeting can still change; if not, say so on the meeting's page."""
    if sammantrade.status in sammantrade_services.OPPNA:
        return True
    messages.error(request, _("Protokollet är upprättat: sammanträdet kan inte ändras."))
    return False


class ArendeKansliMixin(KansliMixin):
    objekt_queryset = Arende.objects
    objekt_scope = "for_kansli"

    def hamta_arende(self, request, uuid):
        return get_object_for_user(
            Arende.objects.select_related("sammantrade", "ansokan"),
            request,
            scope="for_kansli",
            uuid=uuid,
        )


class ArendeUpdateView(ArendeKansliMixin, View):
    """Correct an agenda item; refused once the protocol is drawn up."""

    def _sida(self, request, arende, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=_("Ändra ärende: %(arende)s") % {"arende": arende.rubrik},
            tillbaka=reverse(
                "styrelse:sammantrade-detail", kwargs={"uuid": arende.sammantrade.uuid}
            ),
            status=status,
        )

    def get(self, request, uuid):
        arende = self.hamta_arende(request, uuid)
        if not _oppet(request, arende.sammantrade):
            return redirect("styrelse:sammantrade-detail", uuid=arende.sammantrade.uuid)
        initial = {f: getattr(arende, f) for f in sammantrade_services.ARENDE_FALT}
        return self._sida(request, arende, forms.ArendeAndraForm(initial=initial))

    def post(self, request, uuid):
        arende = self.hamta_arende(request, uuid)
        form = forms.ArendeAndraForm(request.POST)
        if form.is_valid():
            try:
                sammantrade_services.arende_andra(
                    actor=request.user, arende=arende, request=request, **form.cleaned_data
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                messages.success(request, _("Ärendet är ändrat."))
                return redirect("styrelse:sammantrade-detail", uuid=arende.sammantrade.uuid)
        return self._sida(request, arende, form, status=400)


class ArendeDeleteView(ArendeKansliMixin, View):
    def get(self, request, uuid):
        arende = self.hamta_arende(request, uuid)
        return redirect("styrelse:sammantrade-detail", uuid=arende.sammantrade.uuid)

    def post(self, request, uuid):
        arende = self.hamta_arende(request, uuid)
        try:
            sammantrade_services.arende_ta_bort(actor=request.user, arende=arende, request=request)
        except ValidationError as fel:
            for text in fel.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Ärendet är borttaget från dagordningen."))
        return redirect("styrelse:sammantrade-detail", uuid=arende.sammantrade.uuid)


class ArendeBeslutView(KansliMixin, View):
    objekt_queryset = Arende.objects
    objekt_scope = "for_kansli"

    def _hamta(self, request, uuid):
        return get_object_for_user(
            Arende.objects.select_related("sammantrade", "ansokan"),
            request,
            scope="for_kansli",
            uuid=uuid,
        )

    def _sida(self, request, arende, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=_("Beslut: %(arende)s") % {"arende": arende.rubrik},
            tillbaka=reverse(
                "styrelse:sammantrade-detail", kwargs={"uuid": arende.sammantrade.uuid}
            ),
            intro=arende.forslag,
            status=status,
        )

    def get(self, request, uuid):
        arende = self._hamta(request, uuid)
        return self._sida(request, arende, forms.BeslutForm())

    def post(self, request, uuid):
        arende = self._hamta(request, uuid)
        form = forms.BeslutForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                sammantrade_services.arende_besluta(
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
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
                if hasattr(fel, "error_dict") and "belopp_per_ar" in fel.error_dict:
                    form.add_error("belopp", fel.error_dict["belopp_per_ar"])
            else:
                return redirect("styrelse:sammantrade-detail", uuid=arende.sammantrade.uuid)
        return self._sida(request, arende, form, status=400)


class SammantradeUpprattaView(KansliMixin, View):
    def get(self, request, uuid):
        self.hamta_sammantrade(request, uuid)
        return redirect("styrelse:sammantrade-detail", uuid=uuid)

    def post(self, request, uuid):
        sammantrade = self.hamta_sammantrade(request, uuid)
        try:
            sammantrade_services.protokoll_uppratta(
                actor=request.user, sammantrade=sammantrade, request=request
            )
        except ValidationError as fel:
            for text in fel.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Protokollet är upprättat och paragraferna numrerade."))
        return redirect("styrelse:sammantrade-detail", uuid=uuid)


class SammantradeKallelseView(KansliMixin, View):
    """The office sends (or sends again) the kallelse to the board."""

    def get(self, request, uuid):
        self.hamta_sammantrade(request, uuid)
        return redirect("styrelse:sammantrade-detail", uuid=uuid)

    def post(self, request, uuid):
        sammantrade = self.hamta_sammantrade(request, uuid)
        try:
            utskick = sammantrade_services.kallelse_skicka(
                actor=request.user, sammantrade=sammantrade, request=request
            )
        except ValidationError as fel:
            for text in fel.messages:
                messages.error(request, text)
        else:
            messages.success(
                request,
                _("Kallelsen skickas till %(antal)s styrelseledamöter.")
                % {"antal": utskick.antal_mottagare},
            )
        return redirect("styrelse:sammantrade-detail", uuid=uuid)


class SammantradePubliceraView(KansliMixin, View):
    def _sida(self, request, sammantrade, form, status=200):
        return _form_sida(
            request,
            form,
            rubrik=_("Publicera protokoll: %(mote)s") % {"mote": sammantrade},
            tillbaka=reverse("styrelse:sammantrade-detail", kwargs={"uuid": sammantrade.uuid}),
            knapp=_("Publicera"),
            status=status,
        )

    def get(self, request, uuid):
        sammantrade = self.hamta_sammantrade(request, uuid)
        return self._sida(request, sammantrade, forms.PubliceraForm())

    def post(self, request, uuid):
        sammantrade = self.hamta_sammantrade(request, uuid)
        form = forms.PubliceraForm(request.POST)
        if form.is_valid():
            try:
                protokoll_services.protokoll_publicera(
                    actor=request.user,
                    sammantrade=sammantrade,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as fel:
                forms.fel_till_form(form, fel)
            else:
                messages.success(request, _("Protokollet är publicerat."))
                return redirect("styrelse:sammantrade-detail", uuid=uuid)
        return self._sida(request, sammantrade, form, status=400)


class ArendeUtdragView(KansliMixin, View):
    objekt_queryset = Arende.objects
    objekt_scope = "for_kansli"

    """A protokollsutdrag of one § (for an applicant); printing it is audited."""

    def get(self, request, uuid):
        arende = get_object_for_user(Arende.objects.all(), request, scope="for_kansli", uuid=uuid)
        try:
            pdf = protokoll_services.protokollsutdrag_pdf(
                actor=request.user, arende=arende, request=request
            )
        except ValidationError:
            raise Http404 from None
        svar = HttpResponse(pdf, content_type="application/pdf")
        svar["Content-Disposition"] = (
            f'attachment; filename="protokollsutdrag-{arende.paragraf}.pdf"'
        )
        return svar


# -- the förbund's economy ------------------------------------------------------------


class EkonomiView(StyrelseMixin, View):
    """The economic report: a page for the board and the office, and the
    agenda attachment of an item that asks for it. The office enters the
    year's income here."""

    def _forbund(self, request):
        r = roller(request.user)
        forbund = Forbund.objects.filter(pk__in=r.admin_forbund | r.styrelse_forbund).first()
        if forbund is None:
            forbund = Forbund.objects.for_user(request.user).first()
        if forbund is None:
            raise Http404
        return forbund

    def _ar(self, request):
        try:
            ar = int(request.GET.get("ar") or timezone.localdate().year)
        except ValueError:
            raise Http404 from None
        if not 2000 <= ar <= 2100:
            raise Http404
        return ar

    def _sida(self, request, forbund, ar, form, status=200):
        from styrelse.selectors import forbundets_ekonomi

        kansli = ar_admin_for(request.user, forbund.pk)
        audit.record(
            action=audit.Action.READ,
            actor=request.user,
            object_type="styrelse.forbundsekonomi",
            object_id=str(ar),
            forbund=forbund,
            request=request,
        )
        return render(
            request,
            "styrelse/ekonomi.html",
            {
                "forbund": forbund,
                "ar": ar,
                "e": forbundets_ekonomi(forbund=forbund, ar=ar),
                "form": form if kansli else None,
            },
            status=status,
        )

    def get(self, request):
        forbund, ar = self._forbund(request), self._ar(request)
        rad = ForbundEkonomiAr.objects.filter(forbund=forbund, ar=ar).first()
        return self._sida(request, forbund, ar, forms.ForbundEkonomiForm(instance=rad))

    def post(self, request):
        forbund, ar = self._forbund(request), self._ar(request)
        rad = ForbundEkonomiAr.objects.filter(forbund=forbund, ar=ar).first()
        form = forms.ForbundEkonomiForm(request.POST, instance=rad)
        if form.is_valid():
            ekonomi_services.forbundsekonomi_spara(
                actor=request.user, forbund=forbund, ar=ar, data=form.cleaned_data, request=request
            )
            messages.success(request, _("Förbundets ekonomi är sparad."))
            return redirect(f"{reverse('styrelse:ekonomi')}?ar={ar}")
        return self._sida(request, forbund, ar, form, status=400)
