"""Step 4: activities, group events with attendance, and the contact log."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import DateInput, datumfalt, idag
from deltagare.koder import AktivitetTyp, KontaktTyp
from deltagare.models import Aktivitet
from deltagare.services.aktiviteter import AKTIVITET_FIELDS


class AktivitetForm(forms.ModelForm):
    class Meta:
        model = Aktivitet
        fields = list(AKTIVITET_FIELDS)
        widgets = {
            "startdatum": DateInput(),
            "slutdatum": DateInput(),
            "anteckning": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("typ") == AktivitetTyp.STUDIER and not data.get("stodperiod_manader"):
            self.add_error(
                "stodperiod_manader", _("Studier med stöd har en stödperiod på 1–3 månader.")
            )
        return data


class KontaktForm(forms.Form):
    datum = datumfalt(_("Datum"), initial=idag)
    typ = forms.ChoiceField(label=_("Kontakt"), choices=KontaktTyp.choices)
    anteckning = forms.CharField(label=_("Anteckning"), widget=forms.Textarea(attrs={"rows": 3}))
    till_remittent = forms.BooleanField(
        label=_("Riktad till remittenten"),
        required=False,
        help_text=_("Remittenten ser anteckningen om samtycket omfattar dennes organisation."),
    )


class GruppaktivitetForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    datum = datumfalt(_("Datum"), initial=idag)
    ledare = forms.CharField(label=_("Ledare eller föreläsare"), max_length=200, required=False)

    def __init__(self, *args, inskrivningar, **kwargs):
        super().__init__(*args, **kwargs)
        self.inskrivningar = list(inskrivningar)
        for i in self.inskrivningar:
            self.fields[f"narvaro_{i.pk}"] = forms.BooleanField(
                label=str(i.deltagare), required=False
            )

    def narvaro(self):
        return {i.pk: bool(self.cleaned_data.get(f"narvaro_{i.pk}")) for i in self.inskrivningar}
