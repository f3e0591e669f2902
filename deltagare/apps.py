from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeltagareConfig(AppConfig):
    name = "deltagare"
    verbose_name = _("Deltagare")

    def ready(self):
        from deltagare import signals, startsida

        signals.connect(self)
        startsida.registrera()
