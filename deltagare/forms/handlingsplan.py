"""The plan: its goal and its steps, saved as a new version each time."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt
from deltagare.koder import PlanStegStatus


class HandlingsplanForm(forms.Form):
    mal = forms.CharField(
        label=_("Mål med deltagarens egna ord"), widget=forms.Textarea(attrs={"rows": 4})
    )
    revidering_senast = datumfalt(_("Revideras senast"), required=False)
    kommentar = forms.CharField(
        label=_("Vad ändrades (för versionshistoriken)"), required=False, max_length=300
    )
    bas_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PlanStegForm(forms.Form):
    beskrivning = forms.CharField(label=_("Steg"), max_length=300)
    ansvarig = forms.CharField(label=_("Ansvarig"), max_length=150)
    datum = datumfalt(_("Klart senast"), required=False)
    # An initial value makes an untouched extra row count as unchanged (and be skipped).
    status = forms.ChoiceField(
        label=_("Status"), choices=PlanStegStatus.choices, initial=PlanStegStatus.PLANERAT
    )


PlanStegFormSet = forms.formset_factory(
    PlanStegForm, extra=2, can_delete=True, max_num=30, validate_max=True
)
