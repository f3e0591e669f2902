"""Who may see which figures and write which reports.

Statistics hold no personal data, but small cells could point at a person:
every page and file a board member sees is suppressed, and only staff who
already work with the participants may ask for the exact figures.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from samverkan.models import Forbund, Insats
from samverkan.permissions import ar_admin_for, roller


def statistik_forbund(user):
    """Förbund whose statistics the user may open (styrelse, administratör, samordnare)."""
    if user.is_superuser:
        return Forbund.objects.all()
    r = roller(user)
    staff = Insats.objects.filter(pk__in=r.samordnare_insatser).values("forbund_id")
    return Forbund.objects.filter(pk__in=r.admin_forbund | r.styrelse_forbund) | (
        Forbund.objects.filter(pk__in=staff)
    )


def ser_hela_forbundet(user, forbund) -> bool:
    """Whole-förbund figures: the office, the board and system administrators."""
    r = roller(user)
    return user.is_superuser or forbund.pk in (r.admin_forbund | r.styrelse_forbund)


def valbara_insatser(user, forbund):
    """Insatser the user may narrow the figures to."""
    qs = Insats.objects.filter(forbund=forbund)
    if ser_hela_forbundet(user, forbund):
        return qs
    return qs.filter(pk__in=roller(user).samordnare_insatser)


def far_se_exakta_tal(user, forbund, insats) -> bool:
    """Unsuppressed figures: the office for its förbund, a samordnare for own insats.
    Never the board: board material is a public document."""
    r = roller(user)
    if forbund.pk in r.admin_forbund:
        return True
    return insats is not None and insats.pk in r.samordnare_insatser


def far_skriva_rapport(user, forbund, insats) -> bool:
    """The förbundschef (administratör) for every report; a teamledare for the own insats."""
    from samverkan.models import Medlemskap

    if user.is_superuser or forbund.pk in roller(user).admin_forbund:
        return True
    if insats is None:
        return False
    return (
        Medlemskap.objects.filter(
            user=user, roll="samordnare", insats=insats, befattning="teamledare"
        )
        .aktiva()
        .exists()
    )


def kraver_mal_ekonomi_admin(actor, insats: Insats) -> None:
    """Goals and economy of an insats are the office's to write."""
    if not ar_admin_for(actor, insats.forbund_id):
        raise PermissionDenied(_("Du får inte ändra mål och ekonomi för den här insatsen."))
