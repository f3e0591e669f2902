"""Demo data: a fictitious förbund, its partners, two insatser and one user per role.

Idempotent: running it again changes nothing. Every name, address and number
here is invented.
"""

import contextlib
import datetime
import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from samverkan import audit
from samverkan.models import Forbund, Insats, Medlemskap, Organisation, Roll, User

DEMO_PASSWORD = "Demo-Samverkan-2026"  # noqa: S105 (printed for the demo on purpose)

FORBUND = {"organisationsnummer": "222000-0125", "namn": "Samordningsförbundet Exempeldalen"}

ORGANISATIONER = [
    ("af", "Arbetsförmedlingen Exempeldalen", "", ["arbetsformedlingen.example"]),
    ("fk", "Försäkringskassan Exempeldalen", "", ["forsakringskassan.example"]),
    ("kommun", "Exempeldalens kommun", "9901", ["exempeldalen.example"]),
    ("region", "Region Exempelland", "", ["regionexempelland.example"]),
]

INSATSER = [
    {
        "namn": "Samverkansteamet",
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
        "namn": "Unga vuxna i arbete",
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
     "Samverkansteamet", "teamledare", False),
    ("coach@exempeldalen.example", "Conny", "Coach", Roll.SAMORDNARE,
     "Unga vuxna i arbete", "coach", False),
    ("handlaggare@exempeldalen.example", "Hanna", "Handläggare", Roll.HANDLAGGARE,
     "Exempeldalens kommun", "", False),
    ("handlaggare@arbetsformedlingen.example", "Henrik", "Handläggare", Roll.HANDLAGGARE,
     "Arbetsförmedlingen Exempeldalen", "", False),
    ("admin@exempeldalen.example", "Anna", "Administratör", Roll.FORBUNDSADMIN, None, "", False),
    ("styrelse@exempeldalen.example", "Stig", "Styrelseledamot", Roll.STYRELSE, None, "", False),
    ("systemforvaltare@exempeldalen.example", "Sam", "Systemförvaltare", None, None, "", True),
]  # fmt: skip


# Loggers that would echo every step of the load: the audit trail's copy (a few hundred
# lines), each in-process Celery task, and kombu's note that eager mode has no broker.
TYSTA_LOGGAR = {"celery.app.trace": logging.WARNING, "kombu.connection": logging.ERROR}


@contextlib.contextmanager
def tyst():
    """While the demo loads, the terminal shows its progress and logins only: audit events
    are written to the database as always, just not echoed; the answers to the demo's
    fictitious referrers are not sent (the development mail backend would print them)."""
    loggar = {logging.getLogger(namn): niva for namn, niva in TYSTA_LOGGAR.items()}
    fore = {logger: logger.level for logger in loggar}
    try:
        for logger, niva in loggar.items():
            logger.setLevel(max(niva, logger.getEffectiveLevel()))
        with (
            audit.tyst_kopia(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        ):
            yield
    finally:
        for logger, niva in fore.items():
            logger.setLevel(niva)


class Command(BaseCommand):
    help = (
        "Lägger in fiktiva demodata: ett förbund, fyra partner, två insatser "
        "och en användare per roll."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Gör ingenting om databasen redan har ett förbund.",
        )
        parser.add_argument(
            "--utan-historik",
            action="store_true",
            help="Bara de handgjorda fallen: ingen tvåårshistorik och inga rapporter.",
        )

    def handle(self, *args, if_empty=False, utan_historik=False, **options):
        if not (settings.DEBUG or settings.TESTING or settings.SAMVERKAN_DEMO):
            raise CommandError(
                "Demodata har konton med ett publicerat lösenord och läggs aldrig in i "
                "produktion. Sätt DEBUG=True (utveckling) eller SAMVERKAN_DEMO=True (en "
                "demoserver)."
            )
        if if_empty and Forbund.objects.exists():
            self.stdout.write("Databasen har redan data; demodata läggs inte in.")
        else:
            with tyst():
                self._ladda(utan_historik)
        self.print_logins()

    def _ladda(self, utan_historik):
        self._load()
        self.stdout.write(self.style.SUCCESS("Demodata finns på plats."))
        # By name: the core does not import the deltagare app.
        call_command("demo_deltagare", stdout=self.stdout)
        call_command("demo_remisser", stdout=self.stdout)
        call_command("demo_enkater", stdout=self.stdout)
        if not utan_historik:
            # Two years of history behind the hand-made cases, for statistics and reports.
            call_command("demo_historik", stdout=self.stdout)
            call_command("demo_rapporter", stdout=self.stdout)
        # The board's meetings, protocols and applications (the styrelse app).
        call_command("demo_styrelse", stdout=self.stdout)

    @transaction.atomic
    def _load(self):
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
            insatser[namn], _ = Insats.objects.get_or_create(
                forbund=forbund, namn=namn, defaults=data
            )
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

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"Demoinloggningar (lösenord för alla: {DEMO_PASSWORD}):")
        for email, _fornamn, _efternamn, roll, scope, _befattning, superuser in ANVANDARE:
            role = "superanvändare" if superuser else Roll(roll).label
            where = f" – {scope}" if scope else ""
            self.stdout.write(f"  {email:<42} {role}{where}")
