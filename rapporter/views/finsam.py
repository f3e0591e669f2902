"""Uppföljning Finsam: the yearly figures the national follow-up asks for."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views import View

from rapporter.export import csv_bytes, filnamn
from rapporter.forms.rapport import FinsamForm
from rapporter.period import Period
from rapporter.permissions import ser_hela_forbundet
from rapporter.sekretess import skydda
from rapporter.selectors.finsam import finsam
from rapporter.views.common import ForbundMixin
from samverkan import audit
from samverkan.permissions import nekad


class FinsamMixin(ForbundMixin):
    def tabeller(self, request):
        if not ser_hela_forbundet(request.user, self.forbund):
            raise nekad(request)
        data = request.GET if "ar" in request.GET else None
        form = FinsamForm(data)
        if data is None:
            form = FinsamForm({"ar": form.fields["ar"].initial})
        if not form.is_valid():
            return form, None
        ar = form.cleaned_data["ar"]
        grans = self.forbund.smacellsgrans
        return form, [skydda(t, grans) for t in finsam(forbund=self.forbund, ar=ar)]


class FinsamView(FinsamMixin, View):
    template_name = "rapporter/finsam.html"

    def get(self, request):
        form, tabeller = self.tabeller(request)
        return render(
            request,
            self.template_name,
            {"form": form, "tabeller": tabeller, "forbund": self.forbund},
            status=200 if tabeller is not None else 400,
        )


class FinsamExportView(FinsamMixin, View):
    def get(self, request):
        form, tabeller = self.tabeller(request)
        if tabeller is None:
            raise Http404
        ar = form.cleaned_data["ar"]
        bom = "\ufeff".encode()
        # One file, the tables one after another with a blank line between.
        innehall = bom + b"\r\n".join(csv_bytes(t).removeprefix(bom) for t in tabeller)
        audit.record(
            action=audit.Action.EXPORT,
            request=request,
            object_type="rapporter.finsam",
            object_id=str(ar),
            forbund=self.forbund,
            detail={"ar": ar},
        )
        response = HttpResponse(innehall, content_type="text/csv; charset=utf-8")
        namn = filnamn("uppfoljning-finsam", Period.helar(ar), "csv")
        response["Content-Disposition"] = f'attachment; filename="{namn}"'
        return response
