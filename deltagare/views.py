"""The coordinators' pages: thin views over for_user(), forms and the services."""

import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from deltagare import forms, lista_cache, selectors, services, startsida, tillagg
from deltagare.filters import InskrivningFilter
from deltagare.koder import STEG_ORDNING, Steg
from deltagare.models import (
    HandlingsplanVersion,
    Inskrivning,
    Kartlaggning,
    Samtycke,
    Uppfoljning,
)
from deltagare.personnummer import parse
from samverkan import audit
from samverkan.models import Insats, Organisation
from samverkan.permissions import get_object_for_user, nekad, roller

SOK_SESSION_KEY = "deltagare_sok"


def add_errors(form, error: ValidationError):
    """Put a service's refusal next to the field it concerns, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class StaffMixin(LoginRequiredMixin):
    """Pages for the staff of an insats (samordnare, coach, teamledare)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not roller(request.user).ar_samordnare:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def insatser(self):
        return Insats.objects.staff_of(self.request.user).order_by("namn")


class InskrivningMixin(StaffMixin):
    """The enrolment named in the URL, or 404 (missing and out of scope alike).

    Every page that shows the participant writes a read event; prints write their own.
    """

    audit_read = True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.inskrivning = get_object_for_user(
                Inskrivning.objects.select_related(
                    "deltagare",
                    "insats__forbund",
                    "kontaktperson",
                    "kontaktperson2",
                    "remittent_organisation",
                ),
                request,
                uuid=kwargs["uuid"],
            )
            if request.method == "GET" and self.audit_read:
                audit.record(
                    action=audit.Action.READ,
                    request=request,
                    obj=self.inskrivning,
                    forbund=self.inskrivning.insats.forbund,
                    deltagare_uuid=self.inskrivning.deltagare.uuid,
                    detail={"vy": request.resolver_match.url_name},
                )
        return super().dispatch(request, *args, **kwargs)

    @property
    def detail_url(self):
        return reverse("deltagare:inskrivning-detail", kwargs={"uuid": self.inskrivning.uuid})

    def personal(self):
        return (
            get_user_model()
            .objects.filter(
                medlemskap__insats=self.inskrivning.insats, medlemskap__roll="samordnare"
            )
            .distinct()
            .order_by("efternamn", "fornamn")
        )


class StegFormView(InskrivningMixin, View):
    """GET shows the form; POST validates it and calls the service, in one transaction."""

    form_class = None
    rubrik = ""
    intro = ""
    lyckat = _("Sparat.")
    template_name = "deltagare/steg_form.html"

    def get_form_kwargs(self):
        return {}

    def get_initial(self):
        return None

    def perform(self, form):
        raise NotImplementedError

    def get(self, request, uuid):
        return self.show(self.form_class(initial=self.get_initial(), **self.get_form_kwargs()))

    def post(self, request, uuid):
        form = self.form_class(request.POST, request.FILES, **self.get_form_kwargs())
        if form.is_valid():
            try:
                self.perform(form)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, self.lyckat)
                return redirect(self.detail_url)
        return self.show(form)

    def extra_context(self):
        return {}

    def show(self, form):
        context = {
            "form": form,
            "inskrivning": self.inskrivning,
            "deltagare": self.inskrivning.deltagare,
            "rubrik": self.rubrik,
            "intro": self.intro,
            **self.extra_context(),
        }
        return render(self.request, self.template_name, context)


# --- Overview, list and search --------------------------------------------------------


class OversiktView(StaffMixin, View):
    def get(self, request):
        insatser = list(self.insatser())
        return render(
            request,
            "deltagare/oversikt.html",
            {
                **startsida.oversikt(request.user, insatser),
                "handelser": selectors.senaste_handelser(request.user),
                "insatser": insatser,
            },
        )


class InskrivningListView(StaffMixin, View):
    """The page comes from the shared cache where it can (deltagare/lista_cache.py)."""

    paginate_by = 25

    def get(self, request):
        token = request.GET.get("sok", "")
        sok = request.session.get(SOK_SESSION_KEY, {}).get(token, "") if token else ""
        return HttpResponse(
            lista_cache.sida(request, sok, lambda csrf: self.rendera(request, sok, token, csrf))
        )

    def rendera(self, request, sok, token, csrf_token):
        qs = selectors.inskrivningar_for(request.user)
        if sok:
            qs = qs.filter(_search(sok))
        filterset = InskrivningFilter(request.GET, queryset=qs, request=request)
        page = Paginator(filterset.qs, self.paginate_by).get_page(request.GET.get("page"))
        context = {"filter": filterset, "page_obj": page, "sok": sok, "sok_token": token}
        if csrf_token is not None:
            context["csrf_token"] = csrf_token
        return render_to_string("deltagare/inskrivning_list.html", context, request)


def _search(text):
    """Name parts, or a personnummer in any accepted format."""
    try:
        return Q(deltagare__personnummer=parse(text).nummer)
    except ValidationError:
        pass
    query = Q()
    for part in text.split()[:4]:
        query &= Q(deltagare__fornamn__icontains=part) | Q(deltagare__efternamn__icontains=part)
    return query


class SokView(StaffMixin, View):
    """Search goes by POST; the URL carries only a random token, never the search text."""

    def post(self, request):
        form = forms.SokForm(request.POST)
        if not form.is_valid():
            return redirect("deltagare:inskrivning-list")
        token = secrets.token_urlsafe(8)
        stored = request.session.get(SOK_SESSION_KEY, {})
        stored = dict(list(stored.items())[-9:])  # keep the session small
        stored[token] = form.cleaned_data["q"].strip()
        request.session[SOK_SESSION_KEY] = stored
        return redirect(f"{reverse('deltagare:inskrivning-list')}?sok={token}")


# --- Step 1: aktualisering ------------------------------------------------------------


class AktualiseringView(StaffMixin, View):
    template_name = "deltagare/aktualisering_form.html"

    def form(self, data=None):
        insatser = self.insatser()
        organisationer = Organisation.objects.filter(
            forbund__in=insatser.values("forbund"), aktiv=True
        ).order_by("namn")
        return forms.AktualiseringForm(data, insatser=insatser, organisationer=organisationer)

    def get(self, request):
        return render(request, self.template_name, {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        dubblett = None
        if form.is_valid():
            d = form.cleaned_data
            try:
                inskrivning = services.deltagare_aktualisera(
                    actor=request.user,
                    insats=d["insats"],
                    person=form.person(),
                    aktualiserad=d["aktualiserad"],
                    remittent_organisation=d["remittent_organisation"],
                    informationsmote=d["informationsmote"],
                    koppla_till_befintlig=d["koppla_till_befintlig"],
                    request=request,
                )
            except services.Dubblett as error:
                dubblett = error
                form.add_error(None, error.messages)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Personen är aktualiserad."))
                return redirect("deltagare:inskrivning-detail", uuid=inskrivning.uuid)
        dubblett_arende = None
        if dubblett is not None and dubblett.synlig:
            dubblett_arende = (
                Inskrivning.objects.for_user(request.user)
                .filter(deltagare=dubblett.befintlig)
                .first()
            )
        return render(
            request,
            self.template_name,
            {"form": form, "dubblett": dubblett, "dubblett_arende": dubblett_arende},
        )


class AnonymView(StaffMixin, View):
    template_name = "deltagare/anonym_form.html"

    def post(self, request):
        form = forms.AnonymForm(request.POST, insatser=self.insatser())
        if form.is_valid():
            d = form.cleaned_data
            services.deltagare_registrera_anonym(
                actor=request.user,
                insats=d["insats"],
                kon=d["kon"],
                startar=d["startar"],
                request=request,
            )
            messages.success(request, _("Den anonyma deltagaren är registrerad."))
            return redirect("deltagare:oversikt")
        return render(request, self.template_name, {"form": form})

    def get(self, request):
        return render(
            request, self.template_name, {"form": forms.AnonymForm(insatser=self.insatser())}
        )


# --- The participant's page -----------------------------------------------------------


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


class PersonuppgifterView(StegFormView):
    form_class = forms.PersonForm
    rubrik = _("Ändra personuppgifter")
    lyckat = _("Personuppgifterna är sparade.")

    def get_initial(self):
        d = self.inskrivning.deltagare
        initial = {f: getattr(d, f) for f in self.form_class.base_fields if hasattr(d, f)}
        initial["saknar_personnummer"] = not d.personnummer
        return initial

    def perform(self, form):
        if self.inskrivning.deltagare.anonym:
            raise ValidationError(_("En anonym deltagare har inga personuppgifter."))
        services.deltagare_uppdatera(
            actor=self.request.user,
            deltagare=self.inskrivning.deltagare,
            person=form.person(),
            request=self.request,
        )


# --- Consent --------------------------------------------------------------------------


class SamtyckeView(StegFormView):
    form_class = forms.SamtyckeForm
    rubrik = _("Registrera samtycke")
    intro = _(
        "Samtycket lyfter sekretessen bara mellan de organisationer och för de syften "
        "som anges. Ett samtycke som redan gäller ersätts av det nya."
    )
    lyckat = _("Samtycket är registrerat.")

    def get_form_kwargs(self):
        return {
            "organisationer": Organisation.objects.filter(
                forbund=self.inskrivning.insats.forbund
            ).order_by("namn")
        }

    def get_initial(self):
        if self.inskrivning.remittent_organisation_id:
            return {"organisationer": [self.inskrivning.remittent_organisation_id]}
        return None

    def perform(self, form):
        d = form.cleaned_data
        services.samtycke_registrera(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            organisationer=d["organisationer"],
            syften=set(d["syften"]),
            givet=d["givet"],
            giltigt_till=d["giltigt_till"],
            satt=d["satt"],
            vittne=d["vittne"],
            fil=d.get("fil"),
            request=self.request,
        )


class SamtyckeMixin(StaffMixin):
    """The consent named in the URL, or 404 (missing and out of scope alike)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.samtycke = get_object_for_user(
                Samtycke.objects.select_related(
                    "inskrivning__insats__forbund", "inskrivning__deltagare"
                ),
                request,
                uuid=kwargs["uuid"],
            )
        return super().dispatch(request, *args, **kwargs)


class SamtyckeAterkallaView(SamtyckeMixin, View):
    def post(self, request, uuid):
        samtycke = self.samtycke
        try:
            services.samtycke_aterkalla(actor=request.user, samtycke=samtycke, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Samtycket är återkallat. Det gäller från och med i dag."))
        return redirect("deltagare:inskrivning-detail", uuid=samtycke.inskrivning.uuid)


class GallringsstoppView(InskrivningMixin, View):
    """Set or lift the legal hold that stops gallring of the person's data."""

    def post(self, request, uuid):
        from deltagare.gallring import deltagare_gallringsstopp

        form = forms.GallringsstoppForm(request.POST)
        if form.is_valid():
            try:
                deltagare_gallringsstopp(
                    actor=request.user,
                    deltagare=self.inskrivning.deltagare,
                    request=request,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Gallringsstoppet är sparat."))
        else:
            messages.error(request, _("Skälet får vara högst 300 tecken."))
        return redirect("deltagare:inskrivning-detail", uuid=self.inskrivning.uuid)


class SamtyckeBlankettView(SamtyckeMixin, View):
    """The signed form, only through this checked view, as an attachment."""

    def get(self, request, uuid):
        samtycke = self.samtycke
        if not samtycke.fil:
            raise Http404
        i = samtycke.inskrivning
        audit.record(
            action=audit.Action.READ,
            request=request,
            obj=samtycke,
            forbund=i.insats.forbund,
            deltagare_uuid=i.deltagare.uuid,
            detail={"fil": True},
        )
        extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
        response = FileResponse(
            samtycke.fil.open("rb"),
            content_type=samtycke.fil_typ or "application/octet-stream",
            as_attachment=True,
            filename=f"samtycke-{samtycke.givet:%Y%m%d}.{extension.get(samtycke.fil_typ, 'bin')}",
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


# --- Steps 2–5 ---------------------------------------------------------------------------


class SkrivInView(StegFormView):
    form_class = forms.SkrivInForm
    rubrik = _("Skriv in")
    intro = _(
        "Inskrivningen kräver ett giltigt samtycke. Uppgifterna nedan är SUS-uppgifter vid start."
    )
    lyckat = _("Personen är inskriven.")

    def get_form_kwargs(self):
        return {"personal": self.personal()}

    def get_initial(self):
        return {"kontaktperson": self.request.user.pk}

    def perform(self, form):
        d = form.cleaned_data
        services.inskrivning_skriv_in(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            datum=d["datum"],
            kontaktperson=d["kontaktperson"],
            kontaktperson2=d["kontaktperson2"],
            sus=form.sus(),
            forsorjning=d["forsorjning"],
            undantag_skal=d["undantag_skal"],
            request=self.request,
        )


class SamtalView(StegFormView):
    form_class = forms.SamtalForm
    rubrik = _("Registrera kartläggningssamtal")
    lyckat = _("Samtalet är registrerat.")

    def get_form_kwargs(self):
        return {"personal": self.personal()}

    def get_initial(self):
        return {"personal": self.request.user.pk}

    def perform(self, form):
        d = form.cleaned_data
        services.samtal_registrera(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            datum=d["datum"],
            personal=d["personal"],
            form=d["form"],
            omraden=d["omraden"],
            anteckning=d["anteckning"],
            request=self.request,
        )


class KartlaggningView(StegFormView):
    form_class = forms.KartlaggningForm
    rubrik = _("Kartläggning")
    intro = _("Fyll i område för område under samtalen. Spara så ofta du vill.")
    lyckat = _("Kartläggningen är sparad.")

    def get_form_kwargs(self):
        return {"instance": Kartlaggning.objects.filter(inskrivning=self.inskrivning).first()}

    def perform(self, form):
        services.kartlaggning_spara(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            data=form.cleaned_data,
            request=self.request,
        )


class KartlaggningKlarView(StegFormView):
    form_class = forms.KartlaggningKlarForm
    rubrik = _("Kartläggningen är klar")
    lyckat = _("Kartläggningen är markerad som klar.")

    def perform(self, form):
        d = form.cleaned_data
        services.kartlaggning_klar(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            datum=d["datum"],
            sammanfattning=d["sammanfattning"],
            request=self.request,
        )


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
        form = forms.HandlingsplanForm(initial=initial)
        formset = forms.PlanStegFormSet(initial=steg_initial, prefix="steg")
        return self.show(form, formset)

    def post(self, request, uuid):
        form = forms.HandlingsplanForm(request.POST)
        formset = forms.PlanStegFormSet(request.POST, prefix="steg")
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
        from deltagare.pdf import handlingsplan_pdf

        plan = get_object_for_user(
            HandlingsplanVersion.objects.select_related("inskrivning"),
            request,
            inskrivning=self.inskrivning,
            version=version,
        )
        pdf = handlingsplan_pdf(self.inskrivning, plan)
        audit.record(
            action=audit.Action.PRINT,
            request=request,
            obj=plan,
            forbund=self.inskrivning.insats.forbund,
            deltagare_uuid=self.inskrivning.deltagare.uuid,
            detail={"version": plan.version},
        )
        return _pdf_response(pdf, f"handlingsplan-v{plan.version}.pdf")


def _pdf_response(pdf: bytes, filename: str):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class InsatserPaborjaView(InskrivningMixin, View):
    def post(self, request, uuid):
        try:
            services.insatser_paborja(
                actor=request.user, inskrivning=self.inskrivning, request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Insatserna har börjat."))
        return redirect(self.detail_url)


class AktivitetView(StegFormView):
    form_class = forms.AktivitetForm
    rubrik = _("Registrera aktivitet")
    lyckat = _("Aktiviteten är registrerad.")

    def perform(self, form):
        services.aktivitet_registrera(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            data=form.cleaned_data,
            request=self.request,
        )


class KontaktView(StegFormView):
    form_class = forms.KontaktForm
    rubrik = _("Registrera kontakt")
    lyckat = _("Kontakten är registrerad.")

    def perform(self, form):
        d = form.cleaned_data
        services.kontakt_registrera(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            datum=d["datum"],
            typ=d["typ"],
            anteckning=d["anteckning"],
            till_remittent=d["till_remittent"],
            request=self.request,
        )


class ForlangView(StegFormView):
    form_class = forms.ForlangForm
    rubrik = _("Förläng med styrgruppens beslut")
    lyckat = _("Förlängningen är registrerad.")

    def perform(self, form):
        d = form.cleaned_data
        services.inskrivning_forlang(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            beslut=d["beslut"],
            referens=d["referens"],
            manader=d["manader"],
            request=self.request,
        )


class AvslutaView(StegFormView):
    form_class = forms.AvslutForm
    rubrik = _("Avsluta")
    intro = _(
        "Planera avslutet tillsammans med deltagaren och remittenten. "
        "SUS-uppgifterna vid avslut jämförs med dem vid inskrivningen."
    )
    lyckat = _("Ärendet är avslutat.")

    def get_form_kwargs(self):
        return {"kraver_sus": self.inskrivning.steg != Steg.AKTUALISERING}

    def perform(self, form):
        kraver_sus = self.inskrivning.steg != Steg.AKTUALISERING
        services.inskrivning_avsluta(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            avslut=form.avslut(),
            sus=form.sus() if kraver_sus else None,
            forsorjning=form.cleaned_data.get("forsorjning") if kraver_sus else None,
            request=self.request,
        )


class OverlamningPdfView(InskrivningMixin, View):
    audit_read = False  # the print event says it

    def get(self, request, uuid):
        from deltagare.pdf import overlamning_pdf

        i = self.inskrivning
        if not i.ar_avslutad or i.deltagare.anonym:
            return redirect(self.detail_url)
        pdf = overlamning_pdf(i)
        audit.record(
            action=audit.Action.PRINT,
            request=request,
            obj=i,
            forbund=i.insats.forbund,
            deltagare_uuid=i.deltagare.uuid,
            detail={"dokument": "overlamning"},
        )
        return _pdf_response(pdf, "overlamning.pdf")


class UppfoljningView(StegFormView):
    form_class = forms.UppfoljningForm
    rubrik = _("Uppföljning 12 månader efter avslut")
    lyckat = _("Uppföljningen är registrerad.")

    def perform(self, form):
        uppfoljning = Uppfoljning.objects.filter(inskrivning=self.inskrivning).first()
        if uppfoljning is None:
            raise ValidationError(_("Ingen uppföljning är planerad för det här ärendet."))
        d = form.cleaned_data
        services.uppfoljning_registrera(
            actor=self.request.user,
            uppfoljning=uppfoljning,
            genomford=d["genomford"],
            utfall=d["utfall"],
            anteckning=d["anteckning"],
            request=self.request,
        )


class GruppaktivitetView(StaffMixin, View):
    template_name = "deltagare/gruppaktivitet_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.insats = get_object_for_user(
                Insats.objects.all(), request, scope="staff_of", uuid=kwargs["uuid"]
            )
            self.inskrivningar = (
                Inskrivning.objects.for_user(request.user)
                .filter(
                    insats=self.insats,
                    steg__in=[Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER],
                    deltagare__anonym=False,
                )
                .select_related("deltagare")
                .order_by("deltagare__efternamn", "deltagare__fornamn")
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, uuid):
        form = forms.GruppaktivitetForm(inskrivningar=self.inskrivningar)
        return render(request, self.template_name, {"form": form, "insats": self.insats})

    def post(self, request, uuid):
        form = forms.GruppaktivitetForm(request.POST, inskrivningar=self.inskrivningar)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.gruppaktivitet_registrera(
                    actor=request.user,
                    insats=self.insats,
                    titel=d["titel"],
                    datum=d["datum"],
                    ledare=d["ledare"],
                    narvaro=form.narvaro(),
                    request=request,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Gruppaktiviteten och närvaron är registrerade."))
                return redirect("deltagare:oversikt")
        return render(request, self.template_name, {"form": form, "insats": self.insats})


# --- Registerutdrag: the office answers a person's request for their data ----------------


class RegisterutdragView(LoginRequiredMixin, View):
    template_name = "deltagare/registerutdrag.html"

    def dispatch(self, request, *args, **kwargs):
        from samverkan.models import Forbund
        from samverkan.permissions import roller

        if request.user.is_authenticated:
            self.forbund_qs = Forbund.objects.filter(
                pk__in=roller(request.user).admin_forbund
            ).order_by("namn")
            if not self.forbund_qs.exists():
                raise nekad(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = forms.RegisterutdragForm(forbund_qs=self.forbund_qs)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        from deltagare.registerutdrag import hitta_deltagare, registerutdrag_skapa

        form = forms.RegisterutdragForm(request.POST, forbund_qs=self.forbund_qs)
        if form.is_valid():
            deltagare = hitta_deltagare(
                actor=request.user,
                forbund=form.cleaned_data["forbund"],
                personnummer=form.cleaned_data["personnummer"],
            )
            if deltagare is None:
                form.add_error(
                    "personnummer", _("Ingen deltagare med det numret finns i förbundet.")
                )
            else:
                pdf = registerutdrag_skapa(actor=request.user, deltagare=deltagare, request=request)
                return _pdf_response(pdf, "registerutdrag.pdf")
        return render(request, self.template_name, {"form": form}, status=400)
