"""Forms of the board's work. They validate input; the services decide the rules."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from samverkan.models import Insats, Organisation
from styrelse.models import Ansokan, Arende, ForbundEkonomiAr, Narvaro, Sammantrade
from styrelse.models.ansokan import HUVUDMAN_TYPER

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TID = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class AnsokanSkapaForm(forms.Form):
    typ = forms.ChoiceField(label=_("Typ av ansökan"), choices=Ansokan.Typ.choices)
    organisation = forms.ModelChoiceField(
        label=_("Sökande organisation"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args, organisationer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisationer


class PappersansokanForm(forms.Form):
    typ = forms.ChoiceField(label=_("Typ av ansökan"), choices=Ansokan.Typ.choices)
    sokande_namn = forms.CharField(label=_("Sökande organisation"), max_length=200)


class AnsokningsinbjudanForm(forms.Form):
    epost = forms.EmailField(
        label=_("Den sökandes e-postadress"),
        help_text=_("Personen loggar in med en kod som skickas hit och ser bara den här ansökan."),
    )
    sokande_namn = forms.CharField(label=_("Sökande organisation"), max_length=200)
    typ = forms.ChoiceField(label=_("Typ av ansökan"), choices=Ansokan.Typ.choices)


def sektion_form(ansokan: Ansokan, sektion: str, data=None):
    falt = list(Ansokan.SEKTIONER[sektion])
    widgets = {"period_start": DATUM, "period_slut": DATUM}

    class SektionForm(forms.ModelForm):
        class Meta:
            model = Ansokan
            fields = falt

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for namn, widget in widgets.items():
                if namn in self.fields:
                    self.fields[namn].widget = widget
            if "insats" in self.fields:
                self.fields["insats"].queryset = Insats.objects.filter(forbund=ansokan.forbund_id)
            if "huvudman" in self.fields:
                self.fields["huvudman"].queryset = Organisation.objects.filter(
                    forbund=ansokan.forbund_id, typ__in=HUVUDMAN_TYPER, aktiv=True
                )
                self.fields["huvudman"].widget = forms.CheckboxSelectMultiple()
                self.fields["huvudman"].queryset = self.fields["huvudman"].queryset
                self.fields["huvudman"].help_text = _("Minst två av förbundets huvudmän.")

        def _post_clean(self):
            # Validation of the whole model belongs to the service, which checks the
            # section's fields and saves nothing on error.
            pass

    return SektionForm(data, instance=ansokan)


class BudgetradForm(forms.Form):
    ar = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100, required=False)
    personal = forms.IntegerField(label=_("Personal"), min_value=0, required=False)
    lokal = forms.IntegerField(label=_("Lokal"), min_value=0, required=False)
    ovrigt = forms.IntegerField(label=_("Övriga kostnader"), min_value=0, required=False)
    utvardering = forms.IntegerField(label=_("Utvärdering"), min_value=0, required=False)
    intakter = forms.IntegerField(
        label=_("Intäkter utöver förbundets bidrag"), min_value=0, required=False
    )

    def rad(self):
        d = self.cleaned_data
        if not d or d.get("ar") is None:
            return None
        return {
            k: d.get(k) or 0 for k in ("personal", "lokal", "ovrigt", "utvardering", "intakter")
        } | {"ar": d["ar"]}

    def clean(self):
        d = super().clean()
        belopp = any(d.get(k) for k in ("personal", "lokal", "ovrigt", "utvardering", "intakter"))
        if belopp and d.get("ar") is None:
            self.add_error("ar", _("Ange vilket år beloppen gäller."))
        return d


BudgetFormSet = formset_factory(BudgetradForm, extra=0, max_num=10, absolute_max=10)


class BilagaForm(forms.Form):
    fil = forms.FileField(label=_("Bilaga"), help_text=_("PDF, JPEG eller PNG, högst 10 MB."))


class BeredningForm(forms.Form):
    lsg_tillstyrkt = forms.NullBooleanField(
        label=_("Lokala samverkansgruppens ställningstagande"),
        widget=forms.NullBooleanSelect(),
        required=False,
    )
    lsg_datum = forms.DateField(label=_("Datum"), required=False, widget=DATUM)
    beredning = forms.CharField(
        label=_("Kansliets beredning"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class SammantradeForm(forms.ModelForm):
    class Meta:
        model = Sammantrade
        fields = ["datum", "starttid", "sluttid", "plats", "typ"]
        widgets = {"datum": DATUM, "starttid": TID, "sluttid": TID}

    def _post_clean(self):
        pass


class NarvaroForm(forms.ModelForm):
    class Meta:
        model = Narvaro
        fields = list(Narvaro.UPPGIFTER)
        widgets = {"ankom": TID, "lamnade": TID}

    def __init__(self, *args, anvandare, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = anvandare
        self.fields["user"].required = False
        self.fields["user"].help_text = _("Krävs för en justerare, som justerar i tjänsten.")

    def _post_clean(self):
        pass


class ArendeAndraForm(forms.Form):
    """The item's own text; the application it concerns is not changed here."""

    typ = forms.ChoiceField(label=_("Typ av ärende"), choices=Arende.Typ.choices)
    rubrik = forms.CharField(label=_("Rubrik"), max_length=300)
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    forslag = forms.CharField(
        label=_("Förslag till beslut"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    visa_ekonomi = forms.BooleanField(label=_("Förbundets ekonomi som bilaga"), required=False)


class ArendeForm(ArendeAndraForm):
    """A new item: its text, and the application it concerns, if any."""

    ansokan = forms.ModelChoiceField(
        label=_("Ansökan"), queryset=Ansokan.objects.none(), required=False
    )
    field_order = ["typ", "rubrik", "text", "forslag", "ansokan", "visa_ekonomi"]

    def __init__(self, *args, ansokningar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ansokan"].queryset = ansokningar


class BeslutForm(forms.Form):
    utfall = forms.ChoiceField(label=_("Beslut"), choices=Arende.Utfall.choices)
    attsatser = forms.CharField(
        label=_("Att-satser"),
        help_text=_('En att-sats per rad, utan ordet "att".'),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    belopp = forms.CharField(
        label=_("Beviljat belopp per år"),
        required=False,
        help_text=_("Vid beviljande: ett år och belopp per rad, t.ex. 2026: 120000."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    period_start = forms.DateField(label=_("Period från"), required=False, widget=DATUM)
    period_slut = forms.DateField(label=_("Period till"), required=False, widget=DATUM)
    villkor = forms.CharField(
        label=_("Villkor"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_attsatser(self):
        return [
            r.strip().removeprefix("att ").strip()
            for r in self.cleaned_data["attsatser"].splitlines()
            if r.strip()
        ]

    def clean_belopp(self):
        belopp = {}
        for rad in self.cleaned_data["belopp"].splitlines():
            if not rad.strip():
                continue
            ar, _sep, summa = rad.partition(":")
            try:
                belopp[int(ar.strip())] = int(summa.replace(" ", "").replace("\u00a0", "").strip())
            except ValueError:
                raise ValidationError(
                    _("Skriv år och belopp som 2026: 120000, ett år per rad.")
                ) from None
        return belopp


class PubliceraForm(forms.Form):
    anslag_uppsatt = forms.DateField(label=_("Anslaget sätts upp"), required=False, widget=DATUM)
    rattelse = forms.CharField(
        label=_("Rättelse"),
        required=False,
        help_text=_("Bara för en ny version av ett publicerat protokoll."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ForbundEkonomiForm(forms.ModelForm):
    class Meta:
        model = ForbundEkonomiAr
        fields = ["statligt_bidrag", "ovriga_intakter", "administration", "ingaende_eget_kapital"]
