"""The förbund's partner agencies, and the addresses invited to log in as their handläggare."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from samverkan.models.forbund import Forbund
from samverkan.querysets import OrganisationQuerySet
from samverkan.validators import validate_epostdomaner


class Organisation(models.Model):
    """A partner agency of a förbund: AF, FK, a kommun, a region or another body."""

    class Typ(models.TextChoices):
        AF = "af", _("Arbetsförmedlingen")
        FK = "fk", _("Försäkringskassan")
        KOMMUN = "kommun", _("Kommun")
        REGION = "region", _("Region")
        ANNAN = "annan", _("Annan")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="organisationer", verbose_name=_("förbund")
    )
    typ = models.CharField(_("typ"), max_length=10, choices=Typ.choices)
    namn = models.CharField(_("namn"), max_length=200)
    kommunkod = models.CharField(
        _("kommunkod"),
        max_length=4,
        blank=True,
        help_text=_("Fyra siffror, för kommuner."),
    )
    epostdomaner = models.JSONField(
        _("e-postdomäner"),
        default=list,
        blank=True,
        validators=[validate_epostdomaner],
        help_text=_("Domäner som organisationens handläggare använder, t.ex. kommun.se."),
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["forbund", "typ", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="organisation_unikt_namn_per_forbund"
            ),
            models.CheckConstraint(
                condition=~models.Q(typ="kommun") | models.Q(kommunkod__regex=r"^[0-9]{4}$"),
                name="organisation_kommun_har_kommunkod",
            ),
        ]

    def __str__(self):
        return self.namn

    def clean(self):
        super().clean()
        if self.typ == self.Typ.KOMMUN and not (
            len(self.kommunkod) == 4 and self.kommunkod.isdigit()
        ):
            raise ValidationError(
                {"kommunkod": _("En kommun behöver en kommunkod med fyra siffror.")}
            )
        self.epostdomaner = sorted(
            {d.strip().lower().lstrip("@") for d in self.epostdomaner if d.strip()}
        )


class Inbjudan(models.Model):
    """An address the förbund lets log in by code as handläggare, outside the
    organisation's registered domains (e.g. a consultant)."""

    epost = models.EmailField(_("e-postadress"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="inbjudningar"
    )
    giltig_till = models.DateField(_("giltig till"))
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        constraints = [
            models.UniqueConstraint(
                Lower("epost"), "organisation", name="inbjudan_unik_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.epost} – {self.organisation}"
