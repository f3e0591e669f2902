"""The consent: purposes, organisations, how it was given."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt, idag
from deltagare.koder import SamtyckeSatt, Syfte
from samverkan.fields import ScopedModelMultipleChoiceField


class SamtyckeForm(forms.Form):
    syften = forms.MultipleChoiceField(
        label=_("Samtycket gäller"), choices=Syfte.choices, widget=forms.CheckboxSelectMultiple
    )
    organisationer = ScopedModelMultipleChoiceField(
        label=_("Organisationer som får utbyta information"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    givet = datumfalt(_("Givet"), initial=idag)
    giltigt_till = datumfalt(_("Giltigt till"), required=False)
    satt = forms.ChoiceField(
        label=_("Hur samtycket gavs"), choices=SamtyckeSatt.choices, widget=forms.RadioSelect
    )
    vittne = forms.CharField(
        label=_("Vittne (vid muntligt samtycke)"), required=False, max_length=200
    )
    fil = forms.FileField(
        label=_("Undertecknad blankett (PDF, JPEG eller PNG, högst 10 MB)"), required=False
    )

    def __init__(self, *args, organisationer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisationer"].queryset = organisationer
