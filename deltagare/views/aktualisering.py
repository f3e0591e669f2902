"""Step 1: a person is aktualiserad (or registered anonymously); their personal data."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from deltagare import services
from deltagare.forms.aktualisering import AktualiseringForm, AnonymForm, PersonForm
from deltagare.models import Inskrivning
from deltagare.views.gemensamt import StaffMixin, StegFormView
from samverkan.forms import add_errors
from samverkan.models import Organisation


class AktualiseringView(StaffMixin, View):
    template_name = "deltagare/aktualisering_form.html"

    def form(self, data=None):
        insatser = self.insatser()
        organisationer = Organisation.objects.filter(
            forbund__in=insatser.values("forbund"), aktiv=True
        ).order_by("namn")
        return AktualiseringForm(data, insatser=insatser, organisationer=organisationer)

    def get(self, request):
        return render(request, self.template_name, {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        dubblett = None
        if form.is_valid():
            d = form.cleaned_data
            try:
                inskrivning = services.deltagare_aktualisera(
                    actor=request.user,
                    insats=d["insats"],
                    person=form.person(),
                    aktualiserad=d["aktualiserad"],
                    remittent_organisation=d["remittent_organisation"],
                    informationsmote=d["informationsmote"],
                    koppla_till_befintlig=d["koppla_till_befintlig"],
                    request=request,
                )
            except services.Dubblett as error:
                dubblett = error
                form.add_error(None, error.messages)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Personen är aktualiserad."))
                return redirect("deltagare:inskrivning-detail", uuid=inskrivning.uuid)
        dubblett_arende = None
        if dubblett is not None and dubblett.synlig:
            dubblett_arende = (
                Inskrivning.objects.for_user(request.user)
                .filter(deltagare=dubblett.befintlig)
                .first()
            )
        return render(
            request,
            self.template_name,
            {"form": form, "dubblett": dubblett, "dubblett_arende": dubblett_arende},
        )


class AnonymView(StaffMixin, View):
    template_name = "deltagare/anonym_form.html"

    def post(self, request):
        form = AnonymForm(request.POST, insatser=self.insatser())
        if form.is_valid():
            d = form.cleaned_data
            services.deltagare_registrera_anonym(
                actor=request.user,
                insats=d["insats"],
                kon=d["kon"],
                startar=d["startar"],
                request=request,
            )
            messages.success(request, _("Den anonyma deltagaren är registrerad."))
            return redirect("deltagare:oversikt")
        return render(request, self.template_name, {"form": form})

    def get(self, request):
        return render(request, self.template_name, {"form": AnonymForm(insatser=self.insatser())})


class PersonuppgifterView(StegFormView):
    form_class = PersonForm
    rubrik = gettext_lazy("Ändra personuppgifter")
    lyckat = gettext_lazy("Personuppgifterna är sparade.")

    def get_initial(self):
        d = self.inskrivning.deltagare
        initial = {f: getattr(d, f) for f in self.form_class.base_fields if hasattr(d, f)}
        initial["saknar_personnummer"] = not d.personnummer
        return initial

    def perform(self, form):
        if self.inskrivning.deltagare.anonym:
            raise ValidationError(_("En anonym deltagare har inga personuppgifter."))
        services.deltagare_uppdatera(
            actor=self.request.user,
            deltagare=self.inskrivning.deltagare,
            person=form.person(),
            request=self.request,
        )
