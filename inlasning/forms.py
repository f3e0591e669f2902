from django import forms
from django.utils.translation import gettext_lazy as _


class UppladdningForm(forms.Form):
    fil = forms.FileField(
        label=_("Ifylld mall (xlsx)"),
        help_text=_("Högst 10 MB. Filen provkörs först; ingenting sparas förrän du läser in."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


class MappningForm(forms.Form):
    """One select per template field listing the file's own headers. Required fields
    are checked by the service (inlasning_mappa), whose refusal lands beside the select."""

    def __init__(self, *args, rubriker, **kwargs):
        from inlasning.kolumner import kolumner

        super().__init__(*args, **kwargs)
        val = [("", _("— ingen —")), *[(r, r) for r in rubriker]]
        for kol in kolumner():
            self.fields[kol.nyckel] = forms.ChoiceField(
                label=_("%(falt)s (krävs)") % {"falt": kol.rubrik} if kol.kravs else kol.rubrik,
                choices=val,
                required=False,
            )
