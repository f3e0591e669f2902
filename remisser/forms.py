from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import DateInput
from deltagare.personnummer import PersonnummerField, kontrollera_fodelsedatum
from remisser.models import AvbojdOrsak, Remiss
from remisser.services import REFERRER_FIELDS
from samverkan.fields import ScopedModelChoiceField


class NyRemissForm(forms.Form):
    insats = ScopedModelChoiceField(label=_("Insats"), queryset=None, empty_label=None)

    def __init__(self, *args, insatser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = insatser


class RemissForm(forms.ModelForm):
    personnummer = PersonnummerField(
        label=_("Personnummer eller samordningsnummer"),
        required=False,
        help_text=_(
            "ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN. Saknas det: lämna tomt och ange födelsedatum."
        ),
    )
    samtycke_fil = forms.FileField(
        label=_("Undertecknat samtycke (PDF, JPEG eller PNG, högst 10 MB)"), required=False
    )
    skicka_anda = forms.BooleanField(
        label=_("Skicka remissen trots att personen redan finns i insatsen"), required=False
    )

    class Meta:
        model = Remiss
        fields = list(REFERRER_FIELDS)
        widgets = {
            "fodelsedatum": DateInput(),
            "tolk_tillganglighet": forms.Textarea(attrs={"rows": 2}),
            "anledning": forms.Textarea(attrs={"rows": 4}),
            "tidigare_insatser": forms.Textarea(attrs={"rows": 3}),
            "andra_kontakter": forms.Textarea(attrs={"rows": 2}),
            "egna_mal": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_fodelsedatum(self):
        fodelsedatum = self.cleaned_data.get("fodelsedatum")
        if fodelsedatum:
            kontrollera_fodelsedatum(fodelsedatum)
        return fodelsedatum


class BedomForm(forms.Form):
    teammote = forms.DateField(label=_("Teammöte"), required=False, widget=DateInput())
    tilldelad = ScopedModelChoiceField(label=_("Handläggs av"), queryset=None, required=False)

    def __init__(self, *args, personal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tilldelad"].queryset = personal


class AvbojForm(forms.Form):
    orsak = forms.ChoiceField(label=_("Skäl"), choices=AvbojdOrsak.choices)
    text = forms.CharField(
        label=_("Motivering"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class KompletteringForm(forms.Form):
    text = forms.CharField(
        label=_("Vad behöver kompletteras?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class OverlamnaForm(forms.Form):
    till = ScopedModelChoiceField(label=_("Kollega"), queryset=None)

    def __init__(self, *args, kollegor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["till"].queryset = kollegor
