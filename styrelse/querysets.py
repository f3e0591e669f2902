"""Visibility. The office (förbundsadministratör) prepares and records; the
styrelse reads; an applicant sees the applications they wrote; another förbund
sees nothing (404)."""

from django.apps import apps
from django.db import models

from samverkan.querysets import _forbund_ids, _scoped

# What the board sees of an application: from the moment it is on an agenda.
STYRELSEN_SER = ("pa_dagordningen", "beviljad", "delvis_beviljad", "avslagen", "aterremitterad")


def _kansli(user):
    return _forbund_ids(user, "forbundsadmin")


def _styrelse(user):
    return _forbund_ids(user, "styrelse")


def _inbjudningar():
    return apps.get_model("styrelse", "Ansokningsinbjudan").objects


class AnsokanQuerySet(models.QuerySet):
    def for_user(self, user):
        return _scoped(
            self,
            user,
            lambda: (
                models.Q(skapad_av=user, forbund_id__in=_forbund_ids(user))
                | (models.Q(forbund_id__in=_kansli(user)) & ~models.Q(status="utkast"))
                | models.Q(forbund_id__in=_kansli(user), pappersansokan=True)
                | models.Q(forbund_id__in=_styrelse(user), status__in=STYRELSEN_SER)
                # An invited external applicant: the one application, nothing else.
                | models.Q(pk__in=_inbjudningar().filter(user=user).values("ansokan_id"))
                # The office follows the drafts it invited someone to write.
                | models.Q(
                    forbund_id__in=_kansli(user),
                    pk__in=_inbjudningar().values("ansokan_id"),
                )
            ),
        )

    def egna(self, user):
        """The applicant's own, whatever the user's other roles."""
        return self.filter(skapad_av=user, forbund_id__in=_forbund_ids(user))

    def for_kansli(self, user):
        return _scoped(self, user, lambda: models.Q(forbund_id__in=_kansli(user)))


class SammantradeQuerySet(models.QuerySet):
    def for_user(self, user):
        """The office and the board of the förbund."""
        return _scoped(
            self,
            user,
            lambda: (
                models.Q(forbund_id__in=_kansli(user)) | models.Q(forbund_id__in=_styrelse(user))
            ),
        )

    def for_kansli(self, user):
        return _scoped(self, user, lambda: models.Q(forbund_id__in=_kansli(user)))


class ForbundsradQuerySet(models.QuerySet):
    def for_user(self, user):
        return _scoped(
            self,
            user,
            lambda: (
                models.Q(forbund_id__in=_kansli(user)) | models.Q(forbund_id__in=_styrelse(user))
            ),
        )


class ArendeQuerySet(models.QuerySet):
    def for_user(self, user):
        return _scoped(
            self,
            user,
            lambda: (
                models.Q(forbund_id__in=_kansli(user)) | models.Q(forbund_id__in=_styrelse(user))
            ),
        )

    def for_kansli(self, user):
        return _scoped(self, user, lambda: models.Q(forbund_id__in=_kansli(user)))


class ProtokollversionQuerySet(models.QuerySet):
    def for_user(self, user):
        return _scoped(
            self,
            user,
            lambda: (
                models.Q(sammantrade__forbund_id__in=_kansli(user))
                | models.Q(sammantrade__forbund_id__in=_styrelse(user))
            ),
        )
