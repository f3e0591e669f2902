"""The plan: edit (a new version each time), compare two versions, print."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from deltagare import services
from deltagare.forms.handlingsplan import HandlingsplanForm, PlanStegFormSet
from deltagare.models import HandlingsplanVersion
from deltagare.pdf import handlingsplan_pdf
from deltagare.views.gemensamt import InskrivningMixin
from samverkan.forms import add_errors
from samverkan.permissions import get_object_for_user


class HandlingsplanView(InskrivningMixin, View):
    """Edit the plan: every save is a new version; a stale form is refused, its input kept."""

    template_name = "deltagare/handlingsplan_form.html"

    def versions(self):
        return HandlingsplanVersion.objects.filter(inskrivning=self.inskrivning).select_related(
            "skapad_av"
        )

    def get(self, request, uuid):
        senaste = self.versions().prefetch_related("steg").first()
        initial = {"bas_version": senaste.version if senaste else None}
        steg_initial = []
        if senaste:
            initial.update(mal=senaste.mal, revidering_senast=senaste.revidering_senast)
            steg_initial = [
                {
                    "beskrivning": s.beskrivning,
                    "ansvarig": s.ansvarig,
                    "datum": s.datum,
                    "status": s.status,
                }
                for s in senaste.steg.all()
            ]
        form = HandlingsplanForm(initial=initial)
        formset = PlanStegFormSet(initial=steg_initial, prefix="steg")
        return self.show(form, formset)

    def post(self, request, uuid):
        form = HandlingsplanForm(request.POST)
        formset = PlanStegFormSet(request.POST, prefix="steg")
        if form.is_valid() and formset.is_valid():
            steg = [
                f.cleaned_data
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            d = form.cleaned_data
            try:
                version = services.handlingsplan_spara(
                    actor=request.user,
                    inskrivning=self.inskrivning,
                    mal=d["mal"],
                    steg=steg,
                    bas_version=d["bas_version"],
                    revidering_senast=d["revidering_senast"],
                    kommentar=d["kommentar"],
                    request=request,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Handlingsplanen är sparad som version %(v)s.") % {"v": version.version},
                )
                return redirect(self.detail_url)
        return self.show(form, formset)

    def show(self, form, formset):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "formset": formset,
                "inskrivning": self.inskrivning,
                "deltagare": self.inskrivning.deltagare,
                "versioner": self.versions(),
            },
        )


class HandlingsplanJamforView(InskrivningMixin, View):
    def get(self, request, uuid):
        versions = {
            v.version: v
            for v in HandlingsplanVersion.objects.filter(inskrivning=self.inskrivning)
            .select_related("skapad_av")
            .prefetch_related("steg")
        }
        try:
            a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
        except ValueError:
            a = b = 0
        if not versions:
            return redirect(self.detail_url)
        latest = max(versions)
        a = a if a in versions else max(latest - 1, min(versions))
        b = b if b in versions else latest
        va, vb = versions[a], versions[b]
        steg_a = {(s.beskrivning, s.ansvarig, s.datum, s.status) for s in va.steg.all()}
        steg_b = {(s.beskrivning, s.ansvarig, s.datum, s.status) for s in vb.steg.all()}
        return render(
            request,
            "deltagare/handlingsplan_jamfor.html",
            {
                "inskrivning": self.inskrivning,
                "deltagare": self.inskrivning.deltagare,
                "a": va,
                "b": vb,
                "versioner": sorted(versions, reverse=True),
                "borttagna": sorted(steg_a - steg_b, key=str),
                "tillagda": sorted(steg_b - steg_a, key=str),
                "mal_andrat": va.mal != vb.mal,
            },
        )


class HandlingsplanPdfView(InskrivningMixin, View):
    audit_read = False  # the print event says it

    def get(self, request, uuid, version):
        plan = get_object_for_user(
            HandlingsplanVersion.objects.select_related("inskrivning"),
            request,
            inskrivning=self.inskrivning,
            version=version,
        )
        return self.utskrift(
            handlingsplan_pdf(self.inskrivning, plan),
            f"handlingsplan-v{plan.version}.pdf",
            {"version": plan.version},
            obj=plan,
        )
