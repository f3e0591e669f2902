"""Handing out one-time links: the coordinator's link and QR code for a
participant, the office's yearly mailing of the samverkansindikatorer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from deltagare.views import InskrivningMixin, StaffMixin
from enkater.forms import LankForm, UtskickForm
from enkater.qr import qr_svg
from enkater.services import lankar as services
from enkater.views.kansli import KansliMixin
from samverkan.models import Medlemskap, Roll


class UtskickView(KansliMixin, View):
    def get(self, request):
        form = UtskickForm(insatser=self.insatser())
        return render(request, "enkater/utskick.html", {"form": form})

    def post(self, request):
        form = UtskickForm(request.POST, insatser=self.insatser())
        if form.is_valid():
            insats = form.cleaned_data["insats"]
            adresser = list(form.cleaned_data["adresser"])
            if form.cleaned_data["personal"]:
                adresser += list(
                    Medlemskap.objects.filter(insats=insats, roll=Roll.SAMORDNARE)
                    .aktiva()
                    .values_list("user__email", flat=True)
                )
            try:
                antal = services.samverkanslankar_skicka(
                    actor=request.user, insats=insats, adresser=adresser
                )
            except ValidationError as e:
                form.add_error("adresser", e.messages)
            else:
                messages.success(request, _("%(n)s enkätlänkar skickas nu.") % {"n": antal})
                return redirect("enkater:samverkan-utskick")
        return render(request, "enkater/utskick.html", {"form": form})


class LankListView(StaffMixin, View):
    """The coordinator's recent exits and active cases, each with a link button."""

    def get(self, request):
        from deltagare.models import Inskrivning

        sedan = timezone.localdate() - timezone.timedelta(days=90)
        fall = (
            Inskrivning.objects.for_user(request.user)
            .filter(felregistrerad=False, inskrivningsdatum__isnull=False)
            .exclude(avslutsdatum__lt=sedan)
            .select_related("deltagare", "insats")
            .order_by("-avslutsdatum", "deltagare__efternamn")[:100]
        )
        return render(request, "enkater/lank_list.html", {"fall": fall})


class LankSkapaView(InskrivningMixin, View):
    def get(self, request, uuid):
        return render(
            request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": LankForm()}
        )

    def post(self, request, uuid):
        form = LankForm(request.POST)
        if not form.is_valid():
            return render(
                request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": form}
            )
        try:
            token = services.deltagarlank_skapa(
                actor=request.user,
                inskrivning=self.inskrivning,
                tillfalle=form.cleaned_data["tillfalle"],
            )
        except ValidationError as e:
            form.add_error(None, e.messages)
            return render(
                request, "enkater/lank_skapa.html", {"fall": self.inskrivning, "form": form}
            )
        url = request.build_absolute_uri(services.lank_url(token))
        # Shown once, on this answer to the POST: the token is stored nowhere.
        return render(
            request,
            "enkater/lank_visa.html",
            {
                "url": url,
                "qr": qr_svg(url, titel=_("QR-kod till enkäten")),
                "fall": self.inskrivning,
            },
        )
