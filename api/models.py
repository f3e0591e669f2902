"""API clients (systems of partner organisations) and the idempotency record of their posts."""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The token's visible prefix tells a leaked string apart in logs and secret scanners.
PREFIX = "sv_"


class Scope(models.TextChoices):
    REMISSER = "remisser", _("Skicka remisser och läsa deras status")
    STATISTIK = "statistik", _("Läsa aggregerad statistik")
    FINSAM = "finsam", _("Läsa Uppföljning Finsam")


def hash_nyckel(token: str) -> str:
    """SHA-256 of the token. The token is 32 random bytes (256 bits): no dictionary
    or brute force reaches it, so a slow password hash would add nothing but CPU
    on every call; a fast hash also lets the lookup be an indexed equality."""
    return hashlib.sha256(token.encode()).hexdigest()


def ny_nyckel() -> str:
    return PREFIX + secrets.token_urlsafe(32)


class ApiKlientQuerySet(models.QuerySet):
    def for_user(self, user):
        """The office's own förbund's clients; a superuser's, all."""
        from samverkan.permissions import roller

        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(forbund_id__in=roller(user).admin_forbund)

    def giltiga(self, now=None):
        now = now or timezone.now()
        return self.filter(aterkallad__isnull=True, giltig_till__gt=now)


class ApiKlient(models.Model):
    """One partner organisation's system. The secret is shown once and kept only as a hash.

    `anvandare` is the client's own account (inactive: it cannot log in): the remiss
    services take a user as actor and the referrer of a remiss is a user, so a
    remiss sent by the system is the system account's, and every audit event of
    a call names that account as actor.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    organisation = models.ForeignKey(
        "samverkan.Organisation",
        on_delete=models.PROTECT,
        related_name="api_klienter",
        verbose_name=_("organisation"),
    )
    namn = models.CharField(_("namn"), max_length=100, help_text=_("Systemets namn."))
    scopes = models.JSONField(_("behörigheter"), default=list)
    nyckel_hash = models.CharField(max_length=64, unique=True, editable=False)
    nyckel_borjan = models.CharField(
        _("nyckelns början"), max_length=12, editable=False, help_text=_("För igenkänning.")
    )
    anvandare = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_klient"
    )
    giltig_till = models.DateTimeField(_("giltig till"))
    aterkallad = models.DateTimeField(_("återkallad"), null=True, blank=True)
    aterkallad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    senast_anvand = models.DateTimeField(_("senast använd"), null=True, blank=True)
    skapad = models.DateTimeField(_("skapad"), default=timezone.now)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ApiKlientQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-klient")
        verbose_name_plural = _("API-klienter")
        ordering = ["-skapad"]

    def __str__(self):
        return self.namn

    def har_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def giltig(self, now=None) -> bool:
        return self.aterkallad is None and self.giltig_till > (now or timezone.now())


class Idempotens(models.Model):
    """The first answer to a post with an Idempotency-Key: a retry gets it again."""

    klient = models.ForeignKey(ApiKlient, on_delete=models.PROTECT, related_name="+")
    nyckel = models.CharField(max_length=100)
    begaran_hash = models.CharField(max_length=64)
    remiss = models.ForeignKey(
        "remisser.Remiss", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status_kod = models.PositiveSmallIntegerField()
    svar = models.JSONField()
    skapad = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["klient", "nyckel"], name="idempotens_en_per_nyckel")
        ]

    def __str__(self):
        return self.nyckel
