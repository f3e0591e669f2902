"""The answer form is built from the version's questions; the office's forms."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from enkater.models import Fraga
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


class LankForm(forms.Form):
    tillfalle = forms.ChoiceField(
        label=_("När"),
        choices=[("avslut", _("Vid avslut")), ("start", _("Vid start"))],
        initial="avslut",
        widget=forms.RadioSelect,
    )


class UtskickForm(forms.Form):
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
