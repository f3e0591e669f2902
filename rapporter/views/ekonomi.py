"""The office's page for an insats's economy of one year."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from rapporter.forms.ekonomi import EkonomiForm
from rapporter.models import Ekonomi
from rapporter.services import ekonomi as services
from rapporter.views.mal import InsatsAdminMixin
from samverkan.forms import add_errors

FORSTA_AR, SISTA_AR = 2000, 2100  # as the model allows


class EkonomiRedirectView(InsatsAdminMixin, View):
    """The current year's page."""

    def get(self, request, uuid):
        return redirect("rapporter:ekonomi", uuid=self.insats.uuid, ar=timezone.localdate().year)


class EkonomiView(InsatsAdminMixin, View):
    template_name = "rapporter/ekonomi_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not FORSTA_AR <= kwargs["ar"] <= SISTA_AR:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def _ekonomi(self, ar):
        return (
            Ekonomi.objects.filter(insats=self.insats, ar=ar)
            .prefetch_related("budgetposter", "kostnader")
            .first()
        )

    def _render(self, request, form, ar, status=200):
        ar_med_data = set(Ekonomi.objects.filter(insats=self.insats).values_list("ar", flat=True))
        idag = timezone.localdate().year
        ar_lista = sorted(
            a for a in ar_med_data | {ar - 1, ar, ar + 1, idag} if FORSTA_AR <= a <= SISTA_AR
        )
        return render(
            request,
            self.template_name,
            {
                "insats": self.insats,
                "form": form,
                "ar": ar,
                "ar_lista": ar_lista,
                "ar_med_data": ar_med_data,
            },
            status=status,
        )

    def get(self, request, uuid, ar):
        form = EkonomiForm(insats=self.insats, ar=ar, ekonomi=self._ekonomi(ar))
        return self._render(request, form, ar)

    def post(self, request, uuid, ar):
        form = EkonomiForm(request.POST, insats=self.insats, ar=ar, ekonomi=self._ekonomi(ar))
        if form.is_valid():
            try:
                services.ekonomi_spara(
                    actor=request.user,
                    insats=self.insats,
                    ar=ar,
                    request=request,
                    **form.service_data(),
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Ekonomin för %(ar)s är sparad.") % {"ar": ar})
                return redirect("rapporter:ekonomi", uuid=self.insats.uuid, ar=ar)
        return self._render(request, form, ar, status=400)
