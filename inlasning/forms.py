from django import forms
from django.utils.translation import gettext_lazy as _


class UppladdningForm(forms.Form):
    fil = forms.FileField(
        label=_("Ifylld mall (xlsx)"),
        help_text=_("Högst 10 MB. Filen provkörs först; ingenting sparas förrän du läser in."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
