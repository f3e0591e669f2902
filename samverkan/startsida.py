"""The start page's panels: each role starts where its work is.

The core does not import the apps that hold the work (deltagare, remisser,
rapporter), so each app registers its own panel here from its
`AppConfig.ready()`: a template and a function of the request that returns the
template's context (or None when there is nothing to show). The start page
groups the panels by role and shows the sections of every role the user holds.

A provider runs a fixed number of queries whatever the amount of data (the
start page asserts a ceiling per role) and writes the same audit events as
the page it summarises.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from samverkan.models import Roll
from samverkan.permissions import roller

# The sections of the start page, in this order, and their headings.
SEKTIONER = (
    (Roll.SAMORDNARE, _("Ditt arbete i insatserna")),
    (Roll.HANDLAGGARE, _("Dina remisser")),
    (Roll.FORBUNDSADMIN, _("Kansliets inkorg")),
    (Roll.STYRELSE, _("Styrelsen")),
)


@dataclass(frozen=True)
class Panel:
    namn: str
    roll: str
    mall: str
    innehall: Callable
    ordning: int = 100


_paneler: dict[str, Panel] = {}


def registrera(*, namn: str, roll: str, mall: str, innehall: Callable, ordning: int = 100):
    """Add (or replace, by name) a panel shown to users who hold `roll`.

    `innehall(request)` returns the template's context as a dict, or None to
    leave the panel out for this user.
    """
    if roll not in Roll.values:
        raise ValueError(f"Okänd roll {roll!r}")
    _paneler[namn] = Panel(namn=namn, roll=roll, mall=mall, innehall=innehall, ordning=ordning)


def avregistrera(namn: str) -> None:
    _paneler.pop(namn, None)


def mina_insatser(request) -> list:
    """The insatser the user works in as staff, read once per request: the page and the
    coordinator's panel both need them."""
    if not hasattr(request, "_startsida_insatser"):
        from samverkan.models import Insats

        request._startsida_insatser = (
            list(Insats.objects.staff_of(request.user).select_related("forbund").order_by("namn"))
            if roller(request.user).ar_samordnare
            else []
        )
    return request._startsida_insatser


@dataclass(frozen=True)
class VisadPanel:
    namn: str
    mall: str
    context: dict


@dataclass(frozen=True)
class Sektion:
    roll: str
    rubrik: str
    paneler: list


def sektioner(request) -> list[Sektion]:
    """The sections for the user's roles, each with the panels that have something."""
    r = roller(request.user)
    har = {
        Roll.SAMORDNARE: r.ar_samordnare,
        Roll.HANDLAGGARE: r.ar_handlaggare,
        Roll.FORBUNDSADMIN: r.ar_forbundsadmin,
        Roll.STYRELSE: r.ar_styrelse,
    }
    resultat = []
    for roll, rubrik in SEKTIONER:
        if not har[roll]:
            continue
        visade = []
        for panel in sorted(
            (p for p in _paneler.values() if p.roll == roll), key=lambda p: (p.ordning, p.namn)
        ):
            context = panel.innehall(request)
            if context is not None:
                visade.append(VisadPanel(namn=panel.namn, mall=panel.mall, context=context))
        if visade:
            resultat.append(Sektion(roll=roll, rubrik=rubrik, paneler=visade))
    return resultat


# --- the core's own panel -------------------------------------------------------------


def logggranskning(request):
    """The office's reviews of the audit trail: when the next one is due."""
    from django.utils import timezone

    from samverkan.logg import granskningar_att_gora

    return {"granskningar": granskningar_att_gora(request.user, timezone.localdate())}


def registrera_karnans():
    registrera(
        namn="samverkan.logggranskning",
        roll=Roll.FORBUNDSADMIN,
        mall="samverkan/start_logggranskning.html",
        innehall=logggranskning,
        ordning=90,
    )
