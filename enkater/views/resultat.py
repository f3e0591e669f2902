"""The office's results of a questionnaire, on the page and as CSV/XLSX."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from enkater import selectors
from enkater.forms import ResultatForm
from enkater.views.kansli import EnkatMixin
from rapporter.export import csv_bytes, xlsx_bytes
from samverkan import audit


class ResultatMixin(EnkatMixin):
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


class ResultatView(ResultatMixin, View):
    def get(self, request, uuid):
        enkat = self.enkat
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


class ResultatExportView(ResultatMixin, View):
    def get(self, request, uuid, nyckel, format):
        enkat = self.enkat
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
