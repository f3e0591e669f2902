"""Visibility of report inputs and reports. None of it is personal data; it is
still the förbund's own, and another förbund sees none of it (404)."""

from django.db import models

from samverkan.querysets import _active_memberships, _forbund_ids, _scoped


class ForbundsdataQuerySet(models.QuerySet):
    """Goals and economy: visible to everyone working in the insats's förbund."""

    def for_user(self, user):
        return _scoped(self, user, lambda: models.Q(insats__forbund_id__in=_forbund_ids(user)))


class RapportQuerySet(models.QuerySet):
    def for_user(self, user):
        """Published reports for everyone in the förbund; drafts for those who write them:
        the förbundsadministratör, and a teamledare for the insats's own reports."""

        def condition():
            teamledare_insatser = (
                _active_memberships(user, "samordnare")
                .filter(befattning="teamledare")
                .values("insats_id")
            )
            return (
                models.Q(status="publicerad", forbund_id__in=_forbund_ids(user))
                | models.Q(forbund_id__in=_forbund_ids(user, "forbundsadmin"))
                | models.Q(insats_id__in=teamledare_insatser)
            )

        return _scoped(self, user, condition)

    def publicerade(self):
        return self.filter(status="publicerad")
