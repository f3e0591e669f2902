"""The answer form is built from the version's questions; the office's forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from enkater.models import VALTYPER, Enkat, Fraga
from enkater.services.enkat import FragaInnehall
from samverkan.fields import ScopedModelChoiceField
from samverkan.forms import add_errors
from samverkan.models import Insats

FRITEXT_MAX = 2000


class SvarForm(forms.Form):
    """One field per question, in the participant's language (`txt` from
    selectors.texter). Nothing is required unless the question says so."""

    def __init__(self, *args, fragor, txt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fragor = fragor
        for f in fragor:
            etikett = txt.get(("fraga", f.pk, None), "")
            namn = f"f{f.ordning}"
            if f.typ == Fraga.Typ.SKALA:
                lag, hog = txt.get(("lag", f.pk, None), ""), txt.get(("hog", f.pk, None), "")
                val = [
                    (
                        str(s),
                        f"{s} – {lag}"
                        if s == 1 and lag
                        else f"{s} – {hog}"
                        if s == f.skalsteg and hog
                        else str(s),
                    )
                    for s in range(1, f.skalsteg + 1)
                ]
                falt = forms.TypedChoiceField(choices=val, coerce=int, widget=forms.RadioSelect)
            elif f.typ == Fraga.Typ.ENVAL:
                val = [
                    (str(a.pk), txt.get(("alternativ", None, a.pk), "")) for a in f.alternativ.all()
                ]
                falt = forms.TypedChoiceField(choices=val, coerce=int, widget=forms.RadioSelect)
            elif f.typ == Fraga.Typ.FLERVAL:
                val = [
                    (str(a.pk), txt.get(("alternativ", None, a.pk), "")) for a in f.alternativ.all()
                ]
                falt = forms.TypedMultipleChoiceField(
                    choices=val, coerce=int, widget=forms.CheckboxSelectMultiple
                )
            else:
                falt = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}), max_length=FRITEXT_MAX, strip=True
                )
            falt.required = f.obligatorisk
            falt.label = etikett
            falt.fraga = f
            self.fields[namn] = falt

    def rader(self) -> list[dict]:
        """Answer rows for services.svara()."""
        ut = []
        alternativ = {a.pk: a for f in self.fragor for a in f.alternativ.all()}
        for f in self.fragor:
            varde = self.cleaned_data.get(f"f{f.ordning}")
            if varde in (None, "", []):
                continue
            if f.typ == Fraga.Typ.SKALA:
                ut.append({"fraga": f, "varde": varde})
            elif f.typ == Fraga.Typ.ENVAL:
                ut.append({"fraga": f, "alternativ": alternativ[varde]})
            elif f.typ == Fraga.Typ.FLERVAL:
                ut += [{"fraga": f, "alternativ": alternativ[v]} for v in varde]
            else:
                ut.append({"fraga": f, "text": varde})
        return ut


class EnkatvalForm(forms.Form):
    """The questionnaire to hand out, among `enkater` (selectors.att_lamna_ut),
    the default preselected; none chosen is the default too."""

    enkat = ScopedModelChoiceField(
        label=_("Enkät"),
        queryset=Enkat.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, enkater, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enkat"].queryset = enkater
        self.fields["enkat"].initial = enkater.exclude(standard="").first()


class LankForm(EnkatvalForm):
    field_order = ["tillfalle", "enkat"]

    tillfalle = forms.ChoiceField(
        label=_("När"),
        choices=[("avslut", _("Vid avslut")), ("start", _("Vid start"))],
        initial="avslut",
        widget=forms.RadioSelect,
    )


class UtskickForm(EnkatvalForm):
    field_order = ["insats", "enkat", "personal", "adresser"]

    insats = forms.ModelChoiceField(label=_("Insats"), queryset=Insats.objects.none())
    personal = forms.BooleanField(
        label=_("Skicka till insatsens personal"), required=False, initial=True
    )
    adresser = forms.CharField(
        label=_("Kontaktpersoner hos parterna"),
        help_text=_("En e-postadress per rad. Adresserna sparas inte."),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )

    def __init__(self, *args, insatser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = insatser

    def clean_adresser(self):
        adresser = [a.strip() for a in self.cleaned_data["adresser"].splitlines() if a.strip()]
        fel = []
        for a in adresser:
            try:
                validate_email(a)
            except forms.ValidationError:
                fel.append(a)
        if fel:
            raise forms.ValidationError(
                _("Ogiltiga e-postadresser: %(a)s") % {"a": ", ".join(fel[:5])}
            )
        return adresser


class ResultatForm(forms.Form):
    ar = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    kvartal = forms.TypedChoiceField(
        label=_("Kvartal"),
        choices=[("", _("Hela året")), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")],
        coerce=int,
        required=False,
        empty_value=None,
    )
    insats = forms.ModelChoiceField(
        label=_("Insats"),
        queryset=Insats.objects.none(),
        required=False,
        empty_label=_("Alla insatser"),
    )

    def __init__(self, *args, insatser, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = insatser


class EnkatForm(forms.Form):
    namn = forms.CharField(label=_("Namn"), max_length=200)
    typ = forms.ChoiceField(label=_("Typ"), choices=Enkat.Typ.choices, widget=forms.RadioSelect)


# The languages the office writes texts in: Swedish is required, the others
# fall back to it on the answer page.
TEXTSPRAK = [("sv", _("svenska")), ("lattlast", _("lättläst svenska")), ("en", _("engelska"))]


def _rader(text: str) -> list[str]:
    return [r.strip() for r in (text or "").splitlines() if r.strip()]


class SprakForm(forms.Form):
    """A form with a text field per language for each kind of text (`text_sv`,
    `text_en` …), named and read back the same way everywhere."""

    def sprakfalt(self, *falt, svenska_kravs=False, rader=0, hjalp=("", ""), **kwargs):
        """For each language, a field per (name, label with %(sprak)s) in `falt`;
        `hjalp` is the help text under the Swedish field and under the others."""
        for kod, sprak in TEXTSPRAK:
            for namn, etikett in falt:
                self.fields[f"{namn}_{kod}"] = forms.CharField(
                    label=etikett % {"sprak": sprak},
                    required=svenska_kravs and kod == "sv",
                    widget=forms.Textarea(attrs={"rows": rader}) if rader else None,
                    help_text=hjalp[0] if kod == "sv" else hjalp[1],
                    **kwargs,
                )

    def per_sprak(self, namn: str) -> dict[str, str]:
        """{language: text} of one kind of text, empty ones left out."""
        d = self.cleaned_data
        return {kod: d[f"{namn}_{kod}"].strip() for kod, _s in TEXTSPRAK if d.get(f"{namn}_{kod}")}


class FragaForm(SprakForm):
    """A question with its texts in each language. The options are one per
    line, in the same order in every language."""

    typ = forms.ChoiceField(
        label=_("Frågetyp"), choices=Fraga.Typ.choices, widget=forms.RadioSelect
    )
    skalsteg = forms.IntegerField(
        label=_("Antal skalsteg"),
        min_value=2,
        max_value=11,
        required=False,
        help_text=_("Endast för påstående på en skala: 2–11 steg."),
    )
    dimension = forms.CharField(
        label=_("Dimension"),
        max_length=60,
        required=False,
        help_text=_("Indikatorn som frågan mäter, för att gruppera resultaten. Frivillig."),
    )
    obligatorisk = forms.BooleanField(label=_("Obligatorisk att svara på"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sprakfalt(
            ("text", _("Frågetext (%(sprak)s)")), svenska_kravs=True, rader=2, max_length=1000
        )
        self.sprakfalt(
            ("lag", _("Skalans lägsta steg (%(sprak)s)")),
            ("hog", _("Skalans högsta steg (%(sprak)s)")),
            max_length=200,
        )
        self.sprakfalt(
            ("alternativ", _("Svarsalternativ (%(sprak)s)")),
            rader=4,
            hjalp=(
                _("Endast för ett eller flera svarsalternativ: ett alternativ per rad."),
                _("Ett per rad i samma ordning som på svenska, eller tomt."),
            ),
        )

    def clean(self):
        data = super().clean()
        typ = data.get("typ")
        if typ == Fraga.Typ.SKALA:
            if not data.get("skalsteg"):
                self.add_error("skalsteg", _("Ange antal skalsteg (2–11)."))
            for falt in ("lag_sv", "hog_sv"):
                if not data.get(falt):
                    self.add_error(falt, _("Ange en svensk text för skalans ände."))
        if typ in VALTYPER:
            antal = len(_rader(data.get("alternativ_sv")))
            if antal < 2:
                self.add_error("alternativ_sv", _("Ange minst två svarsalternativ, ett per rad."))
            for kod, _namn in TEXTSPRAK[1:]:
                n = len(_rader(data.get(f"alternativ_{kod}")))
                if n and n != antal:
                    self.add_error(
                        f"alternativ_{kod}",
                        _("Ange lika många alternativ som på svenska (%(n)s), eller inga.")
                        % {"n": antal},
                    )
        return data

    def innehall(self) -> FragaInnehall:
        """What services.enkat.fraga_lagg_till() and fraga_andra() write."""
        d = self.cleaned_data
        typ = d["typ"]
        alternativ = None
        if typ in VALTYPER:
            rader = {kod: _rader(d.get(f"alternativ_{kod}")) for kod, _s in TEXTSPRAK}
            alternativ = [
                {kod: r[i] for kod, r in rader.items() if r} for i in range(len(rader["sv"]))
            ]
        skala = typ == Fraga.Typ.SKALA
        return FragaInnehall(
            typ=typ,
            texter=self.per_sprak("text"),
            skalsteg=d.get("skalsteg") if skala else None,
            lag=self.per_sprak("lag") if skala else None,
            hog=self.per_sprak("hog") if skala else None,
            alternativ=alternativ,
            dimension=d.get("dimension", ""),
            obligatorisk=d.get("obligatorisk", False),
        )

    @staticmethod
    def initial_for(fraga, texter) -> dict:
        """The form's initial values from a question and its Text rows."""
        initial = {
            "typ": fraga.typ,
            "skalsteg": fraga.skalsteg,
            "dimension": fraga.dimension,
            "obligatorisk": fraga.obligatorisk,
        }
        alternativ = {
            a.pk: i for i, a in enumerate(sorted(fraga.alternativ.all(), key=lambda a: a.ordning))
        }
        val: dict[str, list[str]] = {}
        for t in texter:
            if t.alternativ_id in alternativ:
                rader = val.setdefault(t.sprak, [""] * len(alternativ))
                rader[alternativ[t.alternativ_id]] = t.text
            elif t.fraga_id == fraga.pk:
                namn = "text" if t.falt == "fraga" else t.falt
                initial[f"{namn}_{t.sprak}"] = t.text
        for kod, rader in val.items():
            initial[f"alternativ_{kod}"] = "\n".join(rader)
        return initial


def spara(form, anrop):
    """The service's result when the form is valid and the service takes it; else
    None, with the errors beside their fields."""
    if not form.is_valid():
        return None
    try:
        return anrop()
    except ValidationError as e:
        add_errors(form, e)
        return None


class VersionTexterForm(SprakForm):
    """The heading and introduction of a version in each language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sprakfalt(("rubrik", _("Rubrik (%(sprak)s)")), svenska_kravs=True, max_length=200)
        self.sprakfalt(
            ("inledning", _("Inledning (%(sprak)s)")),
            rader=3,
            max_length=2000,
            hjalp=(_("Visas under rubriken, före frågorna. Frivillig."), ""),
        )

    @staticmethod
    def initial_for(texter) -> dict:
        """The form's initial values from the version's heading and introduction rows."""
        return {f"{t.falt}_{t.sprak}": t.text for t in texter}
