from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from paminnelser.forms import InstallningForm
from paminnelser.models import Paminnelseinstallning
from samverkan import audit


class InstallningView(LoginRequiredMixin, View):
    """The user's own choice: daily, weekly on one day, or no reminders."""

    template_name = "paminnelser/installningar.html"

    def _installning(self, request):
        try:
            return request.user.paminnelseinstallning
        except Paminnelseinstallning.DoesNotExist:
            return Paminnelseinstallning(user=request.user)

    def get(self, request):
        form = InstallningForm(instance=self._installning(request))
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = InstallningForm(request.POST, instance=self._installning(request))
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        with transaction.atomic():
            installning = form.save()
            audit.record(
                action=audit.Action.CHANGE,
                actor=request.user,
                obj=installning,
                request=request,
                detail={"frekvens": installning.frekvens, "veckodag": installning.veckodag},
            )
        messages.success(request, _("Dina val för påminnelser är sparade."))
        return redirect("paminnelser:installningar")
