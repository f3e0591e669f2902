from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemisserConfig(AppConfig):
    name = "remisser"
    verbose_name = _("Remisser")

    def ready(self):
        from remisser import startsida

        startsida.registrera()
