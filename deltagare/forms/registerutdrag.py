"""The office's lookup of a person who asks what is held about them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.personnummer import PersonnummerField
from samverkan.fields import ScopedModelChoiceField


class RegisterutdragForm(forms.Form):
    """The office looks a person up by number; the number travels by POST only."""

    forbund = ScopedModelChoiceField(label=_("Förbund"), queryset=None, empty_label=None)
    personnummer = PersonnummerField(
        label=_("Personnummer eller samordningsnummer"),
        help_text=_("ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN. Visas aldrig i en adress eller logg."),
    )

    def __init__(self, *args, forbund_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forbund"].queryset = forbund_qs
        alla = list(forbund_qs[:2])
        self.enda_forbund = alla[0] if len(alla) == 1 else None
        if self.enda_forbund is not None:
            del self.fields["forbund"]  # nothing to choose

    def clean(self):
        cleaned = super().clean()
        if self.enda_forbund is not None:
            cleaned["forbund"] = self.enda_forbund
        return cleaned
