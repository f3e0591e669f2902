"""The SUS variables, asked at inskrivning and again at avslut."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.koder import Forsorjning, Sysselsattning, TidOffentligForsorjning, Utbildning
from deltagare.services.sus import SUS_FIELDS


class SusForm(forms.Form):
    """The SUS variables; the same at start, exit and follow-up."""

    utbildning = forms.ChoiceField(
        label=_("Högsta avslutade utbildning"), choices=Utbildning.choices
    )
    forsorjning = forms.MultipleChoiceField(
        label=_("Försörjning (flera kan gälla)"),
        choices=Forsorjning.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    tid_offentlig_forsorjning = forms.ChoiceField(
        label=_("Tid med offentlig försörjning"), choices=TidOffentligForsorjning.choices
    )
    sysselsattning = forms.ChoiceField(label=_("Sysselsättning"), choices=Sysselsattning.choices)
    sysselsattning_procent = forms.IntegerField(
        label=_("Omfattning av arbete eller studier (procent av heltid)"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("100 % motsvarar 40 timmar i veckan."),
    )
    aktuell_af = forms.BooleanField(label=_("Aktuell hos Arbetsförmedlingen"), required=False)
    aktuell_fk = forms.BooleanField(label=_("Aktuell hos Försäkringskassan"), required=False)
    aktuell_socialtjanst = forms.BooleanField(label=_("Aktuell hos socialtjänsten"), required=False)
    aktuell_halso_sjukvard = forms.BooleanField(
        label=_("Aktuell hos hälso- och sjukvården (inkl. psykiatri)"), required=False
    )

    def sus(self):
        return {f: self.cleaned_data.get(f) for f in SUS_FIELDS}
