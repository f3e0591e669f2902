"""Step 5: the way out with SUS at exit, and the follow-up a year later."""

from django import forms
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt, idag
from deltagare.forms.sus import SusForm
from deltagare.koder import AnsvarigEfter, VagUt

# The exit's own fields, first on the form and what the service's `avslut` gets.
AVSLUT_FALT = (
    "datum",
    "vag_ut",
    "ansvarig_efter",
    "dokumenterat_nasta_steg",
    "avslutsmote",
    "sammanfattning",
    "rekommendationer",
)
# The SUS variables an exit of an enrolled case must give (unless a felregistrering).
KRAVDA_SUS = ("utbildning", "forsorjning", "tid_offentlig_forsorjning", "sysselsattning")


class AvslutForm(SusForm):
    datum = datumfalt(_("Avslutsdatum"), initial=idag)
    vag_ut = forms.ChoiceField(label=_("Väg ut"), choices=VagUt.choices)
    ansvarig_efter = forms.ChoiceField(
        label=_("Myndighet med huvudansvar efteråt"), choices=AnsvarigEfter.choices
    )
    dokumenterat_nasta_steg = forms.BooleanField(
        label=_("Nästa steg är dokumenterat"), required=False
    )
    avslutsmote = datumfalt(_("Avslutande möte"), required=False)
    sammanfattning = forms.CharField(
        label=_("Överlämningssammanfattning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    rekommendationer = forms.CharField(
        label=_("Rekommendationer till remittenten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = AVSLUT_FALT

    def __init__(self, *args, kraver_sus=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.kraver_sus = kraver_sus
        for name in KRAVDA_SUS:
            self.fields[name].required = False
            if not kraver_sus:
                del self.fields[name]
        if not kraver_sus:
            for name in list(self.fields):
                if name.startswith("aktuell_") or name == "sysselsattning_procent":
                    del self.fields[name]

    def clean(self):
        data = super().clean()
        if self.kraver_sus and data.get("vag_ut") != VagUt.FELREGISTRERING:
            for name in KRAVDA_SUS:
                if not data.get(name):
                    self.add_error(name, _("Fyll i SUS-uppgiften vid avslut."))
        return data

    def avslut(self):
        return {k: self.cleaned_data.get(k) for k in AVSLUT_FALT}


class UppfoljningForm(forms.Form):
    genomford = datumfalt(_("Genomförd"), initial=idag)
    utfall = forms.ChoiceField(
        label=_("Utfall"), choices=[c for c in VagUt.choices if c[0] != "felregistrering"]
    )
    anteckning = forms.CharField(
        label=_("Anteckning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
