"""Step 4: the insatser begin; activities, group events with attendance, contacts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from deltagare import services
from deltagare.forms.insatser import AktivitetForm, GruppaktivitetForm, KontaktForm
from deltagare.koder import Steg
from deltagare.models import Inskrivning
from deltagare.views.gemensamt import (
    InskrivningMixin,
    StaffMixin,
    StegFormView,
    utfor,
)
from samverkan.forms import add_errors
from samverkan.models import Insats
from samverkan.permissions import get_object_for_user


class InsatserPaborjaView(InskrivningMixin, View):
    def post(self, request, uuid):
        utfor(
            request,
            services.insatser_paborja,
            _("Insatserna har börjat."),
            inskrivning=self.inskrivning,
        )
        return redirect(self.detail_url)


class AktivitetView(StegFormView):
    form_class = AktivitetForm
    rubrik = gettext_lazy("Registrera aktivitet")
    lyckat = gettext_lazy("Aktiviteten är registrerad.")
    tjanst = staticmethod(services.aktivitet_registrera)

    def argument(self, form):
        return {"data": form.cleaned_data}


class KontaktView(StegFormView):
    form_class = KontaktForm
    rubrik = gettext_lazy("Registrera kontakt")
    lyckat = gettext_lazy("Kontakten är registrerad.")
    tjanst = staticmethod(services.kontakt_registrera)


class GruppaktivitetView(StaffMixin, View):
    template_name = "deltagare/gruppaktivitet_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.insats = get_object_for_user(
                Insats.objects.all(), request, scope="staff_of", uuid=kwargs["uuid"]
            )
            self.inskrivningar = (
                Inskrivning.objects.for_user(request.user)
                .filter(
                    insats=self.insats,
                    steg__in=[Steg.INSKRIVNING, Steg.KARTLAGGNING, Steg.INSATSER],
                    deltagare__anonym=False,
                )
                .select_related("deltagare")
                .order_by("deltagare__efternamn", "deltagare__fornamn")
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, uuid):
        form = GruppaktivitetForm(inskrivningar=self.inskrivningar)
        return render(request, self.template_name, {"form": form, "insats": self.insats})

    def post(self, request, uuid):
        form = GruppaktivitetForm(request.POST, inskrivningar=self.inskrivningar)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.gruppaktivitet_registrera(
                    actor=request.user,
                    insats=self.insats,
                    titel=d["titel"],
                    datum=d["datum"],
                    ledare=d["ledare"],
                    narvaro=form.narvaro(),
                    request=request,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Gruppaktiviteten och närvaron är registrerade."))
                return redirect("deltagare:oversikt")
        return render(request, self.template_name, {"form": form, "insats": self.insats})
