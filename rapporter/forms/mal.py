"""The goal form; the rules it shows beside the fields are the service's."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rapporter.models import Mal, MalTyp
from rapporter.services import mal


class MalForm(forms.ModelForm):
    class Meta:
        model = Mal
        fields = ["typ", "malvarde", "dagar", "aktivitetstyp", "beskrivning"]
        help_texts = {
            "beskrivning": _("Visas i rapporterna i stället för målets typ, om ifylld."),
        }

    def __init__(self, *args, insats, **kwargs):
        super().__init__(*args, **kwargs)
        self.insats = insats
        self.fields["malvarde"].localize = True
        self.fields["malvarde"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        self.fields["malvarde"].error_messages["invalid"] = _(
            "Ange målvärdet som ett tal, t.ex. 80 eller 2,5."
        )
        val = list(self.fields["aktivitetstyp"].choices)[1:]  # drop Django's "---------"
        self.fields["aktivitetstyp"].choices = [("", _("– ingen –")), *val]

    def clean(self):
        data = super().clean()
        typ = data.get("typ")
        if typ is None:
            return data
        for falt, fel in mal.mal_fel(
            typ=typ,
            malvarde=data.get("malvarde"),
            dagar=data.get("dagar"),
            aktivitetstyp=data.get("aktivitetstyp"),
        ).items():
            if falt not in self.errors:
                self.add_error(falt, fel)
        aktivitetstyp = data.get("aktivitetstyp") if typ == MalTyp.AKTIVITET_PER_VECKA else ""
        if "typ" not in self.errors and mal.mal_finns_redan(
            insats=self.insats, typ=typ, aktivitetstyp=aktivitetstyp, utom=self.instance
        ):
            self.add_error("typ", mal.mal_dubblett_text())
        return data
