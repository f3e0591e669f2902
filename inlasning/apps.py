from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InlasningConfig(AppConfig):
    name = "inlasning"
    verbose_name = _("Inläsning av befintliga uppgifter")
