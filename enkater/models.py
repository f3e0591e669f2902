"""Questionnaires with frozen versions, one-time answer links and anonymous answers.

Anonymity is structural: `Svar` (an answer) holds the questionnaire version,
the insats, the period, kön and age band, and nothing else: no key to an
enrolment, a person, a user or a link, no timestamp, and a random primary key
so that not even the order of rows says when an answer came. `Enkatlank` (a
link) holds only the hash of its token and is deleted when used;
`ForbrukadLank` keeps the hash alone so that a replay says "already answered".
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Language codes of the texts; more can be added without a migration.
SPRAK = {
    "sv": _("Svenska"),
    "lattlast": _("Lättläst svenska"),
    "en": _("English"),
}
# The html lang attribute of each code (lättläst is Swedish).
HTML_LANG = {"lattlast": "sv"}
STANDARDSPRAK = "sv"


class PublicerasEj(Exception):
    pass


def _vakta(version_id) -> None:
    """Refuse a write to a published version or its parts (the triggers refuse too)."""
    if Enkatversion.objects.filter(pk=version_id, publicerad__isnull=False).exists():
        raise PublicerasEj("En publicerad enkätversion kan inte ändras.")


class EnkatQuerySet(models.QuerySet):
    def for_user(self, user):
        """The office's (förbundsadministratör's) own förbund; no one else."""
        from samverkan.permissions import roller

        return self.filter(forbund_id__in=roller(user).admin_forbund)


class Enkat(models.Model):
    class Typ(models.TextChoices):
        DELTAGARE = "deltagare", _("Deltagarenkät")
        SAMVERKAN = "samverkan", _("Samverkansindikatorer")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    typ = models.CharField(_("typ"), max_length=12, choices=Typ.choices)
    namn = models.CharField(_("namn"), max_length=200)
    # A stable key of the shipped defaults ("nns-deltagare"); blank for the office's own.
    standard = models.CharField(max_length=40, blank=True)
    skapad = models.DateTimeField(auto_now_add=True)

    objects = EnkatQuerySet.as_manager()

    class Meta:
        verbose_name = _("enkät")
        verbose_name_plural = _("enkäter")
        ordering = ["typ", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "standard"],
                condition=~Q(standard=""),
                name="enkat_standard_unik",
            )
        ]

    def __str__(self):
        return self.namn

    def publicerad_version(self):
        return self.versioner.filter(publicerad__isnull=False).order_by("-nummer").first()

    @property
    def nyckel(self) -> str:
        """The prefix of its result tables' keys: the kind for a default (one of
        each per förbund), the kind and id for the office's own."""
        return self.typ if self.standard else f"{self.typ}-{self.pk}"


class Enkatversion(models.Model):
    """The wording answers refer to. Once published it never changes: the
    service refuses, `save()` refuses and database triggers refuse."""

    enkat = models.ForeignKey(
        Enkat, on_delete=models.PROTECT, related_name="versioner", verbose_name=_("enkät")
    )
    nummer = models.PositiveSmallIntegerField(_("version"))
    publicerad = models.DateTimeField(_("publicerad"), null=True, blank=True)
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enkätversion")
        verbose_name_plural = _("enkätversioner")
        ordering = ["enkat", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["enkat", "nummer"], name="enkatversion_unik"),
        ]

    def __str__(self):
        return f"{self.enkat} v{self.nummer}"

    def save(self, *args, **kwargs):
        if self.pk:
            _vakta(self.pk)
        super().save(*args, **kwargs)


class _Versionsdel(models.Model):
    """A part of a version's content: refused once the version is published."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        _vakta(self.version_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _vakta(self.version_id)
        return super().delete(*args, **kwargs)


class Fraga(_Versionsdel):
    class Typ(models.TextChoices):
        SKALA = "skala", _("Påstående på en skala")
        ENVAL = "enval", _("Ett svarsalternativ")
        FLERVAL = "flerval", _("Flera svarsalternativ")
        FRITEXT = "fritext", _("Fritext")

    version = models.ForeignKey(
        Enkatversion, on_delete=models.CASCADE, related_name="fragor", verbose_name=_("version")
    )
    ordning = models.PositiveSmallIntegerField(_("ordning"))
    typ = models.CharField(_("typ"), max_length=10, choices=Typ.choices)
    # The indicator or dimension the question measures, for grouping results.
    dimension = models.CharField(_("dimension"), max_length=60, blank=True)
    skalsteg = models.PositiveSmallIntegerField(_("antal skalsteg"), null=True, blank=True)
    obligatorisk = models.BooleanField(_("obligatorisk"), default=False)

    class Meta:
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")
        ordering = ["version", "ordning"]
        constraints = [
            models.UniqueConstraint(fields=["version", "ordning"], name="fraga_ordning_unik"),
            models.CheckConstraint(
                condition=~Q(typ="skala") | Q(skalsteg__gte=2, skalsteg__lte=11),
                name="fraga_skala_har_steg",
            ),
        ]

    def __str__(self):
        return f"{self.version} #{self.ordning}"


# The question types with options.
VALTYPER = (Fraga.Typ.ENVAL, Fraga.Typ.FLERVAL)


class Alternativ(_Versionsdel):
    version = models.ForeignKey(Enkatversion, on_delete=models.CASCADE, related_name="+")
    fraga = models.ForeignKey(Fraga, on_delete=models.CASCADE, related_name="alternativ")
    ordning = models.PositiveSmallIntegerField(_("ordning"))

    class Meta:
        verbose_name = _("svarsalternativ")
        verbose_name_plural = _("svarsalternativ")
        ordering = ["fraga", "ordning"]
        constraints = [
            models.UniqueConstraint(fields=["fraga", "ordning"], name="alternativ_ordning_unik"),
        ]

    def __str__(self):
        return f"{self.fraga} alt {self.ordning}"


class Text(_Versionsdel):
    """One text of a version in one language: the title and introduction of the
    version, a question's text and its scale's end labels, an option's text."""

    class Falt(models.TextChoices):
        RUBRIK = "rubrik", _("rubrik")
        INLEDNING = "inledning", _("inledning")
        FRAGA = "fraga", _("fråga")
        LAG = "lag", _("skalans lägsta steg")
        HOG = "hog", _("skalans högsta steg")
        ALTERNATIV = "alternativ", _("alternativ")

    version = models.ForeignKey(Enkatversion, on_delete=models.CASCADE, related_name="texter")
    fraga = models.ForeignKey(
        Fraga, on_delete=models.CASCADE, null=True, blank=True, related_name="texter"
    )
    alternativ = models.ForeignKey(
        Alternativ, on_delete=models.CASCADE, null=True, blank=True, related_name="texter"
    )
    falt = models.CharField(max_length=12, choices=Falt.choices)
    sprak = models.CharField(_("språk"), max_length=12)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("text")
        verbose_name_plural = _("texter")
        indexes = [models.Index(fields=["version", "sprak"], name="text_version_sprak")]

    def __str__(self):
        return f"{self.falt} ({self.sprak})"


class Enkatlank(models.Model):
    """An unused one-time link. The token itself is shown once and never stored;
    the row carries what the answer will carry, and no enrolment or person."""

    token_hash = models.CharField(max_length=64, unique=True)
    version = models.ForeignKey(Enkatversion, on_delete=models.PROTECT, related_name="+")
    forbund = models.ForeignKey("samverkan.Forbund", on_delete=models.PROTECT, related_name="+")
    insats = models.ForeignKey("samverkan.Insats", on_delete=models.PROTECT, related_name="+")
    ar = models.PositiveSmallIntegerField()
    kvartal = models.PositiveSmallIntegerField()
    kon = models.CharField(max_length=10, blank=True)
    aldersband = models.CharField(max_length=20, blank=True)
    giltig_till = models.DateTimeField()

    class Meta:
        verbose_name = _("enkätlänk")
        verbose_name_plural = _("enkätlänkar")

    def __str__(self):
        return f"enkätlänk {self.pk}"


class ForbrukadLank(models.Model):
    """The hash of a used link, so that a replay says so; nothing else."""

    token_hash = models.CharField(max_length=64, primary_key=True)

    def __str__(self):
        return "förbrukad enkätlänk"


class Utskick(models.Model):
    """Links issued per questionnaire, insats and period: the response rate's
    denominator, counted apart from the answers so the two cannot be joined."""

    enkat = models.ForeignKey(Enkat, on_delete=models.PROTECT, related_name="+")
    insats = models.ForeignKey("samverkan.Insats", on_delete=models.PROTECT, related_name="+")
    ar = models.PositiveSmallIntegerField()
    kvartal = models.PositiveSmallIntegerField()
    antal = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enkat", "insats", "ar", "kvartal"], name="utskick_unik"
            ),
        ]

    def __str__(self):
        return f"{self.insats_id} {self.ar}-Q{self.kvartal}: {self.antal}"


class Svar(models.Model):
    """One anonymous answer (see the module docstring for what it must never hold)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    version = models.ForeignKey(Enkatversion, on_delete=models.PROTECT, related_name="svar")
    forbund = models.ForeignKey("samverkan.Forbund", on_delete=models.PROTECT, related_name="+")
    insats = models.ForeignKey("samverkan.Insats", on_delete=models.PROTECT, related_name="+")
    ar = models.PositiveSmallIntegerField(_("år"))
    kvartal = models.PositiveSmallIntegerField(_("kvartal"))
    kon = models.CharField(_("kön"), max_length=10, blank=True)
    aldersband = models.CharField(_("åldersband"), max_length=20, blank=True)
    sprak = models.CharField(_("språk"), max_length=12)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")
        indexes = [models.Index(fields=["insats", "ar", "kvartal"], name="svar_insats_period")]
        constraints = [
            models.CheckConstraint(condition=Q(kvartal__gte=1, kvartal__lte=4), name="svar_kvartal")
        ]

    def __str__(self):
        return f"svar {self.ar}-Q{self.kvartal}"


class Svarsrad(models.Model):
    """One question's answer: a scale step, a chosen option (one row per option
    for multiple choice) or a free text."""

    # Random too: a sequence would give away the order in which answers came.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    svar = models.ForeignKey(Svar, on_delete=models.CASCADE, related_name="rader")
    fraga = models.ForeignKey(Fraga, on_delete=models.PROTECT, related_name="+")
    varde = models.PositiveSmallIntegerField(null=True, blank=True)
    alternativ = models.ForeignKey(
        Alternativ, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField(blank=True)

    def __str__(self):
        return f"svarsrad {self.fraga_id}"
