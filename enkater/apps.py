from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnkaterConfig(AppConfig):
    name = "enkater"
    verbose_name = _("Enkäter")

    def ready(self):
        # rapporter is older and must not import enkater: the survey section is
        # registered in its registry instead (rapporter/avsnitt.py).
        from enkater import rapportavsnitt
        from rapporter import avsnitt

        avsnitt.registrera("enkater", rapportavsnitt.avsnitt)
