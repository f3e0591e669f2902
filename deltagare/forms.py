"""Forms of the participant's case. They validate input; the services decide the rules."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deltagare.koder import (
    AktivitetTyp,
    AnsvarigEfter,
    Forsorjning,
    KartlaggningOmrade,
    Kon,
    KontaktTyp,
    PlanStegStatus,
    SamtalForm,
    SamtyckeSatt,
    Syfte,
    Sysselsattning,
    TidOffentligForsorjning,
    Utbildning,
    VagUt,
)
from deltagare.models import Aktivitet, Kartlaggning
from deltagare.personnummer import PersonnummerField, kontrollera_fodelsedatum, parse
from deltagare.services.aktiviteter import AKTIVITET_FIELDS
from deltagare.services.kartlaggning import KARTLAGGNING_FIELDS
from deltagare.services.sus import SUS_FIELDS
from samverkan.fields import ScopedModelChoiceField, ScopedModelMultipleChoiceField


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def datumfalt(label, required=True, **kwargs):
    return forms.DateField(label=label, required=required, widget=DateInput(), **kwargs)


def idag():
    return timezone.localdate()


class PersonForm(forms.Form):
    fornamn = forms.CharField(label=_("Förnamn"), max_length=100)
    efternamn = forms.CharField(label=_("Efternamn"), max_length=100)
    personnummer = PersonnummerField(
        label=_("Personnummer eller samordningsnummer"),
        required=False,
        help_text=_("ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN. Visas aldrig i en adress eller logg."),
    )
    saknar_personnummer = forms.BooleanField(
        label=_("Personen saknar personnummer och samordningsnummer"), required=False
    )
    fodelsedatum = datumfalt(_("Födelsedatum (om personnummer saknas)"), required=False)
    reservnummer = forms.CharField(label=_("Reservnummer"), max_length=30, required=False)
    kon = forms.ChoiceField(label=_("Kön"), choices=Kon.choices, widget=forms.RadioSelect)
    folkbokforingskommun = forms.RegexField(
        label=_("Folkbokföringskommun (kommunkod)"),
        regex=r"^\d{4}$",
        required=False,
        error_messages={"invalid": _("Kommunkoden är fyra siffror.")},
    )
    adress = forms.CharField(label=_("Adress"), max_length=200, required=False)
    postnummer = forms.RegexField(
        label=_("Postnummer"),
        regex=r"^\d{3} ?\d{2}$",
        required=False,
        error_messages={"invalid": _("Postnumret är fem siffror.")},
    )
    postort = forms.CharField(label=_("Postort"), max_length=100, required=False)
    telefon = forms.RegexField(
        label=_("Telefon"),
        regex=r"^[0-9 +()-]{5,30}$",
        required=False,
        error_messages={"invalid": _("Skriv telefonnumret med siffror.")},
    )
    epost = forms.EmailField(label=_("E-post"), required=False)
    skyddade_personuppgifter = forms.BooleanField(
        label=_("Skyddade personuppgifter"),
        required=False,
        help_text=_("Adress och kontaktuppgifter visas då bara för kontaktpersonerna."),
    )

    def clean(self):
        data = super().clean()
        if data.get("saknar_personnummer"):
            data["personnummer"] = ""
            if not data.get("fodelsedatum"):
                self.add_error("fodelsedatum", _("Ange födelsedatum när personnummer saknas."))
            else:
                try:
                    kontrollera_fodelsedatum(data["fodelsedatum"], today=idag())
                except ValidationError as error:
                    self.add_error("fodelsedatum", error)
        elif "personnummer" in data:
            if not data.get("personnummer"):
                self.add_error(
                    "personnummer",
                    _("Ange personnummer, eller kryssa i att personen saknar personnummer."),
                )
            else:
                p = parse(data["personnummer"])
                data["fodelsedatum"] = p.fodelsedatum
                data["samordningsnummer"] = p.samordningsnummer
                data["reservnummer"] = ""
        return data

    def person(self):
        fields = [f for f in self.fields if f not in ("saknar_personnummer",)]
        data = {f: self.cleaned_data.get(f) for f in fields if f in self.cleaned_data}
        data["samordningsnummer"] = self.cleaned_data.get("samordningsnummer", False)
        for key in ("personnummer", "folkbokforingskommun", "postnummer", "telefon", "epost"):
            data[key] = data.get(key) or ""
        return data


class AktualiseringForm(PersonForm):
    insats = ScopedModelChoiceField(label=_("Insats"), queryset=None, empty_label=None)
    remittent_organisation = ScopedModelChoiceField(
        label=_("Remitterande organisation"), queryset=None, required=False
    )
    aktualiserad = datumfalt(_("Aktualiserad"), initial=idag)
    informationsmote = datumfalt(_("Informationsmöte"), required=False)
    koppla_till_befintlig = forms.BooleanField(
        label=_("Koppla till den befintliga registreringen"), required=False
    )

    field_order = ["insats", "remittent_organisation", "aktualiserad", "informationsmote"]

    def __init__(self, *args, insatser, organisationer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = insatser
        self.fields["remittent_organisation"].queryset = organisationer

    def clean_aktualiserad(self):
        value = self.cleaned_data["aktualiserad"]
        if value > idag():
            raise ValidationError(_("Datumet kan inte vara i framtiden."))
        return value


class AnonymForm(forms.Form):
    insats = ScopedModelChoiceField(label=_("Insats"), queryset=None, empty_label=None)
    kon = forms.ChoiceField(label=_("Kön"), choices=Kon.choices, widget=forms.RadioSelect)
    startar = forms.IntegerField(label=_("Startår"), min_value=2000, max_value=2100)

    def __init__(self, *args, insatser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = insatser
        self.fields["startar"].initial = idag().year


class SamtyckeForm(forms.Form):
    syften = forms.MultipleChoiceField(
        label=_("Samtycket gäller"), choices=Syfte.choices, widget=forms.CheckboxSelectMultiple
    )
    organisationer = ScopedModelMultipleChoiceField(
        label=_("Organisationer som får utbyta information"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    givet = datumfalt(_("Givet"), initial=idag)
    giltigt_till = datumfalt(_("Giltigt till"), required=False)
    satt = forms.ChoiceField(
        label=_("Hur samtycket gavs"), choices=SamtyckeSatt.choices, widget=forms.RadioSelect
    )
    vittne = forms.CharField(
        label=_("Vittne (vid muntligt samtycke)"), required=False, max_length=200
    )
    fil = forms.FileField(
        label=_("Undertecknad blankett (PDF, JPEG eller PNG, högst 10 MB)"), required=False
    )

    def __init__(self, *args, organisationer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisationer"].queryset = organisationer


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


class SkrivInForm(SusForm):
    datum = datumfalt(_("Inskrivningsdatum"), initial=idag)
    kontaktperson = ScopedModelChoiceField(label=_("Kontaktperson"), queryset=None)
    kontaktperson2 = ScopedModelChoiceField(label=_("Andra kontaktperson"), queryset=None)
    undantag_skal = forms.CharField(
        label=_("Skäl för undantag från insatsens regler"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Behövs bara om personen faller utanför insatsens ålder eller krav."),
    )

    field_order = ["datum", "kontaktperson", "kontaktperson2"]

    def __init__(self, *args, personal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kontaktperson"].queryset = personal
        self.fields["kontaktperson2"].queryset = personal


class SamtalForm(forms.Form):
    datum = datumfalt(_("Datum"), initial=idag)
    personal = ScopedModelChoiceField(label=_("Personal"), queryset=None)
    form = forms.ChoiceField(
        label=_("Form"),
        choices=SamtalForm.choices,
        widget=forms.RadioSelect,
        initial="individuellt",
    )
    omraden = forms.MultipleChoiceField(
        label=_("Områden som togs upp"),
        choices=KartlaggningOmrade.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    anteckning = forms.CharField(
        label=_("Anteckning"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, personal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personal"].queryset = personal


class KartlaggningForm(forms.ModelForm):
    class Meta:
        model = Kartlaggning
        fields = list(KARTLAGGNING_FIELDS)
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in KARTLAGGNING_FIELDS
            if f != "halsa_sjalvskattad"
        }


class KartlaggningKlarForm(forms.Form):
    datum = datumfalt(_("Kartläggningen klar"), initial=idag)
    sammanfattning = forms.CharField(
        label=_("Sammanfattning"), widget=forms.Textarea(attrs={"rows": 4})
    )


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


class AktivitetForm(forms.ModelForm):
    class Meta:
        model = Aktivitet
        fields = list(AKTIVITET_FIELDS)
        widgets = {
            "startdatum": DateInput(),
            "slutdatum": DateInput(),
            "anteckning": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("typ") == AktivitetTyp.STUDIER and not data.get("stodperiod_manader"):
            self.add_error(
                "stodperiod_manader", _("Studier med stöd har en stödperiod på 1–3 månader.")
            )
        return data


class KontaktForm(forms.Form):
    datum = datumfalt(_("Datum"), initial=idag)
    typ = forms.ChoiceField(label=_("Kontakt"), choices=KontaktTyp.choices)
    anteckning = forms.CharField(label=_("Anteckning"), widget=forms.Textarea(attrs={"rows": 3}))
    till_remittent = forms.BooleanField(
        label=_("Riktad till remittenten"),
        required=False,
        help_text=_("Remittenten ser anteckningen om samtycket omfattar dennes organisation."),
    )


class ForlangForm(forms.Form):
    beslut = datumfalt(_("Styrgruppens beslut"), initial=idag)
    referens = forms.CharField(label=_("Beslutsreferens"), max_length=100)
    manader = forms.IntegerField(label=_("Förlängning (månader)"), min_value=1, max_value=36)


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

    field_order = [
        "datum",
        "vag_ut",
        "ansvarig_efter",
        "dokumenterat_nasta_steg",
        "avslutsmote",
        "sammanfattning",
        "rekommendationer",
    ]

    def __init__(self, *args, kraver_sus=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.kraver_sus = kraver_sus
        for name in ("utbildning", "forsorjning", "tid_offentlig_forsorjning", "sysselsattning"):
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
            for name in (
                "utbildning",
                "forsorjning",
                "tid_offentlig_forsorjning",
                "sysselsattning",
            ):
                if not data.get(name):
                    self.add_error(name, _("Fyll i SUS-uppgiften vid avslut."))
        return data

    def avslut(self):
        keys = (
            "datum",
            "vag_ut",
            "ansvarig_efter",
            "dokumenterat_nasta_steg",
            "avslutsmote",
            "sammanfattning",
            "rekommendationer",
        )
        return {k: self.cleaned_data.get(k) for k in keys}


class UppfoljningForm(forms.Form):
    genomford = datumfalt(_("Genomförd"), initial=idag)
    utfall = forms.ChoiceField(
        label=_("Utfall"), choices=[c for c in VagUt.choices if c[0] != "felregistrering"]
    )
    anteckning = forms.CharField(
        label=_("Anteckning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class GruppaktivitetForm(forms.Form):
    titel = forms.CharField(label=_("Titel"), max_length=200)
    datum = datumfalt(_("Datum"), initial=idag)
    ledare = forms.CharField(label=_("Ledare eller föreläsare"), max_length=200, required=False)

    def __init__(self, *args, inskrivningar, **kwargs):
        super().__init__(*args, **kwargs)
        self.inskrivningar = list(inskrivningar)
        for i in self.inskrivningar:
            self.fields[f"narvaro_{i.pk}"] = forms.BooleanField(
                label=str(i.deltagare), required=False
            )

    def narvaro(self):
        return {i.pk: bool(self.cleaned_data.get(f"narvaro_{i.pk}")) for i in self.inskrivningar}


class SokForm(forms.Form):
    q = forms.CharField(label=_("Sök på namn eller personnummer"), max_length=100)


class RegisterutdragForm(forms.Form):
    """The office looks a person up by number; the number travels by POST only."""

    forbund = ScopedModelChoiceField(label=_("Förbund"), queryset=None, empty_label=None)
    personnummer = PersonnummerField(
        label=_("Personnummer eller samordningsnummer"),
        help_text=_("ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN. Visas aldrig i en adress eller logg."),
    )

    def __init__(self, *args, forbund_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forbund"].queryset = forbund_qs
        alla = list(forbund_qs[:2])
        self.enda_forbund = alla[0] if len(alla) == 1 else None
        if self.enda_forbund is not None:
            del self.fields["forbund"]  # nothing to choose

    def clean(self):
        cleaned = super().clean()
        if self.enda_forbund is not None:
            cleaned["forbund"] = self.enda_forbund
        return cleaned


class GallringsstoppForm(forms.Form):
    stopp = forms.BooleanField(label=_("Uppgifterna får inte gallras"), required=False)
    skal = forms.CharField(
        label=_("Skäl"),
        max_length=300,
        required=False,
        help_text=_("Till exempel en pågående tvist eller en begäran från en myndighet."),
    )
