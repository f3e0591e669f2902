"""Choice fields over a queryset scoped to the user.

A form offers only what the user may reach; a submitted value outside that is
refused with the usual field error ("Välj ett giltigt alternativ"). When the
value names an object that exists outside the scope (another förbund's insats
or organisation, typed into a crafted request), that is a refused access like a
URL naming it: an `access_denied` event filed under the actor's förbund
(`permissions.neka`). A value that names nothing is only bad input.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from samverkan.sakerhetslogg import aktuell_request

# A crafted list of a thousand ids is looked at only so far.
_MAX_PER_FIELD = 20


def _neka_utanfor(queryset, key, values):
    request = aktuell_request()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    from samverkan.permissions import neka

    model = queryset.model
    for value in list(dict.fromkeys(str(v) for v in values if v not in (None, "")))[
        :_MAX_PER_FIELD
    ]:
        # One exact lookup each: Django answers an out-of-range integer with "none"
        # there, where an `__in` list would reach the database and fail.
        try:
            obj = (
                model._base_manager.filter(**{key: value})
                .exclude(pk__in=queryset.values("pk"))
                .first()
            )
        except (ValueError, TypeError, ValidationError):
            continue  # malformed: names nothing
        if obj is not None:
            neka(request, obj, detail={"orsak": "formularval"})


class ScopedModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code == "invalid_choice":
                _neka_utanfor(self.queryset, self.to_field_name or "pk", [value])
            raise


class ScopedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        _inom_heltal(self, value)
        try:
            return super()._check_values(value)
        except ValidationError as error:
            if error.code == "invalid_choice":
                _neka_utanfor(self.queryset, self.to_field_name or "pk", list(value))
            raise


def _inom_heltal(field, values):
    """Django checks a list with `__in`, where an id past 64 bits reaches SQLite and
    fails (a 500): such an id names nothing, so it is an invalid choice here."""
    key = field.to_field_name or "pk"
    meta = field.queryset.model._meta
    model_field = meta.pk if key == "pk" else meta.get_field(key)
    if not isinstance(model_field, models.IntegerField):
        return
    for value in values if isinstance(values, list | tuple | set | frozenset) else []:
        try:
            tal = int(value)
        except (ValueError, TypeError):
            continue  # Django's own check answers "not a valid value"
        if not -(2**63) <= tal < 2**63:
            raise ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
