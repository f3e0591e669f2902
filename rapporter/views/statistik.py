"""Statistik: the SUS-style figures for a period, with charts and downloads."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from rapporter.export import csv_bytes, filnamn, xlsx_bytes
from rapporter.forms.rapport import StatistikForm
from rapporter.permissions import far_se_exakta_tal, ser_hela_forbundet, valbara_insatser
from rapporter.sammanstallning import sammanstall
from rapporter.views.common import ForbundMixin
from samverkan import audit


class StatistikMixin(ForbundMixin):
    def las_form(self, request):
        hela = ser_hela_forbundet(request.user, self.forbund)
        insatser = valbara_insatser(request.user, self.forbund).order_by("namn")
        # Exact figures may be offered when the user is staff of any insats shown.
        visa_exakt = (
            self.forbund.pk in _admin(request.user)
            or insatser.filter(pk__in=_samordnare(request.user)).exists()
        )
        data = request.GET if "period" in request.GET else None
        if data is not None and not hela and not data.get("insats"):
            # Staff of some insatser only: their first insats, as on the first visit.
            forsta = insatser.first()
            data = data.copy()
            data["insats"] = str(forsta.uuid) if forsta else ""
        form = StatistikForm(data, insatser=insatser, visa_exakt=visa_exakt, hela_forbundet=hela)
        if data is None:
            form = StatistikForm(
                {"period": form.fields["period"].initial, **_forsta_insats(form, hela)},
                insatser=insatser,
                visa_exakt=visa_exakt,
                hela_forbundet=hela,
            )
        return form

    def sammanstall(self, form):
        insats = form.cleaned_data.get("insats")
        exakt = bool(form.cleaned_data.get("exakt")) and far_se_exakta_tal(
            self.request.user, self.forbund, insats
        )
        return sammanstall(
            forbund=self.forbund, period=form.vald_period, insats=insats, exakt=exakt
        )


def _admin(user):
    from samverkan.permissions import roller

    return roller(user).admin_forbund


def _samordnare(user):
    from samverkan.permissions import roller

    return roller(user).samordnare_insatser


def _forsta_insats(form, hela):
    if hela:
        return {}
    forsta = form.fields["insats"].queryset.first()
    return {"insats": str(forsta.uuid)} if forsta else {}


class StatistikView(StatistikMixin, View):
    template_name = "rapporter/statistik.html"

    def get(self, request):
        form = self.las_form(request)
        s = self.sammanstall(form) if form.is_valid() else None
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "s": s,
                "forbund": self.forbund,
                "valbara_forbund": self.valbara_forbund,
                "query": request.GET.urlencode(),
            },
            status=200 if s is not None or not form.is_bound else 400,
        )


class StatistikExportView(StatistikMixin, View):
    """One table as CSV, or every table as one XLSX workbook (nyckel "alla")."""

    def get(self, request, nyckel, format):
        if format not in ("csv", "xlsx"):
            raise Http404
        form = self.las_form(request)
        if not form.is_valid():
            raise Http404
        s = self.sammanstall(form)
        if format == "xlsx" and nyckel == "alla":
            tabeller = s.alla_tabeller()
            innehall = xlsx_bytes(tabeller, rubrik=f"{s.forbund.namn}, {s.omfang}, {s.period.namn}")
        else:
            try:
                tabell = s.tabell(nyckel)
            except KeyError:
                raise Http404 from None
            tabeller = [tabell]
            innehall = csv_bytes(tabell) if format == "csv" else xlsx_bytes(tabeller)
        audit.record(
            action=audit.Action.EXPORT,
            request=request,
            object_type="rapporter.statistik",
            object_id=nyckel,
            forbund=self.forbund,
            detail={
                "period": s.period.kod,
                "insats": str(s.insats.uuid) if s.insats else "",
                "format": format,
                "exakt": s.grans is None,
            },
        )
        typ = {
            "csv": "text/csv; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[format]
        response = HttpResponse(innehall, content_type=typ)
        namn = filnamn(nyckel, s.period, format)
        response["Content-Disposition"] = f'attachment; filename="{namn}"'
        return response
