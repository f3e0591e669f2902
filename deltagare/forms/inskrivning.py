"""Step 2: skriv in; and what is done to the case as a whole (extension, legal hold)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt, idag
from deltagare.forms.sus import SusForm
from samverkan.fields import ScopedModelChoiceField


class SkrivInForm(SusForm):
    datum = datumfalt(_("Inskrivningsdatum"), initial=idag)
    kontaktperson = ScopedModelChoiceField(label=_("Kontaktperson"), queryset=None)
    kontaktperson2 = ScopedModelChoiceField(label=_("Andra kontaktperson"), queryset=None)
    undantag_skal = forms.CharField(
        label=_("Skäl för undantag från insatsens regler"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Behövs bara om personen faller utanför insatsens ålder eller krav."),
    )

    field_order = ["datum", "kontaktperson", "kontaktperson2"]

    def __init__(self, *args, personal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kontaktperson"].queryset = personal
        self.fields["kontaktperson2"].queryset = personal


class ForlangForm(forms.Form):
    beslut = datumfalt(_("Styrgruppens beslut"), initial=idag)
    referens = forms.CharField(label=_("Beslutsreferens"), max_length=100)
    manader = forms.IntegerField(label=_("Förlängning (månader)"), min_value=1, max_value=36)


class GallringsstoppForm(forms.Form):
    stopp = forms.BooleanField(label=_("Uppgifterna får inte gallras"), required=False)
    skal = forms.CharField(
        label=_("Skäl"),
        max_length=300,
        required=False,
        help_text=_("Till exempel en pågående tvist eller en begäran från en myndighet."),
    )
