"""Thin views: the office's questionnaires and results, the coordinator's
link, and the public answer pages (no login)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from deltagare.views.gemensamt import InskrivningMixin, StaffMixin
from enkater import begransning, selectors, services
from enkater.forms import EnkatForm, FragaForm, LankForm, ResultatForm, SvarForm, UtskickForm
from enkater.models import HTML_LANG, SPRAK, Enkat, Fraga, Text
from enkater.qr import qr_svg
from rapporter.export import csv_bytes, xlsx_bytes
from samverkan import audit
from samverkan.models import Forbund, Insats, Medlemskap, Roll
from samverkan.permissions import ObjektetForstMixin, get_object_for_user, roller

# -- the office ---------------------------------------------------------------------------


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


class EnkatListView(KansliMixin, View):
    def get(self, request):
        # The indicator questionnaires appear the first time the office looks.
        services.standardenkater_skapa(self.forbund)
        enkater = Enkat.objects.filter(forbund=self.forbund).prefetch_related("versioner")
        return render(request, "enkater/enkat_list.html", {"enkater": enkater})


class EnkatDetailView(ObjektetForstMixin, KansliMixin, View):
    objekt_queryset = Enkat.objects

    def get(self, request, uuid):
        enkat = self.enkat(uuid)
        versioner = list(enkat.versioner.order_by("-nummer"))
        sprak = request.GET.get("sprak") if request.GET.get("sprak") in SPRAK else "sv"
        visad = versioner[0] if versioner else None
        fragor = list(visad.fragor.prefetch_related("alternativ")) if visad else []
        txt = selectors.texter([visad.pk], sprak) if visad else {}
        return render(
            request,
            "enkater/enkat_detail.html",
            {
                "enkat": enkat,
                "versioner": versioner,
                "visad": visad,
                "fragor": [
                    {
                        "fraga": f,
                        "text": txt.get(("fraga", f.pk, None), ""),
                        "lag": txt.get(("lag", f.pk, None), ""),
                        "hog": txt.get(("hog", f.pk, None), ""),
                        "alternativ": [
                            txt.get(("alternativ", None, a.pk), "") for a in f.alternativ.all()
                        ],
                    }
                    for f in fragor
                ],
                "sprak": sprak,
                "sprakval": SPRAK,
                "typer": Fraga.Typ.choices,
            },
        )


class EnkatVersionNyView(ObjektetForstMixin, KansliMixin, View):
    objekt_queryset = Enkat.objects

    def post(self, request, uuid):
        enkat = self.enkat(uuid)
        try:
            services.version_ny(actor=request.user, enkat=enkat)
            messages.success(request, _("Ett utkast till en ny version har skapats."))
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("enkater:enkat-detail", uuid=enkat.uuid)


class EnkatPubliceraView(ObjektetForstMixin, KansliMixin, View):
    objekt_queryset = Enkat.objects

    def post(self, request, uuid):
        enkat = self.enkat(uuid)
        utkast = enkat.versioner.filter(publicerad__isnull=True).first()
        if utkast is None:
            messages.error(request, _("Det finns inget utkast att publicera."))
        else:
            try:
                services.version_publicera(actor=request.user, version=utkast)
                messages.success(request, _("Versionen är publicerad och kan inte längre ändras."))
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
        return redirect("enkater:enkat-detail", uuid=enkat.uuid)


class EnkatSkapaView(KansliMixin, View):
    def get(self, request):
        return render(request, "enkater/enkat_form.html", {"form": EnkatForm()})

    def post(self, request):
        form = EnkatForm(request.POST)
        if form.is_valid():
            try:
                enkat = services.enkat_skapa(
                    actor=request.user, forbund=self.forbund, **form.cleaned_data
                )
            except ValidationError as e:
                _fel_till_form(form, e)
            else:
                messages.success(request, _("Enkäten är skapad. Lägg till frågorna i utkastet."))
                return redirect("enkater:enkat-detail", uuid=enkat.uuid)
        return render(request, "enkater/enkat_form.html", {"form": form}, status=400)


def _fel_till_form(form, e: ValidationError) -> None:
    """A service's refusal beside the field it names, or above the form."""
    if hasattr(e, "error_dict"):
        for falt, fel in e.message_dict.items():
            namn = {"text": "text_sv", "alternativ": "alternativ_sv", "lag": "lag_sv"}.get(
                falt, falt
            )
            form.add_error(namn if namn in form.fields else None, fel)
    else:
        form.add_error(None, e.messages)


LAST = _("Versionen är publicerad och kan inte ändras. Skapa en ny version för att ändra frågorna.")


class FragaMixin(ObjektetForstMixin, KansliMixin):
    """A question of the office's questionnaire; its version may be published (read only)."""

    objekt_queryset = Enkat.objects

    def fraga(self, enkat, pk) -> Fraga:
        fraga = (
            Fraga.objects.select_related("version")
            .prefetch_related("alternativ")
            .filter(version__enkat=enkat, pk=pk)
            .first()
        )
        if fraga is None:
            raise Http404
        return fraga

    def las(self, request, enkat):
        messages.error(request, LAST)
        return redirect("enkater:enkat-detail", uuid=enkat.uuid)

    def sida(self, request, enkat, form, *, fraga=None, version=None, status=200):
        return render(
            request,
            "enkater/fraga_form.html",
            {
                "enkat": enkat,
                "form": form,
                "fraga": fraga,
                "version": version,
                "last": version is None or version.publicerad is not None,
            },
            status=status,
        )


class FragaNyView(FragaMixin, View):
    def utkast(self, enkat):
        return enkat.versioner.filter(publicerad__isnull=True).first()

    def get(self, request, uuid):
        enkat = self.enkat(uuid)
        typ = request.GET.get("typ")
        form = FragaForm(initial={"typ": typ if typ in Fraga.Typ.values else Fraga.Typ.SKALA})
        return self.sida(request, enkat, form, version=self.utkast(enkat))

    def post(self, request, uuid):
        enkat = self.enkat(uuid)
        version = self.utkast(enkat)
        if version is None:
            return self.las(request, enkat)
        form = FragaForm(request.POST)
        if form.is_valid():
            try:
                services.fraga_lagg_till(
                    actor=request.user, version=version, **form.service_kwargs()
                )
            except ValidationError as e:
                _fel_till_form(form, e)
            else:
                messages.success(request, _("Frågan är tillagd."))
                return redirect("enkater:enkat-detail", uuid=enkat.uuid)
        return self.sida(request, enkat, form, version=version, status=400)


class FragaAndraView(FragaMixin, View):
    def get(self, request, uuid, pk):
        enkat = self.enkat(uuid)
        fraga = self.fraga(enkat, pk)
        texter = Text.objects.filter(Q(fraga=fraga) | Q(alternativ__fraga=fraga))
        form = FragaForm(initial=FragaForm.initial_for(fraga, texter))
        return self.sida(request, enkat, form, fraga=fraga, version=fraga.version)

    def post(self, request, uuid, pk):
        enkat = self.enkat(uuid)
        fraga = self.fraga(enkat, pk)
        if fraga.version.publicerad:
            return self.las(request, enkat)
        form = FragaForm(request.POST)
        if form.is_valid():
            try:
                services.fraga_andra(actor=request.user, fraga=fraga, **form.service_kwargs())
            except ValidationError as e:
                _fel_till_form(form, e)
            else:
                messages.success(request, _("Frågan är ändrad."))
                return redirect("enkater:enkat-detail", uuid=enkat.uuid)
        return self.sida(request, enkat, form, fraga=fraga, version=fraga.version, status=400)


class FragaFlyttaView(FragaMixin, View):
    def post(self, request, uuid, pk):
        enkat = self.enkat(uuid)
        fraga = self.fraga(enkat, pk)
        if fraga.version.publicerad:
            return self.las(request, enkat)
        try:
            services.fraga_flytta(
                actor=request.user, fraga=fraga, riktning=request.POST.get("riktning", "")
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect(
            reverse("enkater:enkat-detail", kwargs={"uuid": enkat.uuid}) + f"#fraga-{pk}"
        )


class FragaTaBortView(FragaMixin, View):
    def post(self, request, uuid, pk):
        enkat = self.enkat(uuid)
        fraga = self.fraga(enkat, pk)
        if fraga.version.publicerad:
            return self.las(request, enkat)
        try:
            services.fraga_ta_bort(actor=request.user, fraga=fraga)
            messages.success(request, _("Frågan är borttagen."))
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("enkater:enkat-detail", uuid=enkat.uuid)


class ResultatMixin(KansliMixin):
    def urval(self, request, enkat):
        data = request.GET if "ar" in request.GET else {"ar": timezone.localdate().year}
        form = ResultatForm(data, insatser=self.insatser())
        if not form.is_valid():
            return form, None
        kvartal = form.cleaned_data["kvartal"]
        u = selectors.Urval(
            enkat=enkat,
            ar=form.cleaned_data["ar"],
            kvartal=[kvartal] if kvartal else [1, 2, 3, 4],
            insats=form.cleaned_data["insats"],
        )
        return form, u


class ResultatView(ObjektetForstMixin, ResultatMixin, View):
    objekt_queryset = Enkat.objects

    def get(self, request, uuid):
        enkat = self.enkat(uuid)
        form, u = self.urval(request, enkat)
        grans = self.forbund.smacellsgrans
        tabeller = selectors.resultat(u, grans) if u else []
        fritext = selectors.fritexter(u, grans) if u else []
        return render(
            request,
            "enkater/resultat.html",
            {
                "enkat": enkat,
                "form": form,
                "tabeller": tabeller,
                "fritext": fritext,
                "grans": grans,
                "query": request.GET.urlencode(),
            },
        )


class ResultatExportView(ObjektetForstMixin, ResultatMixin, View):
    objekt_queryset = Enkat.objects

    def get(self, request, uuid, nyckel, format):
        enkat = self.enkat(uuid)
        _form, u = self.urval(request, enkat)
        if u is None or format not in ("csv", "xlsx"):
            raise Http404
        tabeller = selectors.resultat(u, self.forbund.smacellsgrans)
        if nyckel != "alla":
            tabeller = [t for t in tabeller if t.nyckel == nyckel]
            if not tabeller:
                raise Http404
        audit.record(
            action=audit.Action.EXPORT,
            request=request,
            object_type="enkater.resultat",
            object_id=str(enkat.uuid),
            forbund=self.forbund,
            detail={"tabell": nyckel, "format": format},
        )
        if format == "csv":
            if len(tabeller) != 1:
                raise Http404
            body, typ = csv_bytes(tabeller[0]), "text/csv; charset=utf-8"
        else:
            body = xlsx_bytes(tabeller, rubrik=f"{enkat.namn} {u.ar}")
            typ = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(body, content_type=typ)
        response["Content-Disposition"] = f'attachment; filename="{nyckel}-{u.ar}.{format}"'
        return response


class UtskickView(KansliMixin, View):
    def get(self, request):
        form = UtskickForm(insatser=self.insatser())
        return render(request, "enkater/utskick.html", {"form": form})

    def post(self, request):
        form = UtskickForm(request.POST, insatser=self.insatser())
        if form.is_valid():
            insats = form.cleaned_data["insats"]
            adresser = list(form.cleaned_data["adresser"])
            if form.cleaned_data["personal"]:
                adresser += list(
                    Medlemskap.objects.filter(insats=insats, roll=Roll.SAMORDNARE)
                    .aktiva()
                    .values_list("user__email", flat=True)
                )
            try:
                antal = services.samverkanslankar_skicka(
                    actor=request.user, insats=insats, adresser=adresser
                )
            except ValidationError as e:
                form.add_error("adresser", e.messages)
            else:
                messages.success(request, _("%(n)s enkätlänkar skickas nu.") % {"n": antal})
                return redirect("enkater:samverkan-utskick")
        return render(request, "enkater/utskick.html", {"form": form})


# -- the coordinator ------------------------------------------------------------------------


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
    def get(self, request, uuid):
        return render(
            request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": LankForm()}
        )

    def post(self, request, uuid):
        form = LankForm(request.POST)
        if not form.is_valid():
            return render(
                request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": form}
            )
        try:
            token = services.deltagarlank_skapa(
                actor=request.user,
                inskrivning=self.inskrivning,
                tillfalle=form.cleaned_data["tillfalle"],
            )
        except ValidationError as e:
            form.add_error(None, e.messages)
            return render(
                request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": form}
            )
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


# -- the public pages ----------------------------------------------------------------------

FEL_STATUS = {"ogiltig": 404, "anvand": 410, "utgangen": 410}


def _sprak(request) -> str:
    sprak = request.POST.get("sprak") or request.GET.get("sprak") or "sv"
    return sprak if sprak in SPRAK else "sv"


def _ui_sprak(sprak: str) -> str:
    return "en" if sprak == "en" else "sv"


def _publik(request, template, ctx, *, sprak="sv", status=200):
    with translation.override(_ui_sprak(sprak)):
        response = render(
            request,
            template,
            {**ctx, "sprak": sprak, "html_lang": HTML_LANG.get(sprak, sprak), "sprakval": SPRAK},
            status=status,
        )
    response["Cache-Control"] = "no-store"
    # The token is in the path: no other site may see it (and a form post keeps its Origin).
    response["Referrer-Policy"] = "same-origin"
    return response


@method_decorator([never_cache, csrf_protect], name="dispatch")
class SvaraView(View):
    """The questionnaire behind a one-time link, in the participant's language."""

    def dispatch(self, request, *args, **kwargs):
        if begransning.over_grans(request):
            return _publik(request, "enkater/publik_fel.html", {"orsak": "grans"}, status=429)
        return super().dispatch(request, *args, **kwargs)

    def _las(self, request, token):
        sprak = _sprak(request)
        try:
            lank = services.lank_hamta(token)
        except services.LankFel as fel:
            return (
                None,
                sprak,
                _publik(
                    request,
                    "enkater/publik_fel.html",
                    {"orsak": fel.orsak},
                    sprak=sprak,
                    status=FEL_STATUS[fel.orsak],
                ),
            )
        return lank, sprak, None

    def _form(self, lank, sprak, data=None):
        fragor = list(lank.version.fragor.prefetch_related("alternativ"))
        txt = selectors.texter([lank.version_id], sprak)
        return SvarForm(data, fragor=fragor, txt=txt), txt

    def _sida(self, request, lank, sprak, form, txt, status=200):
        return _publik(
            request,
            "enkater/svara.html",
            {
                "form": form,
                "rubrik": txt.get(("rubrik", None, None), ""),
                "inledning": txt.get(("inledning", None, None), ""),
                "finns_sprak": [(k, v) for k, v in SPRAK.items()],
            },
            sprak=sprak,
            status=status,
        )

    def get(self, request, token):
        lank, sprak, fel = self._las(request, token)
        if fel:
            return fel
        form, txt = self._form(lank, sprak)
        return self._sida(request, lank, sprak, form, txt)

    def post(self, request, token):
        lank, sprak, fel = self._las(request, token)
        if fel:
            return fel
        form, txt = self._form(lank, sprak, request.POST)
        if not form.is_valid():
            return self._sida(request, lank, sprak, form, txt, status=400)
        try:
            services.svara(token=token, sprak=sprak, rader=form.rader())
        except services.LankFel as fel:
            return _publik(
                request,
                "enkater/publik_fel.html",
                {"orsak": fel.orsak},
                sprak=sprak,
                status=FEL_STATUS[fel.orsak],
            )
        return redirect(reverse("enkater:tack") + f"?sprak={sprak}")


class TackView(View):
    def get(self, request):
        return _publik(request, "enkater/tack.html", {}, sprak=_sprak(request))
