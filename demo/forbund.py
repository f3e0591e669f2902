"""The demo förbund: its partners, two insatser and one user per role.

Every name, address and number here is invented.
"""

import datetime

from django.db import transaction

from samverkan.models import Forbund, Insats, Medlemskap, Organisation, Roll, User

DEMO_PASSWORD = "Demo-Samverkan-2026"  # noqa: S105 (printed for the demo on purpose)

SAMVERKANSTEAMET = "Samverkansteamet"
UNGA_VUXNA = "Unga vuxna i arbete"
# The staff member of each hand-made insats who registers and decides for the team.
TEAMLEDARE = {
    SAMVERKANSTEAMET: "samordnare@exempeldalen.example",
    UNGA_VUXNA: "coach@exempeldalen.example",
}

FORBUND = {"organisationsnummer": "222000-0125", "namn": "Samordningsförbundet Exempeldalen"}

ORGANISATIONER = [
    ("af", "Arbetsförmedlingen Exempeldalen", "", ["arbetsformedlingen.example"]),
    ("fk", "Försäkringskassan Exempeldalen", "", ["forsakringskassan.example"]),
    ("kommun", "Exempeldalens kommun", "9901", ["exempeldalen.example"]),
    ("region", "Region Exempelland", "", ["regionexempelland.example"]),
]

INSATSER = [
    {
        "namn": SAMVERKANSTEAMET,
        "typ": Insats.Typ.INDIVID,
        "beskrivning": "Samordnad rehabilitering för personer som behöver stöd från flera "
        "myndigheter för att närma sig arbete eller studier.",
        "startdatum": datetime.date(2024, 1, 1),
        "malgrupp_alder_min": 18,
        "malgrupp_alder_max": 64,
        "inklusionskriterier": "Aktuell hos minst två av myndigheterna. Motiverad att delta.",
        "exklusionskriterier": "Pågående missbruk. Hot eller våld. För sjuk för att delta just nu.",
        "informationsmote_forst": True,
        "min_antal_myndigheter": 2,
    },
    {
        "namn": UNGA_VUXNA,
        "typ": Insats.Typ.INDIVID,
        "beskrivning": "Ungdomsspår med coachning, praktik och studiebesök.",
        "startdatum": datetime.date(2025, 1, 1),
        "malgrupp_alder_min": 16,
        "malgrupp_alder_max": 29,
        "inklusionskriterier": "16–29 år, utan arbete eller studier.",
        "exklusionskriterier": "Pågående missbruk.",
        "informationsmote_forst": False,
        "min_antal_myndigheter": 1,
        "aldersband": [[16, 19], [20, 24], [25, 29]],
    },
]

# (e-mail, förnamn, efternamn, roll, scope, befattning, superuser)
ANVANDARE = [
    ("samordnare@exempeldalen.example", "Sara", "Samordnare", Roll.SAMORDNARE,
     SAMVERKANSTEAMET, "teamledare", False),
    ("coach@exempeldalen.example", "Conny", "Coach", Roll.SAMORDNARE,
     UNGA_VUXNA, "coach", False),
    ("handlaggare@exempeldalen.example", "Hanna", "Handläggare", Roll.HANDLAGGARE,
     "Exempeldalens kommun", "", False),
    ("handlaggare@arbetsformedlingen.example", "Henrik", "Handläggare", Roll.HANDLAGGARE,
     "Arbetsförmedlingen Exempeldalen", "", False),
    ("admin@exempeldalen.example", "Anna", "Administratör", Roll.FORBUNDSADMIN, None, "", False),
    ("styrelse@exempeldalen.example", "Stig", "Styrelseledamot", Roll.STYRELSE, None, "", False),
    ("systemforvaltare@exempeldalen.example", "Sam", "Systemförvaltare", None, None, "", True),
]  # fmt: skip


@transaction.atomic
def ladda() -> Forbund:
    """The förbund, its partners, insatser and users, created where missing."""
    forbund, _ = Forbund.objects.get_or_create(
        organisationsnummer=FORBUND["organisationsnummer"], defaults={"namn": FORBUND["namn"]}
    )
    organisationer = {}
    for typ, namn, kommunkod, domaner in ORGANISATIONER:
        organisationer[namn], _ = Organisation.objects.get_or_create(
            forbund=forbund,
            namn=namn,
            defaults={"typ": typ, "kommunkod": kommunkod, "epostdomaner": domaner},
        )
    insatser = {}
    for data in INSATSER:
        data = dict(data)
        namn = data.pop("namn")
        insatser[namn], _ = Insats.objects.get_or_create(forbund=forbund, namn=namn, defaults=data)
    for email, fornamn, efternamn, roll, scope, befattning, superuser in ANVANDARE:
        user = User.objects.filter(email=email).first()
        if user is None:
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(email, DEMO_PASSWORD, fornamn=fornamn, efternamn=efternamn)
        if roll is None:
            continue
        Medlemskap.objects.get_or_create(
            user=user,
            roll=roll,
            forbund=forbund,
            insats=insatser.get(scope),
            organisation=organisationer.get(scope),
            defaults={"befattning": befattning, "giltig_fran": datetime.date(2024, 1, 1)},
        )
    return forbund


def handgjorda_insatser(forbund) -> dict[str, Insats]:
    """The two hand-made insatser, by name."""
    return {i.namn: i for i in Insats.objects.filter(forbund=forbund, namn__in=TEAMLEDARE)}


def medlem(forbund, roll) -> User:
    """The förbund's first demo user with the role."""
    return (
        Medlemskap.objects.filter(forbund=forbund, roll=roll)
        .select_related("user")
        .order_by("pk")
        .first()
        .user
    )


def skriv_inloggningar(stdout) -> None:
    stdout.write("")
    stdout.write(f"Demoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
    for email, _fornamn, _efternamn, roll, scope, _befattning, superuser in ANVANDARE:
        role = "superanvändare" if superuser else Roll(roll).label
        where = f" – {scope}" if scope else ""
        stdout.write(f"  {email:<42} {role}{where}")
