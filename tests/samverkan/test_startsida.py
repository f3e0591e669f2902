"""The start page: each role starts where its work is (samverkan/startsida.py and the
panels the apps register), with a fixed query ceiling per role and the same audit
events as the pages it summarises."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from deltagare import services
from deltagare.koder import Forsorjning
from rapporter.models import Rapport, RapportStatus
from rapporter.period import Period
from remisser.models import AvbojdOrsak, Remiss, Status
from samverkan import startsida
from samverkan.models import AuditEvent, Logggranskning, Roll
from tests.conftest import with_totp
from tests.deltagare.conftest import PERSON, SUS, ge_samtycke
from tests.factories import InsatsFactory, MedlemskapFactory, UserFactory

IDAG = timezone.localdate()


def dagar(n):
    return IDAG + datetime.timedelta(days=n)


def html(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


# --- the registry ---------------------------------------------------------------------


def test_a_panel_shows_only_to_its_role_and_an_unknown_role_is_refused(client_for, insats):
    startsida.registrera(
        namn="test.styrelse",
        roll=Roll.STYRELSE,
        mall="samverkan/test_startpanel.html",
        innehall=lambda request: {"text": "Endast för styrelsen"},
    )
    try:
        assert "Endast för styrelsen" in html(client_for("styrelse"))
        assert "Endast för styrelsen" not in html(client_for("samordnare"))
    finally:
        startsida.avregistrera("test.styrelse")
    with pytest.raises(ValueError):
        startsida.registrera(namn="x", roll="okand", mall="x.html", innehall=lambda r: {})


def test_a_user_with_several_roles_sees_each_section(client, forbund, insats, organisation):
    user = UserFactory()
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    MedlemskapFactory(user=user, roll=Roll.HANDLAGGARE, insats=None, organisation=organisation)
    MedlemskapFactory(user=user, roll=Roll.FORBUNDSADMIN, insats=None, forbund=forbund)
    MedlemskapFactory(user=user, roll=Roll.STYRELSE, insats=None, forbund=forbund)
    client.force_login(with_totp(user))  # staff roles require TOTP
    response = client.get("/")
    assert [s.roll for s, _paneler in response.context["sektioner"]] == [
        Roll.SAMORDNARE,
        Roll.HANDLAGGARE,
        Roll.FORBUNDSADMIN,
        Roll.STYRELSE,
    ]
    page = response.content.decode()
    for rubrik in ("Ditt arbete i insatserna", "Dina remisser", "Kansliets inkorg", "Styrelsen"):
        assert f">{rubrik}</h2>" in page


def test_each_single_role_sees_only_its_own_section(client_for, insats):
    for role, rubrik in (
        ("samordnare", "Ditt arbete i insatserna"),
        ("handlaggare", "Dina remisser"),
        ("forbundsadmin", "Kansliets inkorg"),
        ("styrelse", "Styrelsen"),
    ):
        sections = client_for(role).get("/").context["sektioner"]
        assert [str(s.rubrik) for s, _p in sections] == [rubrik], role


# --- the coordinator ------------------------------------------------------------------


def _inskriv(samordnare, kollega, insats, remittent, datum, namn):
    fall = services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person={**PERSON, "personnummer": "", "fornamn": namn},
        aktualiserad=datum - datetime.timedelta(days=7),
        remittent_organisation=remittent,
    )
    ge_samtycke(samordnare, fall, [remittent], givet=datum - datetime.timedelta(days=7))
    return services.inskrivning_skriv_in(
        actor=samordnare,
        inskrivning=fall,
        datum=datum,
        kontaktperson=samordnare,
        kontaktperson2=kollega,
        sus=dict(SUS),
        forsorjning=[Forsorjning.FORSORJNINGSSTOD],
    )


def test_the_coordinator_sees_overdue_due_and_later_items_in_words(
    client_for, samordnare, kollega, insats, remittent
):
    # Talks and the referrer contact fall due 30 days after inskrivning.
    _inskriv(samordnare, kollega, insats, remittent, dagar(-40), "Försenadsson")
    _inskriv(samordnare, kollega, insats, remittent, dagar(-26), "Veckosson")
    _inskriv(samordnare, kollega, insats, remittent, dagar(-5), "Senaresson")
    response = client_for("samordnare").get("/")
    [[_sektion, _paneler]] = response.context["sektioner"]
    page = response.content.decode()
    rader = {
        namn: page.split(namn)[0].rsplit("<tr>", 1)[1]
        for namn in ("Försenadsson", "Veckosson", "Senaresson")
    }
    # The state is written out, not only coloured.
    assert ">Försenad</span>" in rader["Försenadsson"]
    assert ">Inom en vecka</span>" in rader["Veckosson"]
    assert ">Senare</span>" in rader["Senaresson"]
    # Own cases by step, and the way to the full overview.
    assert "Där du är kontaktperson" in page and "Ärenden per steg" in page
    assert reverse("deltagare:oversikt") in page


def test_the_start_page_writes_the_same_audit_events_as_the_overview(
    client_for, samordnare, kollega, insats, remittent
):
    fall = _inskriv(samordnare, kollega, insats, remittent, dagar(-40), "Granskadsson")
    client = client_for("samordnare")
    client.get("/")  # the session's once-a-minute write

    def handelser(url):
        fore = AuditEvent.objects.count()
        page = client.get(url).content.decode()
        assert fall.get_absolute_url() in page  # the participant is shown
        return [
            (e.action, e.deltagare_uuid, e.object_type)
            for e in AuditEvent.objects.order_by("pk")[fore:]
        ]

    assert handelser("/") == handelser(reverse("deltagare:oversikt"))


# --- the referrer ---------------------------------------------------------------------


def _remiss(insats, organisation, handlaggare, status, **extra):
    tid = timezone.now()
    data = {"inkommen": tid} if status != Status.UTKAST else {}
    if status in (Status.ANTAGEN, Status.AVBOJD):
        data["beslutad"] = tid
    if status == Status.AVBOJD:
        data["avbojd_orsak"] = AvbojdOrsak.KAPACITET
    return Remiss.objects.create(
        insats=insats,
        organisation=organisation,
        handlaggare=handlaggare,
        status=status,
        **{**data, **extra},
    )


def test_the_referrer_sees_drafts_completions_and_recent_decisions(
    client_for, handlaggare, insats, organisation
):
    remiss = _remiss  # shorthand
    remiss(insats, organisation, handlaggare, Status.UTKAST, fornamn="Utkastina")
    remiss(insats, organisation, handlaggare, Status.KOMPLETTERING, fornamn="Kompletteria",
           komplettering_begard=timezone.now())  # fmt: skip
    remiss(insats, organisation, handlaggare, Status.AVBOJD, fornamn="Nybeskeda")
    remiss(insats, organisation, handlaggare, Status.ANTAGEN, fornamn="Gammelbeskeda",
           beslutad=timezone.now() - datetime.timedelta(days=60))  # fmt: skip
    remiss(insats, organisation, handlaggare, Status.INKOMMEN, fornamn="Vantanda")
    remiss(insats, organisation, UserFactory(), Status.UTKAST, fornamn="Kollegas")
    page = html(client_for("handlaggare"))
    assert page.index("Kompletteria") < page.index("Utkastina") < page.index("Nybeskeda")
    for inte in ("Gammelbeskeda", "Vantanda", "Kollegas"):
        assert inte not in page
    assert "Komplettera" in page and "Utkast, inte skickat" in page and "Besked:" in page


# --- the office -----------------------------------------------------------------------


def test_the_office_sees_late_remisser_as_counts_reports_to_publish_and_log_reviews(
    client_for, forbund, forbundsadmin, handlaggare, insats, organisation, annat_forbund
):
    late = timezone.now() - datetime.timedelta(days=insats.svarsfrist_dagar + 3)
    _remiss(insats, organisation, handlaggare, Status.INKOMMEN, fornamn="Sen", inkommen=late)
    # Paused for completion long enough: still within the deadline.
    _remiss(insats, organisation, handlaggare, Status.UNDER_BEDOMNING, inkommen=late,
            pausad_dagar=5)  # fmt: skip
    _remiss(insats, organisation, handlaggare, Status.INKOMMEN)
    annan = InsatsFactory(forbund=annat_forbund, namn="Annan insats")
    Remiss.objects.create(
        insats=annan,
        organisation=organisation,
        handlaggare=handlaggare,
        status=Status.INKOMMEN,
        inkommen=late,
    )
    kvartal = Period.senaste_hela_kvartal(IDAG)
    Rapport.objects.create(
        forbund=forbund,
        typ="kvartal",
        period_start=kvartal.start,
        period_slut=kvartal.slut,
        skapad_av=forbundsadmin,
    )
    client = client_for("forbundsadmin")
    response = client.get("/")
    page = response.content.decode()
    [[sektion, _paneler]] = response.context["sektioner"]
    assert sektion.roll == Roll.FORBUNDSADMIN
    rad = page.split(f">{insats.namn}</a></th>")[1].split("</tr>")[0]
    assert ">3<" in rad and "1 försenad" in rad
    assert "Annan insats" not in page and "Sen" not in page.split("Kansliets inkorg")[1]
    assert "Utkast" in page and f"Kvartalsrapporten för {kvartal.kod} är inte publicerad" in page
    assert "ingen granskning av loggen är registrerad" in page

    forbund.logggranskning_dagar = 30
    forbund.save()
    granskning = {"granskad_av": forbundsadmin, "urval": "Alla", "fynd": "Inget"}
    Logggranskning.objects.create(forbund=forbund, granskad=dagar(-40), period_fran=dagar(-70),
                                  period_till=dagar(-40), **granskning)  # fmt: skip
    assert ">Försenad</span>" in html(client).split("Logguppföljning")[1]
    Logggranskning.objects.create(forbund=forbund, granskad=dagar(-2), period_fran=dagar(-40),
                                  period_till=dagar(-2), **granskning)  # fmt: skip
    page = html(client)
    assert f"nästa granskning senast {dagar(28).isoformat()}" in page
    assert ">Försenad</span>" not in page.split("Logguppföljning")[1]


# --- the board ------------------------------------------------------------------------


def test_the_board_sees_the_latest_published_reports(client_for, forbund, forbundsadmin):
    for n, status in enumerate([RapportStatus.PUBLICERAD] * 6 + [RapportStatus.UTKAST]):
        kvartal = Period.kvartal(2024 + n // 4, n % 4 + 1)
        publicerad = status == RapportStatus.PUBLICERAD
        Rapport.objects.create(
            forbund=forbund,
            typ="kvartal",
            period_start=kvartal.start,
            period_slut=kvartal.slut,
            status=status,
            skapad_av=forbundsadmin,
            fil="rapporter/x.pdf" if publicerad else "",
            sha256="0" * 64 if publicerad else "",
            publicerad=timezone.now() if publicerad else None,
        )
    response = client_for("styrelse").get("/")
    [[_sektion, _paneler]] = response.context["sektioner"]
    page = response.content.decode()
    assert page.count("Ladda ner PDF") == 5
    assert "2025-04-01 – 2025-06-30" in page  # the latest published
    assert "2024-01-01 – 2024-03-31" not in page  # the oldest: one of six left out
    assert "2025-07-01" not in page  # the draft


# --- query ceilings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "ceiling"),
    [("samordnare", 15), ("handlaggare", 6), ("forbundsadmin", 10), ("styrelse", 6)],
)
def test_the_start_page_has_a_fixed_query_ceiling_per_role(
    client_for, role, ceiling, samordnare, kollega, handlaggare, forbundsadmin, forbund,
    insats, organisation, remittent, django_assert_max_num_queries,
):  # fmt: skip
    client = client_for(role)
    client.get("/")  # the session's once-a-minute write (SessionLifetimeMiddleware)
    for n in range(3):  # grow every kind of data the panels read; the ceiling stays put
        for k in range(3):
            _inskriv(samordnare, kollega, insats, remittent, dagar(-10 * k - 3), f"Namn{n}{k}")
            _remiss(insats, organisation, handlaggare, Status.INKOMMEN)
            _remiss(insats, organisation, handlaggare, Status.UTKAST)
            _remiss(insats, organisation, handlaggare, Status.AVBOJD)
        kvartal = Period.kvartal(2020 + n, 1)
        Rapport.objects.create(
            forbund=forbund,
            typ="kvartal",
            period_start=kvartal.start,
            period_slut=kvartal.slut,
            status=RapportStatus.PUBLICERAD,
            skapad_av=forbundsadmin,
            fil="rapporter/x.pdf",
            sha256="0" * 64,
            publicerad=timezone.now(),
        )
        Rapport.objects.create(
            forbund=forbund,
            typ="kvartal",
            period_start=kvartal.start,
            period_slut=kvartal.slut,
            version=2,
            skapad_av=forbundsadmin,
        )
        with django_assert_max_num_queries(ceiling):
            assert client.get("/").status_code == 200
