"""Forms of the statistics page, the board reports and Uppföljning Finsam."""

from __future__ import annotations

import datetime

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt
from rapporter.models import Rapport
from rapporter.period import Period
from samverkan.fields import ScopedModelChoiceField

EGEN = "egen"


def periodval(idag: datetime.date, *, med_egen: bool = True, bara_avslutade: bool = False):
    """Recent quarters, half-years and years, newest first."""
    val = []
    kvartal = Period.senaste_hela_kvartal(idag)
    if not bara_avslutade:
        pagaende = Period.kvartal(idag.year, (idag.month - 1) // 3 + 1)
        val.append((pagaende.kod, _("%(namn)s (pågår)") % {"namn": pagaende.namn}))
    ar, nr = kvartal.start.year, (kvartal.start.month + 2) // 3
    for _i in range(8):
        p = Period.kvartal(ar, nr)
        val.append((p.kod, p.namn.capitalize()))
        ar, nr = (ar - 1, 4) if nr == 1 else (ar, nr - 1)
    for ar in (idag.year, idag.year - 1, idag.year - 2):
        for nr in (2, 1):
            p = Period.halvar(ar, nr)
            if p.start <= idag and (p.slut < idag or not bara_avslutade):
                val.append((p.kod, p.namn.capitalize()))
    for ar in (idag.year, idag.year - 1, idag.year - 2):
        p = Period.helar(ar)
        if p.slut < idag or not bara_avslutade:
            val.append((p.kod, p.namn.capitalize()))
    if med_egen:
        val.append((EGEN, _("Egna datum")))
    return val


class StatistikForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    fran = datumfalt(_("Från och med (egna datum)"), required=False)
    till = datumfalt(_("Till och med (egna datum)"), required=False)
    insats = ScopedModelChoiceField(
        label=_("Insats"),
        queryset=None,
        required=False,
        empty_label=_("Alla individinriktade insatser"),
        to_field_name="uuid",
    )
    exakt = forms.BooleanField(
        label=_("Visa exakta tal (utan skydd för små antal)"),
        required=False,
        help_text=_("Bara för arbetet i förbundet. Styrelsematerial visar alltid skyddade tal."),
    )

    def __init__(self, *args, insatser, visa_exakt: bool, hela_forbundet: bool, **kwargs):
        super().__init__(*args, **kwargs)
        idag = timezone.localdate()
        self.fields["period"].choices = periodval(idag)
        self.fields["period"].initial = Period.senaste_hela_kvartal(idag).kod
        self.fields["insats"].queryset = insatser
        if not hela_forbundet:
            self.fields["insats"].required = True
            self.fields["insats"].empty_label = None
        if not visa_exakt:
            del self.fields["exakt"]

    def clean(self):
        data = super().clean()
        kod = data.get("period")
        if kod == EGEN:
            fran, till = data.get("fran"), data.get("till")
            if not fran:
                self.add_error("fran", _("Ange första dagen i perioden."))
            if not till:
                self.add_error("till", _("Ange sista dagen i perioden."))
            if fran and till:
                if till < fran:
                    self.add_error("till", _("Slutdatum kan inte vara före startdatum."))
                elif (till - fran).days > 366 * 10:
                    self.add_error("till", _("Välj en period på högst tio år."))
                elif fran.year < 2000 or till.year > 2100:
                    self.add_error("fran", _("Välj datum mellan år 2000 och 2100."))
                else:
                    data["_period"] = Period(fran, till)
        elif kod:
            data["_period"] = Period.fran_kod(kod)
        return data

    @property
    def vald_period(self) -> Period:
        return self.cleaned_data["_period"]


class RapportSkapaForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    insats = ScopedModelChoiceField(
        label=_("Insats"),
        queryset=None,
        required=False,
        empty_label=_("Hela förbundet"),
        to_field_name="uuid",
    )

    def __init__(self, *args, insatser, hela_forbundet: bool, **kwargs):
        super().__init__(*args, **kwargs)
        idag = timezone.localdate()
        self.fields["period"].choices = periodval(idag, med_egen=False, bara_avslutade=True)
        self.fields["period"].initial = Period.senaste_hela_kvartal(idag).kod
        self.fields["insats"].queryset = insatser
        if not hela_forbundet:
            self.fields["insats"].required = True
            self.fields["insats"].empty_label = None

    def clean_period(self):
        try:
            return Period.fran_kod(self.cleaned_data["period"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


class RapportTextForm(forms.ModelForm):
    class Meta:
        model = Rapport
        fields = list(Rapport.TEXTFALT)
        widgets = {f: forms.Textarea(attrs={"rows": 6}) for f in Rapport.TEXTFALT}
        help_texts = {
            "sammanfattning": _("Visas under nyckeltalen på rapportens första sida."),
            "samverkan": _("Hur parterna har samverkat och planerat under perioden."),
            "resultat": _("Kommentar till siffrorna om avslut och resultat."),
            "framat": _("Planer och förändringar för nästa period."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Rapport.TEXTFALT:
            self.fields[name].validators.append(MaxLengthValidator(10000))
            self.fields[name].widget.attrs["maxlength"] = 10000


class FinsamForm(forms.Form):
    ar = forms.TypedChoiceField(label=_("År"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        idag = timezone.localdate()
        self.fields["ar"].choices = [(a, str(a)) for a in range(idag.year, idag.year - 6, -1)]
        self.fields["ar"].initial = idag.year - 1
