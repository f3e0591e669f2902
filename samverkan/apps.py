from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamverkanConfig(AppConfig):
    name = "samverkan"
    verbose_name = _("Samverkan – kärna")

    def ready(self):
        from samverkan import auth_events, virusskanning  # noqa: F401 - registers its check

        auth_events.connect()

        from samverkan import startsida

        startsida.registrera_karnans()
