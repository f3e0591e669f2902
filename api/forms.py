from django import forms
from django.utils.translation import gettext_lazy as _

from api.models import Scope


class ApiKlientForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    namn = forms.CharField(label=_("Systemets namn"), max_length=100)
    scopes = forms.MultipleChoiceField(
        label=_("Behörigheter"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple
    )
    giltig_till = forms.DateField(
        label=_("Giltig till"),
        help_text=_("Högst ett år. Skapa en ny klient innan den gamla går ut."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, organisationer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisationer

    def clean_giltig_till(self):
        import datetime

        from django.utils import timezone

        value = self.cleaned_data["giltig_till"]
        idag = timezone.localdate()
        if value <= idag:
            raise forms.ValidationError(_("Datumet måste ligga efter i dag."))
        if value > idag + datetime.timedelta(days=366):
            raise forms.ValidationError(_("En nyckel får gälla högst ett år."))
        return value
