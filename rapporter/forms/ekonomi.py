"""The economy form of an insats for a year: kronor fields by cost type and month."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from rapporter.models import Ekonomi, Kostnadstyp
from rapporter.selectors.ekonomi import manadsnamn

MAX_BELOPP = 999_999_999_999  # twelve digits, as the models store


class KronorField(forms.IntegerField):
    """Whole kronor. Accepts what people type: "12 500", "12500 kr", "12 500,00"."""

    default_error_messages = {
        "invalid": _("Ange ett belopp i hela kronor, t.ex. 12 500."),
        "min_value": _("Beloppet kan inte vara negativt."),
        "max_value": _("Beloppet är för stort."),
    }

    def __init__(self, *, label, min_value=0, **kwargs):
        super().__init__(
            label=label,
            required=False,
            min_value=min_value,
            max_value=MAX_BELOPP,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "text-end"}),
            **kwargs,
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        text = re.sub(r"[\s\u00a0\u202f]", "", str(value))
        text = re.sub(r"(?i)kr$", "", text).replace("\u2212", "-")  # a typographic minus
        # "12 500,00" is whole kronor; "1.000" is ambiguous (a thousand, or one?): refused.
        text = re.sub(r"[.,]0{1,2}$", "", text)
        if not re.fullmatch(r"-?\d{1,13}", text):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text)


def _kronor(belopp) -> str | None:
    """12 500 as people read it; KronorField takes it back as typed."""
    return None if belopp is None else f"{int(belopp):,}".replace(",", " ")


def _typnamn(typ: str) -> str:
    return str(Kostnadstyp(typ).label).lower()


class EkonomiForm(forms.Form):
    """The year of one insats on one page: granted funds, budget and forecast per
    cost type, and the 12 × 4 grid of monthly costs. Empty means no row."""

    beviljat = KronorField(label=_("Beviljade medel för året (kr)"))
    antal_nadda = forms.IntegerField(
        label=_("Antal personer som nåtts"),
        required=False,
        min_value=0,
        max_value=2_147_483_647,
        help_text=_("Deltagare i utbildningar, nätverk och liknande under året."),
        error_messages={
            "invalid": _("Ange antalet som ett heltal."),
            "min_value": _("Antalet kan inte vara negativt."),
        },
    )
    kommentar = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, data=None, *, insats, ar: int, ekonomi: Ekonomi | None = None):
        super().__init__(data, initial=self._initial(ekonomi))
        self.insats = insats
        self.ar = ar
        if insats.typ != insats.Typ.STRUKTUR:
            del self.fields["antal_nadda"]
        for typ in Kostnadstyp:
            namn = _typnamn(typ)
            self.fields[f"budget_{typ.value}"] = KronorField(
                label=_("Budget, %(typ)s") % {"typ": namn}
            )
            self.fields[f"prognos_{typ.value}"] = KronorField(
                label=_("Prognos, %(typ)s") % {"typ": namn}
            )
        for manad in range(1, 13):
            for typ in Kostnadstyp:
                self.fields[f"kostnad_{manad}_{typ.value}"] = KronorField(
                    label=_("%(typ)s, %(manad)s") % {"typ": typ.label, "manad": manadsnamn(manad)},
                    # A correction (a credit note) may make a month negative.
                    min_value=-MAX_BELOPP,
                    error_messages={"min_value": _("Beloppet är för stort.")},
                )

    @staticmethod
    def _initial(ekonomi):
        if ekonomi is None:
            return {}
        initial = {
            "beviljat": _kronor(ekonomi.beviljat),
            "antal_nadda": ekonomi.antal_nadda,
            "kommentar": ekonomi.kommentar,
        }
        for b in ekonomi.budgetposter.all():
            initial[f"budget_{b.kostnadstyp}"] = _kronor(b.budget)
            initial[f"prognos_{b.kostnadstyp}"] = _kronor(b.prognos)
        for k in ekonomi.kostnader.all():
            initial[f"kostnad_{k.manad}_{k.kostnadstyp}"] = _kronor(k.belopp)
        return initial

    # What the template lays out -----------------------------------------------------------

    def kostnadstyper(self):
        return list(Kostnadstyp)

    def budgetrader(self):
        return [
            (typ.label, self[f"budget_{typ.value}"], self[f"prognos_{typ.value}"])
            for typ in Kostnadstyp
        ]

    def manadsrader(self):
        return [
            (
                manadsnamn(manad).capitalize(),
                [self[f"kostnad_{manad}_{typ.value}"] for typ in Kostnadstyp],
            )
            for manad in range(1, 13)
        ]

    # What the service takes -----------------------------------------------------------------

    def service_data(self) -> dict:
        d = self.cleaned_data
        return {
            "beviljat": d.get("beviljat") or 0,
            "antal_nadda": d.get("antal_nadda"),
            "kommentar": d.get("kommentar", ""),
            "budget": {t: d.get(f"budget_{t}") for t in Kostnadstyp.values},
            "prognos": {t: d.get(f"prognos_{t}") for t in Kostnadstyp.values},
            "kostnader": {
                (m, t): d.get(f"kostnad_{m}_{t}")
                for m in range(1, 13)
                for t in Kostnadstyp.values
                if d.get(f"kostnad_{m}_{t}") is not None
            },
        }
