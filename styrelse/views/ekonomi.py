"""The förbund's economy: the economic report for the board and the office,
where the office also enters the year's income."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from samverkan import audit
from samverkan.models import Forbund
from samverkan.permissions import ar_admin_for, roller
from styrelse import forms
from styrelse.models import ForbundEkonomiAr
from styrelse.selectors import forbundets_ekonomi
from styrelse.services import ekonomi as ekonomi_services
from styrelse.views.common import StyrelseMixin


class EkonomiView(StyrelseMixin, View):
    """The economic report: a page for the board and the office, and the
    agenda attachment of an item that asks for it. The office enters the
    year's income here."""

    def _forbund(self, request):
        r = roller(request.user)
        forbund = Forbund.objects.filter(pk__in=r.admin_forbund | r.styrelse_forbund).first()
        if forbund is None:
            forbund = Forbund.objects.for_user(request.user).first()
        if forbund is None:
            raise Http404
        return forbund

    def _ar(self, request):
        try:
            ar = int(request.GET.get("ar") or timezone.localdate().year)
        except ValueError:
            raise Http404 from None
        if not 2000 <= ar <= 2100:
            raise Http404
        return ar

    def _sida(self, request, forbund, ar, form, status=200):
        kansli = ar_admin_for(request.user, forbund.pk)
        audit.record(
            action=audit.Action.READ,
            actor=request.user,
            object_type="styrelse.forbundsekonomi",
            object_id=str(ar),
            forbund=forbund,
            request=request,
        )
        return render(
            request,
            "styrelse/ekonomi.html",
            {
                "forbund": forbund,
                "ar": ar,
                "e": forbundets_ekonomi(forbund=forbund, ar=ar),
                "form": form if kansli else None,
            },
            status=status,
        )

    def get(self, request):
        forbund, ar = self._forbund(request), self._ar(request)
        rad = ForbundEkonomiAr.objects.filter(forbund=forbund, ar=ar).first()
        return self._sida(request, forbund, ar, forms.ForbundEkonomiForm(instance=rad))

    def post(self, request):
        forbund, ar = self._forbund(request), self._ar(request)
        rad = ForbundEkonomiAr.objects.filter(forbund=forbund, ar=ar).first()
        form = forms.ForbundEkonomiForm(request.POST, instance=rad)
        if form.is_valid():
            ekonomi_services.forbundsekonomi_spara(
                actor=request.user, forbund=forbund, ar=ar, data=form.cleaned_data, request=request
            )
            messages.success(request, _("Förbundets ekonomi är sparad."))
            return redirect(f"{reverse('styrelse:ekonomi')}?ar={ar}")
        return self._sida(request, forbund, ar, form, status=400)
