from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapporterConfig(AppConfig):
    name = "rapporter"
    verbose_name = _("Rapporter")

    def ready(self):
        from rapporter import startsida

        startsida.registrera()
