from django.apps import AppConfig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _meny(user, r):
    """The board's menu item: the office and the board see the meetings; a
    partner organisation's staff their applications."""
    if r.ar_forbundsadmin or r.ar_styrelse or user.is_superuser:
        return [("styrelse:sammantrade-list", _("Styrelsen"))]
    if r.ar_handlaggare:
        return [("styrelse:ansokan-list", _("Ansökningar"))]
    return []


class StyrelseConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "styrelse"
    verbose_name = gettext_lazy("Styrelsearbete")

    def ready(self):
        from samverkan.context_processors import NAV_HOOKS

        if _meny not in NAV_HOOKS:
            NAV_HOOKS.append(_meny)
