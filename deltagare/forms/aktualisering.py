"""Step 1: the person, registered by name and number, or anonymously."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from deltagare.forms.gemensamt import datumfalt, idag
from deltagare.koder import Kon
from deltagare.personnummer import PersonnummerField, kontrollera_fodelsedatum, parse
from samverkan.fields import ScopedModelChoiceField


def _monsterfalt(label, regex, fel):
    """An optional field that must match `regex`, else `fel`."""
    return forms.RegexField(
        label=label, regex=regex, required=False, error_messages={"invalid": fel}
    )


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
    folkbokforingskommun = _monsterfalt(
        _("Folkbokföringskommun (kommunkod)"), r"^\d{4}$", _("Kommunkoden är fyra siffror.")
    )
    adress = forms.CharField(label=_("Adress"), max_length=200, required=False)
    postnummer = _monsterfalt(_("Postnummer"), r"^\d{3} ?\d{2}$", _("Postnumret är fem siffror."))
    postort = forms.CharField(label=_("Postort"), max_length=100, required=False)
    telefon = _monsterfalt(
        _("Telefon"), r"^[0-9 +()-]{5,30}$", _("Skriv telefonnumret med siffror.")
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
