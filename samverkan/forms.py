import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samverkan.fields import ScopedModelChoiceField
from samverkan.models import Insats
from samverkan.validators import validate_aldersband


def add_errors(form, error: ValidationError) -> None:
    """A service's refusal beside the field it names (its Swedish field where the form
    has one per language, `<name>_sv`), or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        name = next((n for n in (field, f"{field}_sv") if n in form.fields), None)
        form.add_error(name, errors)


class AldersbandField(forms.CharField):
    """Age bands written as people write them: "16–19, 20–24, 65–"."""

    default_error_messages = {
        "format": _("Skriv banden som 16–19, 20–24, 65– (kommatecken mellan banden)."),
    }

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(f"{a}–{'' if b is None else b}" for a, b in value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return []
        bands = []
        for part in text.split(","):
            m = re.fullmatch(r"\s*(\d{1,3})\s*[-–]\s*(\d{1,3})?\s*", part)
            if not m:
                raise ValidationError(self.error_messages["format"], code="format")
            bands.append([int(m[1]), int(m[2]) if m[2] else None])
        return bands

    def validate(self, value):
        super().validate(value)
        validate_aldersband(value)


class InsatsForm(forms.ModelForm):
    aldersband = AldersbandField(
        label=_("Åldersband i rapporter"),
        help_text=_("Till exempel 16–19, 20–24, 25–29, 30–39, 40–49, 50–64, 65–"),
    )

    class Meta:
        model = Insats
        fields = list(Insats.EDITABLE_FIELDS)
        widgets = {
            "startdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "slutdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "beskrivning": forms.Textarea(attrs={"rows": 3}),
            "inklusionskriterier": forms.Textarea(attrs={"rows": 3}),
            "exklusionskriterier": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, forbund=None, forbund_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.forbund = forbund or getattr(self.instance, "forbund", None)
        if forbund_choices is not None and forbund_choices.count() > 1:
            # An administrator of several förbund says which one the insats belongs to.
            self.fields["forbund"] = ScopedModelChoiceField(
                queryset=forbund_choices, label=_("Förbund"), empty_label=None
            )
            self.order_fields(["forbund"])
        elif forbund_choices is not None:
            self.forbund = forbund_choices.first()

    def clean_forbund(self):
        self.forbund = self.cleaned_data["forbund"]
        return self.forbund

    def clean_namn(self):
        namn = self.cleaned_data["namn"].strip()
        if self.forbund is None:
            return namn
        taken = Insats.objects.filter(forbund=self.forbund, namn__iexact=namn)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Förbundet har redan en insats med det namnet."))
        return namn

    def _post_clean(self):
        if self.forbund is not None and self.instance.forbund_id is None:
            self.instance.forbund = self.forbund
        super()._post_clean()


class InbjudanForm(forms.Form):
    epost = forms.EmailField(label=_("E-postadress"))
    organisation = ScopedModelChoiceField(label=_("Organisation"), queryset=None)
    giltig_till = forms.DateField(
        label=_("Giltig till"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, organisationer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisationer

    def clean_giltig_till(self):
        from django.utils import timezone

        value = self.cleaned_data["giltig_till"]
        if value < timezone.localdate():
            raise ValidationError(_("Datumet har redan passerat."))
        return value


class LoggFilterForm(forms.Form):
    """Filters of the audit trail (logguppföljning); read from the query string."""

    fran = forms.DateField(label=_("Från och med"), required=False)
    till = forms.DateField(label=_("Till och med"), required=False)
    anvandare = ScopedModelChoiceField(
        label=_("Användare"), queryset=None, required=False, empty_label=_("Alla")
    )
    handelse = forms.ChoiceField(label=_("Händelse"), required=False)
    deltagare = forms.UUIDField(
        label=_("Deltagare (id)"),
        required=False,
        help_text=_("Id:t står i varje händelse om en deltagare; aldrig personnumret."),
    )

    def __init__(self, *args, anvandare_qs, **kwargs):
        from samverkan.models import AuditEvent

        super().__init__(*args, **kwargs)
        self.fields["anvandare"].queryset = anvandare_qs
        self.fields["handelse"].choices = [("", _("Alla")), *AuditEvent.Action.choices]
        for namn in ("fran", "till"):
            self.fields[namn].widget = forms.DateInput(attrs={"type": "date"})

    def clean(self):
        cleaned = super().clean()
        fran, till = cleaned.get("fran"), cleaned.get("till")
        if fran and till and till < fran:
            self.add_error("till", _("Slutdatumet kan inte vara före startdatumet."))
        return cleaned


class LogggranskningForm(forms.Form):
    forbund = ScopedModelChoiceField(label=_("Förbund"), queryset=None, empty_label=None)
    granskad = forms.DateField(label=_("Granskningsdag"))
    period_fran = forms.DateField(label=_("Loggen från och med"))
    period_till = forms.DateField(label=_("Loggen till och med"))
    urval = forms.CharField(
        label=_("Urval"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vilka händelser eller användare som granskades."),
    )
    fynd = forms.CharField(
        label=_("Fynd"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Vad granskningen visade; skriv inga personuppgifter."),
    )
    atgarder = forms.CharField(
        label=_("Åtgärder"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, forbund_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forbund"].queryset = forbund_qs
        for namn in ("granskad", "period_fran", "period_till"):
            self.fields[namn].widget = forms.DateInput(attrs={"type": "date"})

    def clean(self):
        cleaned = super().clean()
        fran, till = cleaned.get("period_fran"), cleaned.get("period_till")
        if fran and till and till < fran:
            self.add_error("period_till", _("Slutdatumet kan inte vara före startdatumet."))
        return cleaned
