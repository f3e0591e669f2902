"""The audit trail (append-only) and the office's reviews of it (logguppföljning)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.models.anvandare import User
from samverkan.models.forbund import Forbund
from samverkan.querysets import AuditEventQuerySet


class AuditEvent(models.Model):
    """One row per read, change, print, export, login or refused access.

    Append-only: triggers created in migration 0002 make the database refuse
    UPDATE and DELETE. Write only through samverkan.audit.record().
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("Inloggning")
        LOGIN_FAILED = "login_failed", _("Misslyckad inloggning")
        LOGIN_CODE = "login_code", _("Inloggningskod begärd")
        LOCKOUT = "lockout", _("Konto spärrat")
        LOGOUT = "logout", _("Utloggning")
        SESSION_EXPIRED = "session_expired", _("Session avslutad")
        MFA_ADDED = "mfa_added", _("Tvåstegsverifiering aktiverad")
        MFA_REMOVED = "mfa_removed", _("Tvåstegsverifiering borttagen")
        MFA_RESET = "mfa_reset", _("Återställningskoder skapade")
        ACCESS_DENIED = "access_denied", _("Åtkomst utanför behörighet")
        READ = "read", _("Läsning")
        CREATE = "create", _("Skapande")
        CHANGE = "change", _("Ändring")
        DELETE = "delete", _("Borttagning")
        PRINT = "print", _("Utskrift")
        EXPORT = "export", _("Export")

    tidpunkt = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("användare"),
    )
    action = models.CharField(_("händelse"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("objekttyp"), max_length=60, blank=True)
    object_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    forbund = models.ForeignKey(
        Forbund,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("förbund"),
    )
    # The participant the event concerns, by uuid (set by the deltagare app).
    deltagare_uuid = models.UUIDField(_("deltagare"), null=True, blank=True, db_index=True)
    ip = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)
    detail = models.JSONField(_("detaljer"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("logghändelse")
        verbose_name_plural = _("logghändelser")
        ordering = ["-tidpunkt", "-id"]
        indexes = [
            models.Index(fields=["forbund", "tidpunkt"], name="audit_forbund_tid"),
            models.Index(fields=["actor", "tidpunkt"], name="audit_actor_tid"),
            models.Index(fields=["object_type", "object_id"], name="audit_objekt"),
        ]

    def __str__(self):
        return f"{self.tidpunkt:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"


class Logggranskning(models.Model):
    """The office's record that it reviewed the audit trail (logguppföljning):
    who, when, which period and sample, and what was found. Never edited."""

    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    granskad_av = models.ForeignKey(
        "samverkan.User",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granskad av"),
    )
    granskad = models.DateField(_("granskningsdag"))
    period_fran = models.DateField(_("loggen från och med"))
    period_till = models.DateField(_("loggen till och med"))
    urval = models.TextField(
        _("urval"), help_text=_("Vilka händelser eller användare som granskades.")
    )
    fynd = models.TextField(
        _("fynd"), help_text=_("Vad granskningen visade; skriv inga personuppgifter.")
    )
    atgarder = models.TextField(_("åtgärder"), blank=True)
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("logggranskning")
        verbose_name_plural = _("logggranskningar")
        ordering = ["-granskad", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_till__gte=models.F("period_fran")),
                name="logggranskning_period_i_ordning",
            ),
        ]

    def __str__(self):
        return f"{self.forbund} {self.granskad:%Y-%m-%d}"
