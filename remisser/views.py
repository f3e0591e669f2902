"""The referrers' pages and the team's inbox. Thin: for_user(), forms, services."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from deltagare.services.common import logga
from deltagare.uploads import blankett_svar
from deltagare.views.gemensamt import pdf_svar
from remisser import forms, services
from remisser.models import Remiss, Status
from samverkan import audit
from samverkan.forms import add_errors
from samverkan.models import Insats
from samverkan.permissions import get_object_for_user, nekad, roller

OPPNA = [Status.INKOMMEN, Status.UNDER_BEDOMNING, Status.KOMPLETTERING]


def _ar_team(user, remiss):
    return Insats.objects.staff_of(user).filter(pk=remiss.insats_id).exists()


class RemissListView(LoginRequiredMixin, View):
    def get(self, request):
        r = roller(request.user)
        if not (r.ar_handlaggare or r.ar_samordnare):
            raise PermissionDenied
        today = timezone.localdate()
        mina = (
            Remiss.objects.for_user(request.user)
            .filter(models.Q(handlaggare=request.user) | models.Q(overlamnad_till=request.user))
            .select_related("insats", "inskrivning")
            .med_delad_status()
            .order_by("-skapad")
            if r.ar_handlaggare
            else Remiss.objects.none()
        )
        inkorg = list(
            Remiss.objects.for_team(request.user)
            .filter(status__in=OPPNA)
            .select_related("insats", "organisation", "tilldelad")
            .order_by("inkommen")
        )
        for remiss in inkorg:
            if remiss.status == Status.KOMPLETTERING:
                remiss.dagar_kvar = None  # the deadline stands still
            else:
                gatt = (today - remiss.inkommen.date()).days - remiss.pausad_dagar
                remiss.dagar_kvar = remiss.insats.svarsfrist_dagar - gatt
                remiss.forsenad = max(0, -remiss.dagar_kvar)
        # A referrer's own list grows for years: 25 at a time, newest first.
        mina = Paginator(mina, 25).get_page(request.GET.get("sida"))
        return render(
            request,
            "remisser/remiss_list.html",
            {
                "mina": mina,
                "inkorg": inkorg,
                "ar_handlaggare": r.ar_handlaggare,
                "ar_team": r.ar_samordnare,
            },
        )


class RemissCreateView(LoginRequiredMixin, View):
    def insatser(self, request):
        r = roller(request.user)
        if not r.ar_handlaggare:
            raise PermissionDenied
        return (
            Insats.objects.for_user(request.user)
            .filter(typ=Insats.Typ.INDIVID)
            .aktiva()
            .order_by("namn")
        )

    def get(self, request):
        form = forms.NyRemissForm(insatser=self.insatser(request))
        return render(request, "remisser/remiss_ny.html", {"form": form})

    def post(self, request):
        form = forms.NyRemissForm(request.POST, insatser=self.insatser(request))
        if not form.is_valid():
            return render(request, "remisser/remiss_ny.html", {"form": form})
        remiss = services.remiss_spara_utkast(
            actor=request.user, insats=form.cleaned_data["insats"], data={}, request=request
        )
        return redirect("remisser:remiss-update", uuid=remiss.uuid)


class RemissMixin(LoginRequiredMixin):
    """The remiss named in the URL, or 404 (missing and out of scope alike)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.remiss = get_object_for_user(
            Remiss.objects.select_related(
                "insats__forbund", "organisation", "handlaggare", "inskrivning", "tilldelad"
            ),
            request,
            uuid=kwargs["uuid"],
        )
        return super().dispatch(request, *args, **kwargs)

    def read_event(self, **detail):
        audit.record(
            action=audit.Action.READ,
            request=self.request,
            obj=self.remiss,
            forbund=self.remiss.insats.forbund,
            detail=detail or None,
        )


class RemissUpdateView(RemissMixin, View):
    """The referrer fills in the remiss; "Spara utkast" keeps it, "Skicka" sends it."""

    template_name = "remisser/remiss_form.html"

    def check(self):
        if self.request.user.pk not in (self.remiss.handlaggare_id, self.remiss.overlamnad_till_id):
            raise nekad(self.request, self.remiss)  # the team reads it, only the referrer writes
        if self.remiss.status not in (Status.UTKAST, Status.KOMPLETTERING):
            return redirect("remisser:remiss-detail", uuid=self.remiss.uuid)
        return None

    def get(self, request, uuid):
        if (early := self.check()) is not None:
            return early
        self.read_event()
        return self.show(forms.RemissForm(instance=self.remiss))

    def post(self, request, uuid):
        if (early := self.check()) is not None:
            return early
        form = forms.RemissForm(
            request.POST, request.FILES, instance=Remiss.objects.get(pk=self.remiss.pk)
        )
        if form.is_valid():
            data = {f: form.cleaned_data[f] for f in services.REFERRER_FIELDS}
            try:
                remiss = services.remiss_spara_utkast(
                    actor=request.user,
                    remiss=self.remiss,
                    insats=self.remiss.insats,
                    data=data,
                    fil=form.cleaned_data.get("samtycke_fil"),
                    request=request,
                )
                if request.POST.get("atgard") == "skicka":
                    services.remiss_skicka(
                        actor=request.user,
                        remiss=remiss,
                        trots_dubblett=form.cleaned_data["skicka_anda"],
                        request=request,
                    )
                    messages.success(request, _("Remissen är skickad."))
                    return redirect("remisser:remiss-detail", uuid=remiss.uuid)
            except ValidationError as error:
                # A refused send leaves the saved draft; the errors show at the fields.
                add_errors(form, error)
            else:
                messages.success(request, _("Utkastet är sparat."))
                return redirect("remisser:remiss-update", uuid=remiss.uuid)
        return self.show(form)

    def show(self, form):
        return render(self.request, self.template_name, {"form": form, "remiss": self.remiss})


class RemissDetailView(RemissMixin, View):
    def get(self, request, uuid):
        remiss = self.remiss
        self.read_event()
        team = _ar_team(request.user, remiss)
        context = {"remiss": remiss, "team": team, **_for_remittent(request.user, remiss)}
        if team and remiss.status in (Status.INKOMMEN, Status.UNDER_BEDOMNING):
            context.update(
                bedom_form=forms.BedomForm(
                    personal=_personal(remiss),
                    initial={"teammote": remiss.teammote, "tilldelad": remiss.tilldelad_id},
                ),
                avboj_form=forms.AvbojForm(),
                komplettering_form=forms.KompletteringForm(),
            )
        return render(request, "remisser/remiss_detail.html", context)


def _for_remittent(user, remiss):
    """What the referrer may follow after the decision: only while the consent
    covers their organisation. Withdrawn consent hides it all at once."""
    from deltagare.services import tacker

    context = {"status_text": remiss.get_status_display()}
    if user.pk not in (remiss.handlaggare_id, remiss.overlamnad_till_id):
        return context
    kollegor = (
        get_user_model()
        .objects.filter(
            medlemskap__organisation=remiss.organisation, medlemskap__roll="handlaggare"
        )
        .exclude(pk=remiss.handlaggare_id)
        .distinct()
    )
    context["overlamna_form"] = (
        forms.OverlamnaForm(kollegor=kollegor) if kollegor.exists() else None
    )
    i = remiss.inskrivning
    if i is None or not tacker(i, "informationsutbyte", remiss.organisation):
        return context
    today = timezone.localdate()
    avslut = getattr(i, "avslut", None) if i.steg == "avslut" else None
    mote = next(
        (
            d
            for d in [i.informationsmote, avslut.avslutsmote if avslut else None]
            if d and d >= today
        ),
        None,
    )
    context.update(
        delas=True,
        status_text=_("Avslutad")
        if avslut
        else (_("Inskriven") if i.inskrivningsdatum else _("Antagen")),
        steg=i.get_steg_display(),
        nasta_mote=mote,
        kontakter=i.kontakter.filter(till_remittent=True).order_by("-datum"),
        avslut=avslut,
    )
    return context


def _personal(remiss):
    return (
        get_user_model()
        .objects.filter(medlemskap__insats=remiss.insats, medlemskap__roll="samordnare")
        .distinct()
        .order_by("efternamn", "fornamn")
    )


class BeslutView(RemissMixin, View):
    """POST-only team decisions; a refusal shows as a message on the remiss page."""

    def post(self, request, uuid, atgard):
        remiss = self.remiss
        if not _ar_team(request.user, remiss):
            raise nekad(request, remiss)
        try:
            if atgard == "bedom":
                self._beslut(
                    forms.BedomForm(request.POST, personal=_personal(remiss)),
                    services.remiss_bedom,
                    fel=_("Kontrollera datum och handläggare."),
                    klart=_("Remissen är satt på teammöte."),
                )
            elif atgard == "anta":
                services.remiss_anta(actor=request.user, remiss=remiss, request=request)
                messages.success(request, _("Remissen är antagen. Personen är aktualiserad."))
                return redirect(
                    "deltagare:inskrivning-detail",
                    uuid=Remiss.objects.get(pk=remiss.pk).inskrivning.uuid,
                )
            elif atgard == "avboj":
                self._beslut(
                    forms.AvbojForm(request.POST),
                    services.remiss_avboj,
                    fel=_("Välj ett skäl."),
                    klart=_("Remissen är avböjd och remittenten får besked."),
                )
            elif atgard == "komplettering":
                self._beslut(
                    forms.KompletteringForm(request.POST),
                    services.remiss_begar_komplettering,
                    fel=_("Skriv vad som behöver kompletteras."),
                    klart=_("Komplettering är begärd. Svarsfristen står still."),
                )
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("remisser:remiss-detail", uuid=remiss.uuid)

    def _beslut(self, form, service, *, fel, klart):
        """A decision from its form, whose fields are the service's arguments."""
        if not form.is_valid():
            raise ValidationError(fel)
        service(
            actor=self.request.user, remiss=self.remiss, request=self.request, **form.cleaned_data
        )
        messages.success(self.request, klart)


class OverlamnaView(RemissMixin, View):
    def post(self, request, uuid):
        remiss = self.remiss
        if request.user.pk not in (remiss.handlaggare_id, remiss.overlamnad_till_id):
            raise nekad(request, remiss)
        form = forms.OverlamnaForm(
            request.POST,
            kollegor=get_user_model().objects.filter(
                medlemskap__organisation=remiss.organisation, medlemskap__roll="handlaggare"
            ),
        )
        try:
            if not form.is_valid():
                raise ValidationError(_("Välj en kollega."))
            services.remiss_overlamna(
                actor=request.user, remiss=remiss, till=form.cleaned_data["till"], request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Remissen är överlämnad."))
        return redirect("remisser:remiss-detail", uuid=remiss.uuid)


class OverlamningPdfView(RemissMixin, View):
    """The hand-over summary at exit, for the referrer, within the consent."""

    def get(self, request, uuid):
        from deltagare.pdf import overlamning_pdf

        if request.user.pk not in (self.remiss.handlaggare_id, self.remiss.overlamnad_till_id):
            raise nekad(request, self.remiss)  # the referrer's copy; the team has its own
        context = _for_remittent(request.user, self.remiss)
        if not context.get("avslut"):
            raise Http404  # no exit yet, or the consent does not cover it
        i = self.remiss.inskrivning
        pdf = overlamning_pdf(i)
        logga(
            actor=request.user,
            inskrivning=i,
            action=audit.Action.PRINT,
            request=request,
            detail={"dokument": "overlamning", "remittent": True},
        )
        return pdf_svar(pdf, "overlamning.pdf")


class SamtyckeFilView(RemissMixin, View):
    def get(self, request, uuid):
        remiss = self.remiss
        if not remiss.samtycke_fil:
            raise Http404
        self.read_event(fil=True)
        return blankett_svar(remiss.samtycke_fil, remiss.samtycke_fil_typ, "samtycke")
