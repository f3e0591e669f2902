from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StyrelseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "styrelse"
    verbose_name = _("Styrelsearbete")
