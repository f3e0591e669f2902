"""Filters of the participant list (django-filter); the search text goes through SokView."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from deltagare.koder import Steg
from deltagare.models import Inskrivning
from samverkan.fields import ScopedModelChoiceField
from samverkan.models import Insats


class _Val(django_filters.fields.ModelChoiceIterator):
    """One plain query for the few choices: QuerySet.iterator() would open a server-side
    cursor, three round trips on PostgreSQL, on every render."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class _ValFalt(django_filters.fields.ModelChoiceField, ScopedModelChoiceField):
    """Another förbund's insats named in the query string is a refused access."""

    iterator = _Val


class _ValFilter(django_filters.ModelChoiceFilter):
    field_class = _ValFalt


def _insatser(request):
    if request is None:
        return Insats.objects.none()
    return Insats.objects.staff_of(request.user).only("namn").order_by("namn")


class InskrivningFilter(django_filters.FilterSet):
    insats = _ValFilter(label=_("Insats"), queryset=_insatser, empty_label=_("Alla insatser"))
    steg = django_filters.ChoiceFilter(
        label=_("Steg"), choices=Steg.choices, empty_label=_("Alla steg")
    )
    mina = django_filters.BooleanFilter(
        label=_("Bara där jag är kontaktperson"),
        method="filter_mina",
        widget=django_filters.widgets.BooleanWidget,
    )
    pagaende = django_filters.BooleanFilter(
        label=_("Bara pågående"),
        method="filter_pagaende",
        widget=django_filters.widgets.BooleanWidget,
    )
    ordning = django_filters.OrderingFilter(
        label=_("Sortera"),
        fields=(
            ("deltagare__efternamn", "namn"),
            ("aktualiserad", "aktualiserad"),
            ("inskrivningsdatum", "inskriven"),
        ),
        field_labels={
            "namn": _("Namn"),
            "aktualiserad": _("Aktualiserad"),
            "inskriven": _("Inskriven"),
        },
        empty_label=_("Standard"),
    )

    class Meta:
        model = Inskrivning
        fields = ["insats", "steg"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "form-select")

    def filter_mina(self, queryset, name, value):
        if not value or self.request is None:
            return queryset
        user = self.request.user
        return queryset.filter(Q(kontaktperson=user) | Q(kontaktperson2=user))

    def filter_pagaende(self, queryset, name, value):
        return queryset.exclude(steg=Steg.AVSLUT) if value else queryset
