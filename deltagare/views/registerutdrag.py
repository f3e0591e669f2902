"""The office answers a person's request for what is held about them."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from deltagare.forms.registerutdrag import RegisterutdragForm
from deltagare.registerutdrag import hitta_deltagare, registerutdrag_skapa
from deltagare.views.gemensamt import pdf_svar
from samverkan.models import Forbund
from samverkan.permissions import nekad, roller


class RegisterutdragView(LoginRequiredMixin, View):
    template_name = "deltagare/registerutdrag.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.forbund_qs = Forbund.objects.filter(
                pk__in=roller(request.user).admin_forbund
            ).order_by("namn")
            if not self.forbund_qs.exists():
                raise nekad(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = RegisterutdragForm(forbund_qs=self.forbund_qs)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = RegisterutdragForm(request.POST, forbund_qs=self.forbund_qs)
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
                return pdf_svar(pdf, "registerutdrag.pdf")
        return render(request, self.template_name, {"form": form}, status=400)
