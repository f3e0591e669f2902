"""The board's work through its services: application states, the two-huvudmän
rule, budget sums, decisions, grants into the economy, paragraph numbers."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from rapporter.models import Ekonomi
from rapporter.period import Period
from rapporter.selectors.ekonomi import ekonomi as ekonomitabell
from rapporter.selectors.finsam import finsam
from samverkan.models import AuditEvent, Forbund
from styrelse.models import Ansokan, Arende, Forbundsinstallning, Uppdrag
from styrelse.services import ansokan as a
from styrelse.services import protokoll as p
from styrelse.services import sammantrade as s
from styrelse.services.arende import arende_skapa
from styrelse.services.beslut import arende_besluta
from styrelse.services.common import innehaller_personnummer
from styrelse.services.paragraf import forsta_paragraf_satt, paragrafer_tilldela
from styrelse.services.uppdrag import uppdrag_aterrapportera, uppdrag_skapa
from tests.styrelse.conftest import mote, pa_dagordningen

S = Ansokan.Status


def _events(obj):
    return AuditEvent.objects.filter(object_id=str(obj.uuid))


def test_a_complete_application_is_sent_and_audited(ansokan, handlaggare):
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    ansokan.refresh_from_db()
    assert ansokan.status == S.INKOMMEN and ansokan.inkommen is not None
    assert _events(ansokan).filter(action="change", detail__status=["utkast", "inkommen"]).exists()
    # Sending twice sends once.
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    assert _events(ansokan).filter(detail__status=["utkast", "inkommen"]).count() == 1


def test_two_huvudman_are_required_with_a_clear_message(ansokan, handlaggare, huvudman):
    a.ansokan_spara_sektion(
        actor=handlaggare, ansokan=ansokan, sektion="genomforande", data={"huvudman": huvudman[:1]}
    )
    with pytest.raises(ValidationError) as fel:
        a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    assert "Minst två av förbundets huvudmän" in str(fel.value.message_dict["huvudman"])
    ansokan.refresh_from_db()
    assert ansokan.status == S.UTKAST


def test_budget_sums_and_net_are_computed(ansokan):
    rader = list(ansokan.budgetrader.all())
    assert [(r.ar, r.kostnader, r.netto) for r in rader] == [
        (2026, 120000, 120000),
        (2027, 270000, 230000),
    ]
    assert ansokan.sokt_totalt == 350000


def test_a_bad_budget_saves_nothing(ansokan, handlaggare):
    with pytest.raises(ValidationError):
        a.ansokan_spara_budget(
            actor=handlaggare,
            ansokan=ansokan,
            rader=[{"ar": 2026, "personal": 5}, {"ar": 2026, "personal": 6}],
        )
    with pytest.raises(ValidationError), transaction.atomic():
        a.ansokan_spara_budget(
            actor=handlaggare, ansokan=ansokan, rader=[{"ar": 2026, "personal": -5}]
        )
    assert ansokan.budgetrader.count() == 2


def test_organisationsnummer_check_digit(ansokan, handlaggare):
    with pytest.raises(ValidationError) as fel:
        a.ansokan_spara_sektion(
            actor=handlaggare,
            ansokan=ansokan,
            sektion="sokande",
            data={"organisationsnummer": "212000-0143"},
        )
    assert "Kontrollsiffran" in str(fel.value.message_dict["organisationsnummer"])
    ansokan.refresh_from_db()
    assert ansokan.organisationsnummer == "212000-0142"


def test_only_the_applicant_edits_and_not_after_sending(ansokan, handlaggare, forbundsadmin):
    with pytest.raises(PermissionDenied):
        a.ansokan_spara_sektion(
            actor=forbundsadmin, ansokan=ansokan, sektion="plan", data={"tidplan": "x"}
        )
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    with pytest.raises(ValidationError):
        a.ansokan_spara_sektion(
            actor=handlaggare, ansokan=ansokan, sektion="plan", data={"tidplan": "x"}
        )


def test_an_applicant_sees_own_applications_only(ansokan, handlaggare, forbundsadmin, styrelse):
    assert list(Ansokan.objects.for_user(handlaggare)) == [ansokan]
    # The office does not see a draft; the board not before the agenda.
    assert not Ansokan.objects.for_user(forbundsadmin).exists()
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    assert Ansokan.objects.for_user(forbundsadmin).exists()
    assert not Ansokan.objects.for_user(styrelse).exists()


def test_grant_flows_into_the_economy_table_and_finsam(
    ansokan, handlaggare, forbundsadmin, forbund, sammantrade
):
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    a.ansokan_borja_beredning(actor=forbundsadmin, ansokan=ansokan)
    a.ansokan_spara_beredning(
        actor=forbundsadmin,
        ansokan=ansokan,
        lsg_tillstyrkt=True,
        lsg_datum=datetime.date(2026, 2, 20),
        beredning="Tillstyrks.",
    )
    arende = arende_skapa(
        actor=forbundsadmin,
        sammantrade=sammantrade,
        typ=Arende.Typ.BESLUT,
        rubrik="Ansökan: Unga i fokus",
        ansokan=ansokan,
    )
    ansokan.refresh_from_db()
    assert ansokan.status == S.PA_DAGORDNINGEN
    arende_besluta(
        actor=forbundsadmin,
        arende=arende,
        utfall=Arende.Utfall.DELVIS,
        attsatser=["bevilja 300 000 kronor för perioden 2026-01-01 – 2027-12-31"],
        belopp_per_ar={2026: 100000, 2027: 200000},
        period_start=datetime.date(2026, 1, 1),
        period_slut=datetime.date(2027, 12, 31),
        villkor="under förutsättning att kommunen medfinansierar",
    )
    ansokan.refresh_from_db()
    assert ansokan.status == S.DELVIS_BEVILJAD
    assert ansokan.insats.namn == "Unga i fokus"
    assert "att bevilja 300 000" in ansokan.beslutstext
    ekonomi = {e.ar: int(e.beviljat) for e in Ekonomi.objects.filter(insats=ansokan.insats)}
    assert ekonomi == {2026: 100000, 2027: 200000}

    tabell = ekonomitabell(forbund=forbund, period=Period.fran_kod("2026"), insats=ansokan.insats)
    assert "100\u00a0000 kr" in tabell.beskrivning
    tabell = next(t for t in finsam(forbund=forbund, ar=2026) if t.nyckel == "finsam_ekonomi")
    rad = next(r for r in tabell.rader if r.etikett == "Unga i fokus")
    assert rad.varden["beviljat"] == 100000


def test_a_tillaggsansokan_adds_to_the_granted_funds(
    handlaggare, organisation, huvudman, forbundsadmin, sammantrade, insats
):
    Ekonomi.objects.create(insats=insats, ar=2026, beviljat=500000)
    ansokan = a.ansokan_skapa(actor=handlaggare, organisation=organisation, typ="tillagg")
    from tests.styrelse.conftest import fyll_ansokan

    fyll_ansokan(ansokan, handlaggare, huvudman)
    a.ansokan_spara_sektion(
        actor=handlaggare, ansokan=ansokan, sektion="insats", data={"insats": insats}
    )
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    arende = pa_dagordningen(forbundsadmin, ansokan, sammantrade)
    arende_besluta(
        actor=forbundsadmin,
        arende=arende,
        utfall=Arende.Utfall.BEVILJA,
        attsatser=["bevilja 80 000 kronor"],
        belopp_per_ar={2026: 80000},
        period_start=datetime.date(2026, 1, 1),
        period_slut=datetime.date(2026, 12, 31),
    )
    assert Ekonomi.objects.get(insats=insats, ar=2026).beviljat == 580000


@pytest.mark.parametrize(
    ("utfall", "status"),
    [(Arende.Utfall.AVSLA, S.AVSLAGEN), (Arende.Utfall.ATERREMITTERA, S.ATERREMITTERAD)],
)
def test_refusal_and_referral_back(
    ansokan, handlaggare, forbundsadmin, sammantrade, utfall, status
):
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    arende = pa_dagordningen(forbundsadmin, ansokan, sammantrade)
    arende_besluta(actor=forbundsadmin, arende=arende, utfall=utfall, attsatser=["avslå"])
    ansokan.refresh_from_db()
    assert ansokan.status == status
    assert not Ekonomi.objects.exists()
    if status == S.ATERREMITTERAD:
        # The applicant may complete it and send it again.
        a.ansokan_spara_sektion(
            actor=handlaggare, ansokan=ansokan, sektion="plan", data={"tidplan": "Ny plan"}
        )
        a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)


def test_a_grant_needs_amounts_and_period_and_saves_nothing_without(
    ansokan, handlaggare, forbundsadmin, sammantrade
):
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    arende = pa_dagordningen(forbundsadmin, ansokan, sammantrade)
    with pytest.raises(ValidationError) as fel:
        arende_besluta(actor=forbundsadmin, arende=arende, utfall="bevilja", attsatser=["bevilja"])
    assert "belopp_per_ar" in fel.value.message_dict
    arende.refresh_from_db()
    assert arende.beslutad is None and not arende.attsatser.exists()


def test_personnummer_in_decision_text_is_refused(forbundsadmin, sammantrade):
    arende = arende_skapa(
        actor=forbundsadmin, sammantrade=sammantrade, typ="beslut", rubrik="Dagordning"
    )
    with pytest.raises(ValidationError) as fel:
        arende_besluta(
            actor=forbundsadmin, arende=arende, attsatser=["ge 19850412-3456 ersättning"]
        )
    assert "personnummer" in str(fel.value.message_dict["attsatser"])
    assert innehaller_personnummer("850412-3455")
    assert not innehaller_personnummer("Organisationsnummer 212000-0142, 600 000 kronor")


def test_paragraphs_run_on_across_meetings(forbundsadmin, forbund, ledamot):
    forsta_paragraf_satt(actor=forbundsadmin, forbund=forbund, senaste=625)
    forsta = mote(forbundsadmin, forbund, ledamot, datum=datetime.date(2026, 2, 1))
    andra = mote(forbundsadmin, forbund, ledamot, datum=datetime.date(2026, 4, 1))
    for m, antal in ((forsta, 3), (andra, 2)):
        for i in range(antal):
            arende = arende_skapa(
                actor=forbundsadmin, sammantrade=m, typ="beslut", rubrik=f"Punkt {i}"
            )
            arende_besluta(actor=forbundsadmin, arende=arende, attsatser=["godkänna"])
        p.protokoll_uppratta(actor=forbundsadmin, sammantrade=m)
    assert list(forsta.arenden.values_list("paragraf", flat=True)) == [626, 627, 628]
    assert list(andra.arenden.values_list("paragraf", flat=True)) == [629, 630]
    # Drawing up again changes nothing; numbers are never reused.
    p.protokoll_uppratta(actor=forbundsadmin, sammantrade=forsta)
    assert Forbundsinstallning.objects.get(forbund=forbund).senaste_paragraf == 630
    with pytest.raises(ValidationError):
        forsta_paragraf_satt(actor=forbundsadmin, forbund=forbund, senaste=600)


def test_the_database_refuses_a_paragraph_twice(forbundsadmin, sammantrade):
    arende = arende_skapa(
        actor=forbundsadmin, sammantrade=sammantrade, typ="information", rubrik="Info"
    )
    annat = arende_skapa(
        actor=forbundsadmin, sammantrade=sammantrade, typ="information", rubrik="Mer info"
    )
    Arende.objects.filter(pk=arende.pk).update(paragraf=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        Arende.objects.filter(pk=annat.pk).update(paragraf=7)


def test_protocol_needs_decisions_and_justerare(forbundsadmin, sammantrade):
    arende_skapa(actor=forbundsadmin, sammantrade=sammantrade, typ="beslut", rubrik="Punkt")
    with pytest.raises(ValidationError):
        p.protokoll_uppratta(actor=forbundsadmin, sammantrade=sammantrade)
    assert not sammantrade.arenden.filter(paragraf__isnull=False).exists()


def test_only_the_office_records(styrelse, sammantrade, forbund):
    with pytest.raises(PermissionDenied):
        arende_skapa(actor=styrelse, sammantrade=sammantrade, typ="beslut", rubrik="x")
    with pytest.raises(PermissionDenied):
        s.sammantrade_skapa(
            actor=styrelse,
            forbund=forbund,
            datum=datetime.date(2026, 1, 1),
            starttid=datetime.time(9),
            plats="x",
        )


def test_uppdrag_is_followed_until_reported_back(forbundsadmin, forbund, ledamot):
    forsta = mote(forbundsadmin, forbund, ledamot, datum=datetime.date(2026, 2, 1))
    nasta = mote(forbundsadmin, forbund, ledamot, datum=datetime.date(2026, 4, 1))
    arende = arende_skapa(
        actor=forbundsadmin, sammantrade=forsta, typ="beslut", rubrik="Socialt företagande"
    )
    uppdrag = uppdrag_skapa(
        actor=forbundsadmin,
        arende=arende,
        text="att till nästa möte återkomma med förslag",
        aterrapport_till=nasta,
    )
    assert list(Uppdrag.objects.filter(aterrapporterat_i__isnull=True)) == [uppdrag]
    svar = arende_skapa(
        actor=forbundsadmin, sammantrade=nasta, typ="information", rubrik="Återrapport"
    )
    uppdrag_aterrapportera(actor=forbundsadmin, uppdrag=uppdrag, arende=svar)
    assert not Uppdrag.objects.filter(aterrapporterat_i__isnull=True).exists()


def _i_egen_anslutning(fn):
    """Run fn in a thread, with its own database connection, committing."""
    resultat, fel = [], []

    def kor():
        try:
            resultat.append(fn())
        except Exception as exc:  # handed to the test
            fel.append(exc)
        finally:
            connection.close()

    t = threading.Thread(target=kor)
    t.start()
    return t, resultat, fel


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for a writer: there is no row lock to race",
)
def test_two_concurrent_protocol_sessions_never_share_a_paragraph(db):
    """Two sessions take numbers at the same time. The counter row's lock makes
    the second wait; the numbers are disjoint and consecutive."""
    forbund_ids = []
    t, res, fel = _i_egen_anslutning(
        lambda: Forbund.objects.create(namn="Samtidiga", organisationsnummer="556677-8899").pk
    )
    t.join()
    assert not fel, fel
    forbund_id = res[0]
    forbund_ids.append(forbund_id)
    try:
        start = threading.Barrier(2)
        tagna = []

        def ta(antal):
            def fn():
                start.wait()
                with transaction.atomic():
                    nummer = paragrafer_tilldela(forbund_id=forbund_id, antal=antal)
                    # Hold the lock a moment: the other session must wait, not collide.
                    import time

                    time.sleep(0.2)
                return list(nummer)

            return fn

        tradar = [_i_egen_anslutning(ta(3)), _i_egen_anslutning(ta(4))]
        for t, res, fel in tradar:
            t.join(timeout=30)
            assert not fel, fel
            tagna.extend(res[0])
        assert sorted(tagna) == list(range(1, 8))
    finally:

        def stada():
            Forbundsinstallning.objects.filter(forbund_id=forbund_id).delete()
            Forbund.objects.filter(pk=forbund_id).delete()

        t, _res, fel = _i_egen_anslutning(stada)
        t.join()
        assert not fel, fel
