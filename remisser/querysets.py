"""Visibility of remisser.

A handläggare sees the remisser they wrote and those handed over to them; the
staff of the insats see those sent to it (never drafts). No one else does.
"""

from django.db import models


class RemissQuerySet(models.QuerySet):
    def for_user(self, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        from samverkan.models import Insats

        staff = Insats.objects.staff_of(user).values("pk")
        return self.filter(
            models.Q(handlaggare=user)
            | models.Q(overlamnad_till=user)
            | (models.Q(insats__in=staff) & ~models.Q(status="utkast")),
            gallrad__isnull=True,
        )

    def for_team(self, user):
        """What the team of the user's insatser has received."""
        from samverkan.models import Insats

        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(
            insats__in=Insats.objects.staff_of(user).values("pk"), gallrad__isnull=True
        ).exclude(status="utkast")

    def med_delad_status(self):
        """Annotate `delas`: valid consent covers the referring organisation, so the
        referrer may see the case's step (one query for the whole list)."""
        from django.db.models import Exists, OuterRef, Q
        from django.utils import timezone

        from deltagare.models import Samtycke

        today = timezone.localdate()
        covered = Samtycke.objects.filter(
            inskrivning=OuterRef("inskrivning"),
            aterkallat__isnull=True,
            ersatt_av__isnull=True,
            informationsutbyte=True,
            givet__lte=today,
            organisationer=OuterRef("organisation"),
        ).filter(Q(giltigt_till__isnull=True) | Q(giltigt_till__gte=today))
        return self.annotate(delas=Exists(covered))
