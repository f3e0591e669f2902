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


class ForbundsradQuerySet(models.QuerySet):
    """Rows of one förbund: its office and its board read them, the office alone
    prepares them (`for_kansli`)."""

    # The path from the row to its förbund.
    forbund_falt = "forbund_id"

    def _i(self, forbund_ids):
        return models.Q(**{f"{self.forbund_falt}__in": forbund_ids})

    def for_user(self, user):
        return _scoped(self, user, lambda: self._i(_kansli(user)) | self._i(_styrelse(user)))

    def for_kansli(self, user):
        return _scoped(self, user, lambda: self._i(_kansli(user)))


class ProtokollversionQuerySet(ForbundsradQuerySet):
    forbund_falt = "sammantrade__forbund_id"


class AnsokanQuerySet(ForbundsradQuerySet):
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
