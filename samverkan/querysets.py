"""Visibility: every non-public model answers `for_user(user)`.

The rules live here and nowhere else; views build on them and treat an object
outside the user's scope exactly like a missing one (404).
"""

from django.apps import apps
from django.db import models
from django.utils import timezone


def _medlemskap():
    """Medlemskap by name: samverkan.models imports this module, never the reverse."""
    return apps.get_model("samverkan", "Medlemskap")


def _active_memberships(user, roll=None):
    """The user's memberships valid today, as a queryset of Medlemskap."""
    memberships = _medlemskap().objects.filter(user=user).aktiva()
    return memberships.filter(roll=roll) if roll else memberships


def _forbund_ids(user, roll=None):
    """Subquery: ids of the förbund where the user holds a (given) role today."""
    return _active_memberships(user, roll).values("forbund_id")


def _scoped(queryset, user, condition):
    """Nothing for anonymous or inactive users, everything for superusers,
    else what `condition()` (a Q) admits."""
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(condition())


class UserQuerySet(models.QuerySet):
    def for_user(self, user):
        """Oneself; a förbundsadministratör also sees the people with a role in the förbund."""

        def condition():
            admin_of = _forbund_ids(user, "forbundsadmin")
            colleagues = _medlemskap().objects.filter(forbund_id__in=admin_of).values("user_id")
            return models.Q(pk=user.pk) | models.Q(pk__in=colleagues)

        return _scoped(self, user, condition)


class MedlemskapQuerySet(models.QuerySet):
    def aktiva(self, on=None):
        day = on or timezone.localdate()
        return self.filter(giltig_fran__lte=day).filter(
            models.Q(giltig_till__isnull=True) | models.Q(giltig_till__gte=day)
        )

    def for_user(self, user):
        """Own memberships; a förbundsadministratör also sees the förbund's."""
        return _scoped(
            self,
            user,
            lambda: (
                models.Q(user=user) | models.Q(forbund_id__in=_forbund_ids(user, "forbundsadmin"))
            ),
        )


class ForbundQuerySet(models.QuerySet):
    def for_user(self, user):
        return _scoped(self, user, lambda: models.Q(pk__in=_forbund_ids(user)))


class ForbundScopedQuerySet(models.QuerySet):
    """Rows of the förbund the user works in, whatever the role."""

    def for_user(self, user):
        return _scoped(self, user, lambda: models.Q(forbund_id__in=_forbund_ids(user)))


class OrganisationQuerySet(ForbundScopedQuerySet):
    """Partner organisations are visible within their förbund."""


class InsatsQuerySet(ForbundScopedQuerySet):
    """Insatser are visible within their förbund: their settings are not
    personal data, and handläggare need them to refer."""

    def administrable_by(self, user):
        """Insatser the user may configure: förbundsadministratör or superuser."""
        return _scoped(
            self, user, lambda: models.Q(forbund_id__in=_forbund_ids(user, "forbundsadmin"))
        )

    def staff_of(self, user):
        """Insatser in which the user works as samordnare, coach or teamledare."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=_active_memberships(user, "samordnare").values("insats_id"))

    def aktiva(self, on=None):
        day = on or timezone.localdate()
        return self.filter(startdatum__lte=day).filter(
            models.Q(slutdatum__isnull=True) | models.Q(slutdatum__gte=day)
        )


class AuditEventQuerySet(models.QuerySet):
    def for_user(self, user):
        """The audit trail is for the förbund's administrators (logguppföljning).
        There is no update() or delete() of our own: the database refuses them."""
        return _scoped(
            self, user, lambda: models.Q(forbund_id__in=_forbund_ids(user, "forbundsadmin"))
        )
