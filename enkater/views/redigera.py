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
from enkater.forms import EnkatForm, FragaForm, fel_till_form
from enkater.models import SPRAK, Enkat, Fraga, Text
from enkater.services import enkat as services
from enkater.views.kansli import KansliMixin
from samverkan.permissions import ObjektetForstMixin


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
                fel_till_form(form, e)
            else:
                messages.success(request, _("Enkäten är skapad. Lägg till frågorna i utkastet."))
                return redirect("enkater:enkat-detail", uuid=enkat.uuid)
        return render(request, "enkater/enkat_form.html", {"form": form}, status=400)


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
                fel_till_form(form, e)
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
                fel_till_form(form, e)
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
