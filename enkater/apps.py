from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnkaterConfig(AppConfig):
    name = "enkater"
    verbose_name = _("Enkäter")

    def ready(self):
        # rapporter is older and must not import enkater: the survey section is
        # registered in its registry instead (rapporter/avsnitt.py).
        from deltagare import tillagg
        from enkater import rapportavsnitt
        from rapporter import avsnitt

        avsnitt.registrera("enkater", rapportavsnitt.avsnitt)
        tillagg.registrera_atgard(enkatknapp)


def enkatknapp(inskrivning, user):
    """The case page's button to the survey link, once the person is enrolled."""
    from django.urls import reverse
    from django.utils.translation import gettext

    if inskrivning.inskrivningsdatum is None or inskrivning.felregistrerad:
        return []
    url = reverse("enkater:lank-skapa", kwargs={"uuid": inskrivning.uuid})
    return [(gettext("Enkätlänk till deltagaren"), url)]
