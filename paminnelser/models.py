"""Each user's choice of reminder digest; without a row, a daily digest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frekvens(models.TextChoices):
    DAGLIG = "daglig", _("Varje dag")
    VECKOVIS = "veckovis", _("En gång i veckan")
    ALDRIG = "aldrig", _("Aldrig (inga påminnelser)")


class Veckodag(models.IntegerChoices):
    MANDAG = 0, _("Måndag")
    TISDAG = 1, _("Tisdag")
    ONSDAG = 2, _("Onsdag")
    TORSDAG = 3, _("Torsdag")
    FREDAG = 4, _("Fredag")


class Paminnelseinstallning(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="paminnelseinstallning"
    )
    frekvens = models.CharField(
        _("hur ofta"), max_length=10, choices=Frekvens.choices, default=Frekvens.DAGLIG
    )
    veckodag = models.PositiveSmallIntegerField(
        _("veckodag"),
        choices=Veckodag.choices,
        default=Veckodag.MANDAG,
        help_text=_("Den dag en veckovis sammanfattning skickas."),
    )
    # The last day a digest went out: a second run the same day sends nothing.
    senast_skickad = models.DateField(_("senast skickad"), null=True, blank=True)

    class Meta:
        verbose_name = _("påminnelseinställning")
        verbose_name_plural = _("påminnelseinställningar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(veckodag__lte=4), name="paminnelse_veckodag_vardag"
            )
        ]

    def __str__(self):
        return self.get_frekvens_display()

    def ska_skickas(self, dag) -> bool:
        if self.frekvens == Frekvens.ALDRIG or self.senast_skickad == dag:
            return False
        if self.frekvens == Frekvens.DAGLIG:
            return dag.weekday() < 5  # working days: nothing is done about it on a Sunday
        return dag.weekday() == self.veckodag
