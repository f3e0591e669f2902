"""Step 3: the mapping talks, the mapping, and its end."""

from django.utils.translation import gettext_lazy

from deltagare import services
from deltagare.forms.kartlaggning import KartlaggningForm, KartlaggningKlarForm, SamtalForm
from deltagare.models import Kartlaggning
from deltagare.views.gemensamt import StegFormView


class SamtalView(StegFormView):
    form_class = SamtalForm
    rubrik = gettext_lazy("Registrera kartläggningssamtal")
    lyckat = gettext_lazy("Samtalet är registrerat.")
    tjanst = staticmethod(services.samtal_registrera)

    def get_form_kwargs(self):
        return {"personal": self.personal()}

    def get_initial(self):
        return {"personal": self.request.user.pk}


class KartlaggningView(StegFormView):
    form_class = KartlaggningForm
    rubrik = gettext_lazy("Kartläggning")
    intro = gettext_lazy("Fyll i område för område under samtalen. Spara så ofta du vill.")
    lyckat = gettext_lazy("Kartläggningen är sparad.")
    tjanst = staticmethod(services.kartlaggning_spara)

    def get_form_kwargs(self):
        return {"instance": Kartlaggning.objects.filter(inskrivning=self.inskrivning).first()}

    def argument(self, form):
        return {"data": form.cleaned_data}


class KartlaggningKlarView(StegFormView):
    form_class = KartlaggningKlarForm
    rubrik = gettext_lazy("Kartläggningen är klar")
    lyckat = gettext_lazy("Kartläggningen är markerad som klar.")
    tjanst = staticmethod(services.kartlaggning_klar)
