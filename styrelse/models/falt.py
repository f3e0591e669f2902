"""Field shapes the board's models share: a year of the economy, an amount in
whole kronor, and the förbund a row belongs to."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def ar():
    return models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )


def kronor(verbose_name, *, allow_negative=False, **kwargs):
    """Whole kronor; never negative unless said (eget kapital can be)."""
    validators = [] if allow_negative else [MinValueValidator(0)]
    return models.DecimalField(
        verbose_name, max_digits=12, decimal_places=0, validators=validators, **kwargs
    )


def forbund(**kwargs):
    return models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", **kwargs
    )
