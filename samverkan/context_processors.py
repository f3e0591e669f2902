"""The navigation: each role sees only what it may use."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.permissions import roller


def _section(view_name):
    # "samverkan:insats-detail" and "samverkan:insats-list" belong to one menu item,
    # and every page of an app without dashes in its names to that app's item;
    # rapporter has two items (statistik, rapporter), so it splits like the core.
    namespace, _sep, name = view_name.partition(":")
    if namespace in ("samverkan", "rapporter"):
        return f"{namespace}:{name.rsplit('-', 1)[0]}"
    return namespace


# Menu items of newer apps: functions (user, roller) -> [(url name, label)], appended
# from the app's AppConfig.ready(), so that the core imports none of them.
NAV_HOOKS: list = []


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    r = roller(user)
    items = [("samverkan:start", _("Start"))]
    if r.ar_samordnare:
        # By name: the core does not import the deltagare app.
        items.append(("deltagare:oversikt", _("Deltagare")))
    if r.ar_handlaggare or r.ar_samordnare:
        items.append(("remisser:remiss-list", _("Remisser")))
    if r.forbund or user.is_superuser:
        items.append(("samverkan:insats-list", _("Insatser")))
    if r.ar_samordnare or r.ar_forbundsadmin or r.ar_styrelse or user.is_superuser:
        items.append(("rapporter:statistik", _("Statistik")))
        items.append(("rapporter:rapport-list", _("Rapporter")))
    # By name, as above: the enkäter app is newer than the core.
    if r.ar_forbundsadmin:
        items.append(("enkater:enkat-list", _("Enkäter")))
    elif r.ar_samordnare:
        items.append(("enkater:lank-list", _("Enkäter")))
    if r.ar_forbundsadmin or user.is_superuser:
        items.append(("samverkan:organisation-list", _("Organisationer")))
        items.append(("samverkan:medlemskap-list", _("Användare och roller")))
    if r.ar_forbundsadmin:
        # By name, as above: the import of existing records (inlasning app).
        items.append(("inlasning:inlasning-list", _("Inläsning")))
    for hook in NAV_HOOKS:
        items.extend(hook(user, r))
    match = getattr(request, "resolver_match", None)
    current = _section(match.view_name) if match else ""
    nav = [
        {"url": reverse(name), "label": label, "active": _section(name) == current}
        for name, label in items
    ]
    return {"nav_items": nav, "roller": r, "nav_admin": user.is_superuser and user.is_staff}
