"""Logguppföljning: the office searches and exports the audit trail and records its reviews."""

import csv
import datetime
import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from samverkan import audit, services
from samverkan.forms import LoggFilterForm, LogggranskningForm
from samverkan.logg import anvandare_att_valja, flaggor, sok
from samverkan.models import Forbund, Logggranskning
from samverkan.permissions import AdminOnlyMixin, roller


class LoggMixin(AdminOnlyMixin):
    def filter(self, request):
        idag = timezone.localdate()
        data = request.GET if request.GET else {
            "fran": (idag - datetime.timedelta(days=30)).isoformat(),
            "till": idag.isoformat(),
        }  # fmt: skip
        form = LoggFilterForm(data, anvandare_qs=anvandare_att_valja(request.user))
        return form, form.is_valid()

    def handelser(self, form):
        d = {k: v for k, v in form.cleaned_data.items() if k != "handelse"}
        return sok(self.request.user, handelse=form.cleaned_data["handelse"], **d)


class LoggListView(LoggMixin, View):
    template_name = "samverkan/logg_list.html"

    def get(self, request):
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
        idag = timezone.localdate()
        form = LogggranskningForm(
            forbund_qs=self.forbund_qs(),
            initial={"granskad": idag, "period_fran": idag - datetime.timedelta(days=30),
                     "period_till": idag},
        )  # fmt: skip
        return self.render_page(form if self.forbund_qs().exists() else None)

    def post(self, request):
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
