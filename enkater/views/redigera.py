"""The office's editor: questionnaires, versions and their questions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from enkater import selectors
from enkater.forms import EnkatForm, FragaForm, VersionTexterForm, spara
from enkater.models import SPRAK, Enkat, Fraga, Text
from enkater.services import enkat as services
from enkater.views.kansli import EnkatMixin, KansliMixin


class EnkatListView(KansliMixin, View):
    def get(self, request):
        # The indicator questionnaires appear the first time the office looks.
        services.standardenkater_skapa(self.forbund)
        enkater = Enkat.objects.filter(forbund=self.forbund).prefetch_related("versioner")
        return render(request, "enkater/enkat_list.html", {"enkater": enkater})


class EnkatDetailView(EnkatMixin, View):
    def get(self, request, uuid):
        enkat = self.enkat
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
                "rubrik": txt.get(("rubrik", None, None), ""),
                "inledning": txt.get(("inledning", None, None), ""),
                "sprak": sprak,
                "sprakval": SPRAK,
                "typer": Fraga.Typ.choices,
            },
        )


# Said wherever a published version is asked to change (the service and the triggers refuse too).
LAST = _("Versionen är publicerad och kan inte ändras. Skapa en ny version för att ändra den.")


class RedigeraMixin(EnkatMixin):
    """The editor of a questionnaire: its POST buttons, and the form pages of a
    draft's content (`mall`), read only once the version is published."""

    mall = None

    def tillbaka(self, ankare=""):
        return redirect(reverse("enkater:enkat-detail", kwargs={"uuid": self.enkat.uuid}) + ankare)

    def utfor(self, anrop, lyckat="", *, ankare=""):
        """Call a service, say how it went, and go back to the questionnaire's page."""
        try:
            anrop()
        except ValidationError as e:
            messages.error(self.request, " ".join(e.messages))
        else:
            if lyckat:
                messages.success(self.request, lyckat)
        return self.tillbaka(ankare)

    def las(self):
        messages.error(self.request, LAST)
        return self.tillbaka()

    def sida(self, form, *, version, status=200, **ctx):
        return render(
            self.request,
            self.mall,
            {
                "enkat": self.enkat,
                "form": form,
                "version": version,
                "last": version is None or version.publicerad is not None,
                **ctx,
            },
            status=status,
        )

    def spara(self, form, anrop, lyckat, *, version, **ctx):
        """Write through the service and go back, or show the form again with
        the errors beside their fields."""
        if spara(form, anrop) is None:
            return self.sida(form, version=version, status=400, **ctx)
        messages.success(self.request, lyckat)
        return self.tillbaka()


class EnkatVersionNyView(RedigeraMixin, View):
    def post(self, request, uuid):
        return self.utfor(
            lambda: services.version_ny(actor=request.user, enkat=self.enkat),
            _("Ett utkast till en ny version har skapats."),
        )


class EnkatPubliceraView(RedigeraMixin, View):
    def post(self, request, uuid):
        utkast = self.enkat.versioner.filter(publicerad__isnull=True).first()
        if utkast is None:
            messages.error(request, _("Det finns inget utkast att publicera."))
            return self.tillbaka()
        return self.utfor(
            lambda: services.version_publicera(actor=request.user, version=utkast),
            _("Versionen är publicerad och kan inte längre ändras."),
        )


class VersionTexterView(RedigeraMixin, View):
    """The heading and introduction of the latest version, per language."""

    mall = "enkater/version_texter.html"

    def version(self):
        version = self.enkat.versioner.order_by("-nummer").first()
        if version is None:
            raise Http404
        return version

    def get(self, request, uuid):
        version = self.version()
        texter = version.texter.filter(falt__in=["rubrik", "inledning"])
        form = VersionTexterForm(initial=VersionTexterForm.initial_for(texter))
        return self.sida(form, version=version)

    def post(self, request, uuid):
        version = self.version()
        if version.publicerad:
            return self.las()
        form = VersionTexterForm(request.POST)
        return self.spara(
            form,
            lambda: services.version_texter_satt(
                actor=request.user,
                version=version,
                rubrik=form.per_sprak("rubrik"),
                inledning=form.per_sprak("inledning"),
            ),
            _("Rubriken och inledningen är sparade."),
            version=version,
        )


class EnkatSkapaView(KansliMixin, View):
    def get(self, request):
        return render(request, "enkater/enkat_form.html", {"form": EnkatForm()})

    def post(self, request):
        form = EnkatForm(request.POST)
        enkat = spara(
            form,
            lambda: services.enkat_skapa(
                actor=request.user, forbund=self.forbund, **form.cleaned_data
            ),
        )
        if enkat is None:
            return render(request, "enkater/enkat_form.html", {"form": form}, status=400)
        messages.success(request, _("Enkäten är skapad. Lägg till frågorna i utkastet."))
        return redirect("enkater:enkat-detail", uuid=enkat.uuid)


class FragaMixin(RedigeraMixin):
    """A question of the office's questionnaire; its version may be published (read only)."""

    mall = "enkater/fraga_form.html"

    def fraga(self, pk) -> Fraga:
        fraga = (
            Fraga.objects.select_related("version")
            .prefetch_related("alternativ")
            .filter(version__enkat=self.enkat, pk=pk)
            .first()
        )
        if fraga is None:
            raise Http404
        return fraga


class FragaNyView(FragaMixin, View):
    def utkast(self):
        return self.enkat.versioner.filter(publicerad__isnull=True).first()

    def get(self, request, uuid):
        typ = request.GET.get("typ")
        form = FragaForm(initial={"typ": typ if typ in Fraga.Typ.values else Fraga.Typ.SKALA})
        return self.sida(form, version=self.utkast())

    def post(self, request, uuid):
        version = self.utkast()
        if version is None:
            return self.las()
        form = FragaForm(request.POST)
        return self.spara(
            form,
            lambda: services.fraga_lagg_till(
                actor=request.user, version=version, innehall=form.innehall()
            ),
            _("Frågan är tillagd."),
            version=version,
        )


class FragaUtkastView(FragaMixin, View):
    """A POST that changes one question: refused on a published version."""

    def post(self, request, uuid, pk):
        fraga = self.fraga(pk)
        if fraga.version.publicerad:
            return self.las()
        return self.skriv(request, fraga)


class FragaAndraView(FragaUtkastView):
    def get(self, request, uuid, pk):
        fraga = self.fraga(pk)
        texter = Text.objects.filter(Q(fraga=fraga) | Q(alternativ__fraga=fraga))
        form = FragaForm(initial=FragaForm.initial_for(fraga, texter))
        return self.sida(form, fraga=fraga, version=fraga.version)

    def skriv(self, request, fraga):
        form = FragaForm(request.POST)
        return self.spara(
            form,
            lambda: services.fraga_andra(actor=request.user, fraga=fraga, innehall=form.innehall()),
            _("Frågan är ändrad."),
            version=fraga.version,
            fraga=fraga,
        )


class FragaFlyttaView(FragaUtkastView):
    def skriv(self, request, fraga):
        riktning = request.POST.get("riktning", "")
        return self.utfor(
            lambda: services.fraga_flytta(actor=request.user, fraga=fraga, riktning=riktning),
            ankare=f"#fraga-{fraga.pk}",
        )


class FragaTaBortView(FragaUtkastView):
    def skriv(self, request, fraga):
        return self.utfor(
            lambda: services.fraga_ta_bort(actor=request.user, fraga=fraga),
            _("Frågan är borttagen."),
        )
