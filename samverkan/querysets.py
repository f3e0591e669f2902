"""Visibility: every non-public model answers `for_user(user)`.

The rules live here and nowhere else; views build on them and treat an object
outside the user's scope exactly like a missing one (404).
"""

from django.db import models
from django.utils import timezone


def _active_memberships(user):
    """The user's memberships valid today, as a queryset of Medlemskap."""
    from samverkan.models import Medlemskap

    return Medlemskap.objects.filter(user=user).aktiva()


def _anonymous(user):
    return user is None or not user.is_authenticated or not user.is_active


class UserQuerySet(models.QuerySet):
    def for_user(self, user):
        """Oneself; a förbundsadministratör also sees the people with a role in the förbund."""
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        admin_forbund = _active_memberships(user).filter(roll="forbundsadmin").values("forbund_id")
        from samverkan.models import Medlemskap

        colleagues = Medlemskap.objects.filter(forbund_id__in=admin_forbund).values("user_id")
        return self.filter(models.Q(pk=user.pk) | models.Q(pk__in=colleagues))


class MedlemskapQuerySet(models.QuerySet):
    def aktiva(self, on=None):
        day = on or timezone.localdate()
        return self.filter(giltig_fran__lte=day).filter(
            models.Q(giltig_till__isnull=True) | models.Q(giltig_till__gte=day)
        )

    def for_user(self, user):
        """Own memberships; a förbundsadministratör also sees the förbund's."""
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        admin_forbund = _active_memberships(user).filter(roll="forbundsadmin").values("forbund_id")
        return self.filter(models.Q(user=user) | models.Q(forbund_id__in=admin_forbund))


class ForbundQuerySet(models.QuerySet):
    def for_user(self, user):
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(pk__in=_active_memberships(user).values("forbund_id"))


class OrganisationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Partner organisations of the förbund the user works in."""
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(forbund_id__in=_active_memberships(user).values("forbund_id"))


class InsatsQuerySet(models.QuerySet):
    def for_user(self, user):
        """Insatser of the user's förbund: their settings are not personal data,
        and handläggare need them to refer."""
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(forbund_id__in=_active_memberships(user).values("forbund_id"))

    def administrable_by(self, user):
        """Insatser the user may configure: förbundsadministratör or superuser."""
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            forbund_id__in=_active_memberships(user)
            .filter(roll="forbundsadmin")
            .values("forbund_id")
        )

    def staff_of(self, user):
        """Insatser in which the user works as samordnare, coach or teamledare."""
        if _anonymous(user):
            return self.none()
        return self.filter(
            pk__in=_active_memberships(user).filter(roll="samordnare").values("insats_id")
        )

    def aktiva(self, on=None):
        day = on or timezone.localdate()
        return self.filter(startdatum__lte=day).filter(
            models.Q(slutdatum__isnull=True) | models.Q(slutdatum__gte=day)
        )


class AuditEventQuerySet(models.QuerySet):
    def for_user(self, user):
        """The audit trail is for the förbund's administrators (logguppföljning)."""
        if _anonymous(user):
            return self.none()
        if user.is_superuser:
            return self
        admin_forbund = _active_memberships(user).filter(roll="forbundsadmin").values("forbund_id")
        return self.filter(forbund_id__in=admin_forbund)

    # No update() or delete() of our own: the database refuses them anyway.
