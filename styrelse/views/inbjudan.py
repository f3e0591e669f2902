"""The office invites an external applicant (no partner organisation) to write
one application; the applicant then logs in by e-mail code."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy

from styrelse import forms
from styrelse.services import inbjudan as inbjudan_services
from styrelse.views.common import FormSidaView, KansliForbundMixin


class AnsokningsinbjudanView(KansliForbundMixin, FormSidaView):
    rubrik = gettext_lazy("Bjud in extern sökande")
    intro = gettext_lazy(
        "För en sökande som inte är en av förbundets parter, t.ex. en folkhögskola "
        "eller ett socialt företag. Personen får ett e-postmeddelande med en länk."
    )
    knapp = gettext_lazy("Skicka inbjudan")
    sparat = gettext_lazy("Inbjudan är skickad.")

    def form(self, forbund, data=None, files=None):
        return forms.AnsokningsinbjudanForm(data)

    def tillbaka(self, forbund):
        return reverse("styrelse:ansokan-list")

    def spara(self, request, forbund, form):
        inbjudan_services.ansokningsinbjudan_skapa(
            actor=request.user, forbund=forbund, request=request, **form.cleaned_data
        )
        return redirect("styrelse:ansokan-list")
