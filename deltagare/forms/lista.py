"""The search of the participant list."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SokForm(forms.Form):
    q = forms.CharField(label=_("Sök på namn eller personnummer"), max_length=100)
