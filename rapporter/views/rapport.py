"""Styrelserapporter: drafts with narrative, publishing, versions and downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from rapporter.forms.rapport import RapportSkapaForm, RapportTextForm
from rapporter.models import Rapport, RapportStatus
from rapporter.permissions import (
    far_skriva_rapport,
    ser_hela_forbundet,
    statistik_forbund,
    valbara_insatser,
)
from rapporter.publicering import rapport_period
from rapporter.services import rapport as services
from rapporter.views.common import ForbundMixin
from samverkan.forms import add_errors
from samverkan.permissions import get_object_for_user, nekad


def _skrivbara_insatser(user, forbund):
    insatser = valbara_insatser(user, forbund).order_by("namn")
    if ser_hela_forbundet(user, forbund) and far_skriva_rapport(user, forbund, None):
        return insatser
    return insatser.filter(pk__in=[i.pk for i in insatser if far_skriva_rapport(user, forbund, i)])


class RapportListView(ForbundMixin, View):
    template_name = "rapporter/rapport_list.html"

    def get(self, request):
        rapporter = (
            Rapport.objects.for_user(request.user)
            .filter(forbund=self.forbund)
            .select_related("insats")
            .order_by("-period_slut", "insats__namn", "-version")
        )
        publicerade = [r for r in rapporter if r.ar_publicerad]
        ovriga = [r for r in rapporter if not r.ar_publicerad]
        return render(
            request,
            self.template_name,
            {
                "forbund": self.forbund,
                "publicerade": publicerade,
                "utkast": ovriga,
                "kan_skriva": _skrivbara_insatser(request.user, self.forbund).exists()
                or far_skriva_rapport(request.user, self.forbund, None),
            },
        )


class RapportCreateView(ForbundMixin, View):
    template_name = "rapporter/rapport_ny.html"

    def _form(self, request, data=None):
        hela = far_skriva_rapport(request.user, self.forbund, None)
        insatser = _skrivbara_insatser(request.user, self.forbund)
        if not hela and not insatser.exists():
            raise nekad(request)
        return RapportSkapaForm(data, insatser=insatser, hela_forbundet=hela)

    def get(self, request):
        return render(request, self.template_name, {"form": self._form(request)})

    def post(self, request):
        form = self._form(request, request.POST)
        if form.is_valid():
            try:
                rapport = services.rapport_skapa(
                    actor=request.user,
                    forbund=self.forbund,
                    period=form.cleaned_data["period"],
                    insats=form.cleaned_data["insats"],
                    request=request,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, _("Utkastet är skapat. Skriv texterna och publicera."))
                return redirect("rapporter:rapport-detail", uuid=rapport.uuid)
        return render(request, self.template_name, {"form": form}, status=400)


class RapportMixin(ForbundMixin):
    def dispatch(self, request, *args, **kwargs):
        # The report first, before the förbund and the method: another förbund's
        # report is a refused access (audited) and 404 for every method.
        if request.user.is_authenticated:
            self.rapport = get_object_for_user(
                Rapport.objects.select_related("forbund", "insats", "skapad_av", "publicerad_av"),
                request,
                uuid=kwargs["uuid"],
            )
            if not statistik_forbund(request.user).filter(pk=self.rapport.forbund_id).exists():
                # Visible in the förbund (a handläggare), but no reports for this role.
                raise nekad(request, self.rapport)
            self.kan_skriva = far_skriva_rapport(
                request.user, self.rapport.forbund, self.rapport.insats
            )
        return super().dispatch(request, *args, **kwargs)

    def hamta(self, request, uuid):
        return self.rapport

    def kraver_skrivratt(self, request, rapport):
        if not self.kan_skriva:
            raise nekad(request, rapport)


class RapportDetailView(RapportMixin, View):
    template_name = "rapporter/rapport_detail.html"

    def _render(self, request, rapport, form, status=200):
        versioner = (
            Rapport.objects.for_user(request.user)
            .filter(
                forbund=rapport.forbund,
                insats=rapport.insats,
                period_start=rapport.period_start,
                period_slut=rapport.period_slut,
            )
            .order_by("-version")
        )
        return render(
            request,
            self.template_name,
            {
                "rapport": rapport,
                "form": form,
                "kan_skriva": self.kan_skriva,
                "versioner": versioner,
                "period": rapport_period(rapport),
            },
            status=status,
        )

    def _kan_andras(self, rapport):
        return self.kan_skriva and rapport.status in (
            RapportStatus.UTKAST,
            RapportStatus.MISSLYCKAD,
        )

    def get(self, request, uuid):
        rapport = self.hamta(request, uuid)
        form = RapportTextForm(instance=rapport) if self._kan_andras(rapport) else None
        return self._render(request, rapport, form)

    def post(self, request, uuid):
        rapport = self.hamta(request, uuid)
        self.kraver_skrivratt(request, rapport)
        if not self._kan_andras(rapport):
            raise Http404  # published: the text is frozen
        form = RapportTextForm(request.POST, instance=Rapport.objects.get(pk=rapport.pk))
        if form.is_valid():
            try:
                services.rapport_spara_text(
                    actor=request.user,
                    rapport=rapport,
                    texter={f: form.cleaned_data[f] for f in Rapport.TEXTFALT},
                    request=request,
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                if "publicera" in request.POST:
                    services.rapport_publicera(actor=request.user, rapport=rapport, request=request)
                    rapport.refresh_from_db()
                    if rapport.ar_publicerad:
                        messages.success(request, _("Rapporten är publicerad."))
                    elif rapport.status == RapportStatus.MISSLYCKAD:
                        messages.error(request, rapport.fel)
                    else:
                        messages.info(
                            request,
                            _("Rapporten skapas. Det tar en liten stund; ladda om sidan."),
                        )
                else:
                    messages.success(request, _("Texterna är sparade."))
                return redirect("rapporter:rapport-detail", uuid=rapport.uuid)
        return self._render(request, rapport, form, status=400)


class RapportNyVersionView(RapportMixin, View):
    def post(self, request, uuid):
        rapport = self.hamta(request, uuid)
        self.kraver_skrivratt(request, rapport)
        if not rapport.ar_publicerad:
            raise Http404
        try:
            ny = services.rapport_ny_version(actor=request.user, rapport=rapport, request=request)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("rapporter:rapport-detail", uuid=rapport.uuid)
        messages.success(request, _("En ny version är skapad som utkast."))
        return redirect("rapporter:rapport-detail", uuid=ny.uuid)


class RapportPdfView(RapportMixin, View):
    """The frozen file, exactly as published; every download is an audit event."""

    def get(self, request, uuid):
        rapport = self.hamta(request, uuid)
        if not rapport.ar_publicerad or not rapport.fil:
            raise Http404
        services.rapport_hamtad(actor=request.user, rapport=rapport, request=request)
        period = rapport_period(rapport)
        omfang = "forbund" if rapport.insats_id is None else f"insats-{rapport.insats_id}"
        return FileResponse(
            rapport.fil.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"{rapport.typ}-{period.kod}-{omfang}-v{rapport.version}.pdf",
        )
