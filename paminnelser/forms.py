from django import forms

from paminnelser.models import Paminnelseinstallning


class InstallningForm(forms.ModelForm):
    class Meta:
        model = Paminnelseinstallning
        fields = ["frekvens", "veckodag"]
        widgets = {"frekvens": forms.RadioSelect}
