"""Step 3: the mapping talks, the mapping itself, and its end."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt, idag
from deltagare.koder import KartlaggningOmrade, SamtalForm
from deltagare.models import Kartlaggning
from deltagare.services.kartlaggning import KARTLAGGNING_FIELDS
from samverkan.fields import ScopedModelChoiceField


class SamtalForm(forms.Form):
    datum = datumfalt(_("Datum"), initial=idag)
    personal = ScopedModelChoiceField(label=_("Personal"), queryset=None)
    form = forms.ChoiceField(
        label=_("Form"),
        choices=SamtalForm.choices,
        widget=forms.RadioSelect,
        initial="individuellt",
    )
    omraden = forms.MultipleChoiceField(
        label=_("Områden som togs upp"),
        choices=KartlaggningOmrade.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    anteckning = forms.CharField(
        label=_("Anteckning"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, personal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal"].queryset = personal


class KartlaggningForm(forms.ModelForm):
    class Meta:
        model = Kartlaggning
        fields = list(KARTLAGGNING_FIELDS)
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in KARTLAGGNING_FIELDS
            if f != "halsa_sjalvskattad"
        }


class KartlaggningKlarForm(forms.Form):
    datum = datumfalt(_("Kartläggningen klar"), initial=idag)
    sammanfattning = forms.CharField(
        label=_("Sammanfattning"), widget=forms.Textarea(attrs={"rows": 4})
    )
