"""Visibility of personal data: samordnare see participants of their own insatser only.

Unlike the core's configuration, there is no superuser bypass here: a
förbundsadministratör or system administrator sees a participant only where
they also work in the insats (domain.md, "Users").
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef

from samverkan.roller import roller


def _staff_insatser(user):
    # The ids themselves, read once per request with the user's roles: a nested
    # subquery here pushes long list queries past PostgreSQL's join_collapse_limit,
    # and the staff filter would come last (docs/benchmarks.md).
    return sorted(roller(user).samordnare_insatser)


def _ej_gallrad(falt):
    """Not the statistical remainder of a gallrad participant: no one's case.

    An anti-join on the few gallrade (a partial index) rather than a join of every
    participant: counting an insats's enrolments by step joined all participants of
    every förbund (docs/benchmarks.md)."""
    # The models import this module: the model by name, not by import.
    Deltagare = apps.get_model("deltagare", "Deltagare")
    return ~Exists(Deltagare.objects.filter(pk=OuterRef(falt), gallrad__isnull=False))


def _allowed(user):
    return user is not None and user.is_authenticated and user.is_active


class DeltagareQuerySet(models.QuerySet):
    def for_user(self, user):
        if not _allowed(user):
            return self.none()
        Inskrivning = apps.get_model("deltagare", "Inskrivning")
        return self.filter(
            pk__in=Inskrivning.objects.filter(insats__in=_staff_insatser(user)).values(
                "deltagare_id"
            ),
            gallrad__isnull=True,  # the statistical remainder is no one's case
        )


class InskrivningQuerySet(models.QuerySet):
    def for_user(self, user):
        if not _allowed(user):
            return self.none()
        return self.filter(_ej_gallrad("deltagare_id"), insats__in=_staff_insatser(user))

    def antal_per_steg(self, user) -> dict[str, int]:
        """The user's enrolments per step, as for_user() sees them.

        Counted from the index (insats, steg, …) without reading a row, less those of
        gallrade participants, found from their partial index, in one query: the
        anti-join of for_user() read every row of the insats for its participant
        (docs/benchmarks.md)."""
        from django.db.models import Count, Value

        if not _allowed(user):
            return {}
        alla = self.filter(insats__in=_staff_insatser(user)).order_by()
        gallrade = alla.filter(deltagare__gallrad__isnull=False)
        rader = (
            alla.values("steg")
            .annotate(tecken=Value(1), n=Count("pk"))
            .union(gallrade.values("steg").annotate(tecken=Value(-1), n=Count("pk")), all=True)
        )
        antal = {}
        for rad in rader:
            antal[rad["steg"]] = antal.get(rad["steg"], 0) + rad["tecken"] * rad["n"]
        return antal

    def pagaende(self):
        # The steps named rather than avslut excluded, so the index (insats, steg) serves it.
        from deltagare.koder import STEG_ORDNING, Steg

        return self.filter(steg__in=[s for s in STEG_ORDNING if s != Steg.AVSLUT])


class ViaInskrivningQuerySet(models.QuerySet):
    """Records that belong to one enrolment: visible with the enrolment."""

    def for_user(self, user):
        if not _allowed(user):
            return self.none()
        return self.filter(
            _ej_gallrad("inskrivning__deltagare_id"),
            inskrivning__insats__in=_staff_insatser(user),
        )


class GruppaktivitetQuerySet(models.QuerySet):
    def for_user(self, user):
        if not _allowed(user):
            return self.none()
        return self.filter(insats__in=_staff_insatser(user))
