"""Pages of the core. Thin: look up through for_user(), validate, call a service."""

import datetime
import logging
import sys

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import ListView, TemplateView

from samverkan import audit, sakerhetslogg, services, startsida
from samverkan.forms import InbjudanForm, InsatsForm
from samverkan.models import Forbund, Inbjudan, Insats, Medlemskap, Organisation, Roll
from samverkan.permissions import get_object_for_user, neka, roller

logger = logging.getLogger("samverkan")


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


class TillganglighetView(TemplateView):
    template_name = "samverkan/tillganglighet.html"


class StartView(LoginRequiredMixin, TemplateView):
    template_name = "samverkan/start.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        r = roller(user)
        # Each role's work, from the panels the apps registered (samverkan/startsida.py).
        ctx["sektioner"] = [
            (
                sektion,
                [
                    loader.render_to_string(p.mall, p.context, request=self.request)
                    for p in sektion.paneler
                ],
            )
            for sektion in startsida.sektioner(self.request)
        ]
        ctx["mina_medlemskap"] = (
            Medlemskap.objects.filter(user=user)
            .aktiva()
            .select_related("forbund", "insats", "organisation")
            .order_by("forbund__namn", "roll")
        )
        ctx["mina_insatser"] = startsida.mina_insatser(self.request)
        if r.ar_handlaggare:
            ctx["remissbara_insatser"] = (
                Insats.objects.for_user(user)
                .filter(typ=Insats.Typ.INDIVID)
                .aktiva()
                .select_related("forbund")
            )
        if r.ar_forbundsadmin or r.ar_styrelse:
            ctx["forbund_oversikt"] = (
                Forbund.objects.filter(pk__in=r.admin_forbund | r.styrelse_forbund)
                .annotate(
                    antal_insatser=Count("insatser", distinct=True),
                    antal_organisationer=Count("organisationer", distinct=True),
                )
                .order_by("namn")
            )
        return ctx


class InsatsListView(LoginRequiredMixin, ListView):
    template_name = "samverkan/insats_list.html"
    context_object_name = "insatser"

    def get_queryset(self):
        return (
            Insats.objects.for_user(self.request.user)
            .select_related("forbund")
            .annotate(
                antal_personal=Count(
                    "medlemskap", filter=Q(medlemskap__roll=Roll.SAMORDNARE), distinct=True
                )
            )
            .order_by("forbund__namn", "namn")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        r = roller(self.request.user)
        ctx["kan_skapa"] = self.request.user.is_superuser or r.ar_forbundsadmin
        return ctx


class InsatsDetailView(LoginRequiredMixin, View):
    template_name = "samverkan/insats_detail.html"

    def dispatch(self, request, *args, **kwargs):
        # Looked up before the method: another förbund's insats is 404 for every method.
        if request.user.is_authenticated:
            self.insats = get_object_for_user(
                Insats.objects.select_related("forbund"), request, uuid=kwargs["uuid"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, uuid):
        insats = self.insats
        personal = (
            Medlemskap.objects.filter(insats=insats, roll=Roll.SAMORDNARE)
            .aktiva()
            .select_related("user")
            .order_by("user__efternamn", "user__fornamn")
        )
        kan_andra = Insats.objects.administrable_by(request.user).filter(pk=insats.pk).exists()
        return render(
            request,
            self.template_name,
            {"insats": insats, "personal": personal, "kan_andra": kan_andra},
        )


class InsatsCreateView(LoginRequiredMixin, View):
    template_name = "samverkan/insats_form.html"

    def _form(self, request, data=None):
        choices = Forbund.objects.for_user(request.user).order_by("namn")
        if not request.user.is_superuser:
            choices = choices.filter(pk__in=roller(request.user).admin_forbund)
        if not choices.exists():
            raise PermissionDenied
        return InsatsForm(data, forbund_choices=choices)

    def get(self, request):
        return render(request, self.template_name, {"form": self._form(request)})

    def post(self, request):
        form = self._form(request, request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        insats = services.insats_skapa(
            actor=request.user, forbund=form.forbund, data=form.cleaned_data, request=request
        )
        messages.success(request, _("Insatsen %(namn)s är skapad.") % {"namn": insats.namn})
        return redirect("samverkan:insats-detail", uuid=insats.uuid)


class InsatsUpdateView(LoginRequiredMixin, View):
    template_name = "samverkan/insats_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.insats = get_object_for_user(
                Insats.objects.select_related("forbund"),
                request,
                scope="administrable_by",
                uuid=kwargs["uuid"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, uuid):
        insats = self.insats
        return render(
            request, self.template_name, {"form": InsatsForm(instance=insats), "insats": insats}
        )

    def post(self, request, uuid):
        insats = self.insats
        # The service re-reads the row under lock, so the form may change this copy.
        form = InsatsForm(request.POST, instance=insats)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form, "insats": insats})
        services.insats_uppdatera(
            actor=request.user, insats=insats, data=form.cleaned_data, request=request
        )
        messages.success(request, _("Ändringarna är sparade."))
        return redirect("samverkan:insats-detail", uuid=insats.uuid)


class AdminOnlyMixin(LoginRequiredMixin):
    """Pages for the förbund's office: förbundsadministratör or superuser."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (request.user.is_superuser or roller(request.user).ar_forbundsadmin):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def admin_forbund_ids(self):
        if self.request.user.is_superuser:
            return Forbund.objects.values("pk")
        return roller(self.request.user).admin_forbund


class OrganisationListView(AdminOnlyMixin, ListView):
    template_name = "samverkan/organisation_list.html"
    context_object_name = "organisationer"

    def get_queryset(self):
        return (
            Organisation.objects.for_user(self.request.user)
            .filter(forbund_id__in=self.admin_forbund_ids())
            .select_related("forbund")
            .annotate(
                antal_handlaggare=Count(
                    "medlemskap", filter=Q(medlemskap__roll=Roll.HANDLAGGARE), distinct=True
                )
            )
            .order_by("forbund__namn", "typ", "namn")
        )


class MedlemskapListView(AdminOnlyMixin, ListView):
    template_name = "samverkan/medlemskap_list.html"
    context_object_name = "medlemskap"
    paginate_by = 50

    def get_queryset(self):
        return (
            Medlemskap.objects.for_user(self.request.user)
            .filter(forbund_id__in=self.admin_forbund_ids())
            .select_related("user", "forbund", "insats", "organisation")
            .order_by("forbund__namn", "user__efternamn", "user__fornamn", "roll")
        )


class InbjudanView(AdminOnlyMixin, View):
    """Invitations for handläggare whose address is outside the registered domains."""

    template_name = "samverkan/inbjudan_list.html"

    def organisationer(self):
        return Organisation.objects.for_user(self.request.user).filter(
            forbund_id__in=self.admin_forbund_ids(), aktiv=True
        )

    def render_page(self, form):
        inbjudningar = (
            Inbjudan.objects.filter(organisation__in=self.organisationer())
            .select_related("organisation")
            .order_by("-giltig_till")
        )
        return render(
            self.request, self.template_name, {"form": form, "inbjudningar": inbjudningar}
        )

    def get(self, request):
        return self.render_page(InbjudanForm(organisationer=self.organisationer()))

    def post(self, request):
        form = InbjudanForm(request.POST, organisationer=self.organisationer())
        if not form.is_valid():
            return self.render_page(form)
        services.inbjudan_skapa(actor=request.user, request=request, **form.cleaned_data)
        messages.success(request, _("Inbjudan är sparad."))
        return redirect("samverkan:inbjudan-list")


def server_error(request):
    """500, or 503 when the database is down: Django calls this inside the
    except block, so the exception is still at hand."""
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        logger.error("Databasen svarar inte (%s)", type(exc).__name__)
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    sakerhetslogg.handelse("csrf_avvisad", request)
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    # A refused page is worth a look in the log review, like a refused object.
    neka(request)
    return render(request, "403.html", status=403)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


# --- Logguppföljning: the office reviews the audit trail --------------------------------


class LoggMixin(AdminOnlyMixin):
    def filter(self, request):
        from samverkan.forms import LoggFilterForm
        from samverkan.logg import anvandare_att_valja

        idag = timezone.localdate()
        data = request.GET if request.GET else {
            "fran": (idag - datetime.timedelta(days=30)).isoformat(),
            "till": idag.isoformat(),
        }  # fmt: skip
        form = LoggFilterForm(data, anvandare_qs=anvandare_att_valja(request.user))
        return form, form.is_valid()

    def handelser(self, form):
        from samverkan.logg import sok

        d = {k: v for k, v in form.cleaned_data.items() if k != "handelse"}
        return sok(self.request.user, handelse=form.cleaned_data["handelse"], **d)


class LoggListView(LoggMixin, View):
    template_name = "samverkan/logg_list.html"

    def get(self, request):
        from django.core.paginator import Paginator

        from samverkan.logg import flaggor

        form, giltig = self.filter(request)
        query = request.GET.copy()
        query.pop("sida", None)
        context = {"form": form, "query": query.urlencode()}
        if giltig:
            d = form.cleaned_data
            idag = timezone.localdate()
            fran = d["fran"] or idag - datetime.timedelta(days=30)
            context["flaggor"] = flaggor(request.user, fran=fran, till=d["till"] or idag)
            context["sida"] = Paginator(self.handelser(form), 50).get_page(request.GET.get("sida"))
        return render(request, self.template_name, context, status=200 if giltig else 400)


class LoggExportView(LoggMixin, View):
    """The filtered trail as CSV; exporting the trail is itself an event."""

    def get(self, request):
        import csv
        import io

        form, giltig = self.filter(request)
        if not giltig:
            return redirect(reverse("samverkan:logg-list"))
        ut = io.StringIO()
        ut.write("\ufeff")  # Excel reads UTF-8 only with a BOM
        skrivare = csv.writer(ut, delimiter=";")
        skrivare.writerow(
            ["tidpunkt", "användare", "användar-id", "händelse", "objekttyp", "objekt-id",
             "deltagare", "förbund", "ip"]
        )  # fmt: skip
        antal = 0
        for h in self.handelser(form).iterator(chunk_size=2000):
            skrivare.writerow(
                [timezone.localtime(h.tidpunkt).isoformat(timespec="seconds"),
                 h.actor.get_full_name() if h.actor else "", h.actor_id or "",
                 h.get_action_display(), h.object_type, h.object_id, h.deltagare_uuid or "",
                 h.forbund.namn if h.forbund else "", h.ip or ""]
            )  # fmt: skip
            antal += 1
        audit.record(
            action=audit.Action.EXPORT,
            request=request,
            object_type="samverkan.auditevent",
            detail={
                "handelser": antal,
                **{
                    k: str(v.pk if hasattr(v, "pk") else v)
                    for k, v in form.cleaned_data.items()
                    if v
                },
            },
        )
        response = HttpResponse(ut.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="logg.csv"'
        return response


class LogggranskningView(AdminOnlyMixin, View):
    """The periodic review of the trail: earlier reviews and a form for a new one."""

    template_name = "samverkan/logggranskning_list.html"

    def forbund_qs(self):
        return Forbund.objects.filter(pk__in=roller(self.request.user).admin_forbund).order_by(
            "namn"
        )

    def render_page(self, form, status=200):
        from samverkan.models import Logggranskning

        granskningar = (
            Logggranskning.objects.filter(forbund_id__in=self.admin_forbund_ids())
            .select_related("forbund", "granskad_av")
            .order_by("-granskad", "-pk")
        )
        return render(
            self.request,
            self.template_name,
            {"form": form, "granskningar": granskningar},
            status=status,
        )

    def get(self, request):
        from samverkan.forms import LogggranskningForm

        idag = timezone.localdate()
        form = LogggranskningForm(
            forbund_qs=self.forbund_qs(),
            initial={"granskad": idag, "period_fran": idag - datetime.timedelta(days=30),
                     "period_till": idag},
        )  # fmt: skip
        return self.render_page(form if self.forbund_qs().exists() else None)

    def post(self, request):
        from samverkan.forms import LogggranskningForm

        form = LogggranskningForm(request.POST, forbund_qs=self.forbund_qs())
        if not form.is_valid():
            return self.render_page(form, status=400)
        data = dict(form.cleaned_data)
        forbund = data.pop("forbund")
        services.logggranskning_registrera(
            actor=request.user, forbund=forbund, data=data, request=request
        )
        messages.success(request, _("Granskningen är registrerad."))
        return redirect("samverkan:logggranskning-list")
