"""The roles a user holds today, read once per request. Apart from the permissions so
that the audit trail can file an event under the actor's förbund without importing
the permissions, which write audit events."""

from dataclasses import dataclass

from samverkan.models import Medlemskap, Roll


@dataclass(frozen=True)
class Roller:
    """The roles a user holds today, read once per request."""

    samordnare_insatser: frozenset
    handlaggare_organisationer: frozenset
    admin_forbund: frozenset
    styrelse_forbund: frozenset
    forbund: frozenset

    @property
    def ar_samordnare(self):
        return bool(self.samordnare_insatser)

    @property
    def ar_handlaggare(self):
        return bool(self.handlaggare_organisationer)

    @property
    def ar_forbundsadmin(self):
        return bool(self.admin_forbund)

    @property
    def ar_styrelse(self):
        return bool(self.styrelse_forbund)


_EMPTY = Roller(frozenset(), frozenset(), frozenset(), frozenset(), frozenset())


def roller(user) -> Roller:
    if user is None or not user.is_authenticated:
        return _EMPTY
    cached = getattr(user, "_samverkan_roller", None)
    if cached is not None:
        return cached
    rows = list(
        Medlemskap.objects.filter(user=user)
        .aktiva()
        .values_list("roll", "forbund_id", "insats_id", "organisation_id")
    )
    result = Roller(
        samordnare_insatser=frozenset(i for r, _f, i, _o in rows if r == Roll.SAMORDNARE),
        handlaggare_organisationer=frozenset(o for r, _f, _i, o in rows if r == Roll.HANDLAGGARE),
        admin_forbund=frozenset(f for r, f, _i, _o in rows if r == Roll.FORBUNDSADMIN),
        styrelse_forbund=frozenset(f for r, f, _i, _o in rows if r == Roll.STYRELSE),
        forbund=frozenset(f for _r, f, _i, _o in rows),
    )
    user._samverkan_roller = result
    return result
