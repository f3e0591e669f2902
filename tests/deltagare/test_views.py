"""The coordinators' pages over HTTP: the five steps through the forms, errors, audit, queries."""

import datetime

import pytest
from django.urls import reverse

from deltagare.koder import Steg
from deltagare.models import Deltagare, Inskrivning
from samverkan.models import AuditEvent
from tests.deltagare.conftest import DAG, PERSON, SUS, samtal

A = AuditEvent.Action


def url(name, inskrivning, **kw):
    return reverse(f"deltagare:{name}", kwargs={"uuid": inskrivning.uuid, **kw})


AKTUALISERING = {
    "fornamn": "Nina",
    "efternamn": "Exempelsson",
    "personnummer": "19900101-1239",  # checked below to be Luhn-valid
    "kon": "kvinna",
    "aktualiserad": "2026-03-02",
    "telefon": "070-000 00 01",
}


@pytest.fixture
def coordinator(client, samordnare, insats):
    client.force_login(samordnare)
    return client


def test_the_example_personnummer_is_valid():
    from deltagare.personnummer import parse

    assert parse(AKTUALISERING["personnummer"]).nummer == "199001011239"


def test_aktualisering_through_the_form(coordinator, insats, remittent):
    data = {**AKTUALISERING, "insats": insats.pk, "remittent_organisation": remittent.pk}
    response = coordinator.post(reverse("deltagare:aktualisering"), data)
    inskrivning = Inskrivning.objects.get()
    assert response["Location"] == url("inskrivning-detail", inskrivning)
    assert inskrivning.deltagare.personnummer == "199001011239"
    assert inskrivning.deltagare.fodelsedatum == datetime.date(1990, 1, 1)
    assert "199001011239" not in response["Location"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"personnummer": "19900101-1238"}, "personnummer", "Kontrollsiffran stämmer inte"),
        ({"personnummer": "19900230-1234"}, "personnummer", "Datumet i personnumret finns inte"),
        ({"personnummer": "abc"}, "personnummer", "Skriv personnumret som"),
        # Serial 000 is never given out (the check digit of 900101-000 is 9).
        ({"personnummer": "19900101-0009"}, "personnummer", "kan inte vara noll"),
        ({"personnummer": "18900101-1239"}, "personnummer", "ålder över 120 år"),
        (
            {"personnummer": "", "saknar_personnummer": "on", "fodelsedatum": "1890-01-01"},
            "fodelsedatum",
            "ålder över 120 år",
        ),
        (
            {"personnummer": "", "saknar_personnummer": "on", "fodelsedatum": "2999-01-01"},
            "fodelsedatum",
            "framtiden",
        ),
        ({"personnummer": ""}, "personnummer", "Ange personnummer"),
        ({"personnummer": "", "saknar_personnummer": "on"}, "fodelsedatum", "Ange födelsedatum"),
        ({"fornamn": ""}, "fornamn", "Detta fält måste fyllas i."),
        ({"epost": "inte-en-adress"}, "epost", "giltig e-postadress"),
        ({"aktualiserad": "2999-01-01"}, "aktualiserad", "framtiden"),
        ({"folkbokforingskommun": "12"}, "folkbokforingskommun", "fyra siffror"),
        ({"kon": "okänt"}, "kon", "giltigt alternativ"),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_is_saved(
    coordinator, insats, change, field, message
):
    response = coordinator.post(
        reverse("deltagare:aktualisering"), {**AKTUALISERING, "insats": insats.pk, **change}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in e for e in errors.get(field, [])), errors
    assert not Deltagare.objects.exists() and not Inskrivning.objects.exists()


def test_duplicate_shows_the_match_and_can_be_linked(coordinator, aktualiserad, insats):
    data = {
        **AKTUALISERING,
        **{k: PERSON[k] for k in ("fornamn", "efternamn")},
        "personnummer": PERSON["personnummer"],
        "insats": insats.pk,
    }
    response = coordinator.post(reverse("deltagare:aktualisering"), data)
    assert response.status_code == 200
    assert "Personen finns redan registrerad" in response.content.decode()
    assert Inskrivning.objects.count() == 1


def test_detail_page_writes_a_read_event_and_hides_protected_contacts(
    client, aktualiserad, samordnare, kollega
):
    d = aktualiserad.deltagare
    d.skyddade_personuppgifter = True
    d.save()
    client.force_login(kollega)
    html = client.get(url("inskrivning-detail", aktualiserad)).content.decode()
    assert "Skyddade personuppgifter" in html
    assert PERSON["telefon"] not in html and PERSON["adress"] not in html
    event = AuditEvent.objects.filter(action=A.READ, actor=kollega).get()
    assert event.deltagare_uuid == d.uuid


def test_contact_person_sees_protected_contacts(client, inskriven, samordnare):
    d = inskriven.deltagare
    d.skyddade_personuppgifter = True
    d.save()
    client.force_login(samordnare)
    assert PERSON["telefon"] in client.get(url("inskrivning-detail", inskriven)).content.decode()


def test_search_keeps_the_personnummer_out_of_the_url(coordinator, aktualiserad):
    response = coordinator.post(reverse("deltagare:sok"), {"q": PERSON["personnummer"]})
    location = response["Location"]
    assert PERSON["personnummer"] not in location and PERSON["personnummer"][2:] not in location
    page = coordinator.get(location)
    assert [i.pk for i in page.context["page_obj"].object_list] == [aktualiserad.pk]
    page = coordinator.get(reverse("deltagare:inskrivning-list") + "?sok=okand-token")
    assert len(page.context["page_obj"].object_list) == 1  # unknown token: no filter


def test_search_by_name(coordinator, aktualiserad):
    location = coordinator.post(reverse("deltagare:sok"), {"q": "deltagars"})["Location"]
    assert len(coordinator.get(location).context["page_obj"].object_list) == 1
    location = coordinator.post(reverse("deltagare:sok"), {"q": "Nobody"})["Location"]
    assert len(coordinator.get(location).context["page_obj"].object_list) == 0


def test_skriv_in_without_consent_is_refused_above_the_form(
    coordinator, aktualiserad, samordnare, kollega
):
    data = {
        "datum": "2026-03-09",
        "kontaktperson": samordnare.pk,
        "kontaktperson2": kollega.pk,
        **SUS,
        "forsorjning": ["okand"],
    }
    data = {k: v for k, v in data.items() if v is not False}
    response = coordinator.post(url("skriv-in", aktualiserad), data)
    assert response.status_code == 200
    assert "samtycke" in " ".join(response.context["form"].non_field_errors())
    aktualiserad.refresh_from_db()
    assert aktualiserad.steg == Steg.AKTUALISERING


def test_the_five_steps_through_the_forms(
    coordinator, aktualiserad, samordnare, kollega, remittent
):
    post = coordinator.post
    r = post(
        url("samtycke", aktualiserad),
        {
            "syften": ["informationsutbyte", "registrering", "uppfoljning"],
            "organisationer": [remittent.pk],
            "givet": "2026-03-02",
            "satt": "muntligt",
            "vittne": "Vera Vittne",
        },
    )
    assert r.status_code == 302, r.context["form"].errors
    r = post(
        url("skriv-in", aktualiserad),
        {
            "datum": "2026-03-09",
            "kontaktperson": samordnare.pk,
            "kontaktperson2": kollega.pk,
            "utbildning": "gymnasial_fullstandig",
            "forsorjning": ["forsorjningsstod"],
            "tid_offentlig_forsorjning": "2_5",
            "sysselsattning": "ingen",
            "aktuell_af": "on",
            "aktuell_socialtjanst": "on",
        },
    )
    assert r.status_code == 302, r.context["form"].errors
    for day in ("2026-03-16", "2026-03-23", "2026-03-30"):
        r = post(
            url("samtal", aktualiserad),
            {
                "datum": day,
                "personal": samordnare.pk,
                "form": "individuellt",
                "omraden": ["social", "ekonomi"],
                "anteckning": "Samtal.",
            },
        )
        assert r.status_code == 302, r.context["form"].errors
    r = post(
        url("kartlaggning", aktualiserad),
        {"ekonomi": "Ekonomisk rådgivning given.", "halsa_sjalvskattad": "3"},
    )
    assert r.status_code == 302, r.context["form"].errors
    r = post(
        url("kartlaggning-klar", aktualiserad), {"datum": "2026-04-01", "sammanfattning": "Klar."}
    )
    assert r.status_code == 302, r.context["form"].errors
    r = post(
        url("handlingsplan", aktualiserad),
        {
            "mal": "Jag vill jobba i ett kök.",
            "bas_version": "",
            "steg-TOTAL_FORMS": "2",
            "steg-INITIAL_FORMS": "0",
            "steg-0-beskrivning": "Praktik i kök",
            "steg-0-ansvarig": "Samordnaren",
            "steg-0-status": "planerat",
            "steg-1-beskrivning": "",
            "steg-1-ansvarig": "",
            "steg-1-status": "planerat",
        },
    )
    assert r.status_code == 302, r.context["form"].errors
    r = post(url("insatser-paborja", aktualiserad))
    aktualiserad.refresh_from_db()
    assert aktualiserad.steg == Steg.INSATSER
    r = post(
        url("aktivitet", aktualiserad),
        {
            "typ": "arbetstraning",
            "startdatum": "2026-04-15",
            "arbetsplats": "Kafé Exempel",
            "timmar_per_vecka": "20",
        },
    )
    assert r.status_code == 302, r.context["form"].errors
    r = post(
        url("kontakt", aktualiserad),
        {
            "datum": "2026-04-20",
            "typ": "remittent",
            "anteckning": "Avstämning.",
            "till_remittent": "on",
        },
    )
    assert r.status_code == 302, r.context["form"].errors
    r = post(
        url("avsluta", aktualiserad),
        {
            "datum": "2026-09-30",
            "vag_ut": "arbete",
            "ansvarig_efter": "af",
            "dokumenterat_nasta_steg": "on",
            "sammanfattning": "Anställd.",
            "utbildning": "gymnasial_fullstandig",
            "forsorjning": ["lon"],
            "tid_offentlig_forsorjning": "2_5",
            "sysselsattning": "forvarvsarbete",
            "sysselsattning_procent": "75",
        },
    )
    assert r.status_code == 302, r.context["form"].errors
    aktualiserad.refresh_from_db()
    assert aktualiserad.steg == Steg.AVSLUT
    html = coordinator.get(url("inskrivning-detail", aktualiserad)).content.decode()
    assert "Arbete" in html and "planerad 2027-09-30" in html


def test_stale_plan_form_is_refused_and_the_input_kept(coordinator, kartlagd, kollega):
    from deltagare import services

    services.handlingsplan_spara(
        actor=kollega, inskrivning=kartlagd, mal="Kollegans mål", steg=[], bas_version=1
    )
    r = coordinator.post(
        url("handlingsplan", kartlagd),
        {
            "mal": "Mitt nya mål",
            "bas_version": "1",
            "steg-TOTAL_FORMS": "0",
            "steg-INITIAL_FORMS": "0",
        },
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "Någon annan har sparat handlingsplanen" in html and "Mitt nya mål" in html
    assert kartlagd.planversioner.count() == 2


def test_plan_compare_page(coordinator, kartlagd, samordnare):
    from deltagare import services

    services.handlingsplan_spara(
        actor=samordnare,
        inskrivning=kartlagd,
        mal="Nytt mål",
        steg=[{"beskrivning": "Studiebesök", "ansvarig": "Coach"}],
        bas_version=1,
    )
    html = coordinator.get(url("handlingsplan-jamfor", kartlagd) + "?a=1&b=2").content.decode()
    assert "Studiebesök" in html and "Praktik på café" in html and "Målen har ändrats" in html


def test_withdrawal_button_takes_effect_at_once(coordinator, inskriven):
    from deltagare import services

    samtycke = services.giltigt_samtycke(inskriven)
    coordinator.post(reverse("deltagare:samtycke-aterkalla", kwargs={"uuid": samtycke.uuid}))
    assert services.giltigt_samtycke(inskriven) is None
    html = coordinator.get(url("inskrivning-detail", inskriven)).content.decode()
    assert "Inget giltigt samtycke" in html


def test_group_activity_with_attendance(coordinator, insats, inskriven):
    r = coordinator.post(
        reverse("deltagare:gruppaktivitet", kwargs={"uuid": insats.uuid}),
        {"titel": "Föreläsning", "datum": "2026-04-01", f"narvaro_{inskriven.pk}": "on"},
    )
    assert r.status_code == 302
    assert inskriven.narvaro.get().narvarande


def test_overview_shows_overdue_items(coordinator, inskriven):
    r = coordinator.get(reverse("deltagare:oversikt"))
    vad = [b.vad for b in r.context["bevakningar"]]
    assert any("Kartläggningssamtal" in v for v in vad)
    assert any("remittenten" in v for v in vad)


def test_the_list_narrows_to_my_cases(coordinator, samordnare, insats, inskriven):
    from deltagare import services

    annan = services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person={**PERSON, "personnummer": "", "fodelsedatum": datetime.date(1985, 5, 5)},
        aktualiserad=DAG,
    )
    lista = reverse("deltagare:inskrivning-list")
    alla = {i.pk for i in coordinator.get(lista).context["page_obj"].object_list}
    mina = coordinator.get(lista, {"mina": "true"}).context["page_obj"].object_list
    assert alla == {inskriven.pk, annan.pk}
    assert [i.pk for i in mina] == [inskriven.pk]  # no contact person yet in the other
    html = coordinator.get(reverse("deltagare:oversikt")).content.decode()
    assert "?mina=true&amp;pagaende=true" in html


def test_list_overview_and_detail_have_fixed_query_ceilings(
    coordinator, samordnare, insats, inskriven, django_assert_max_num_queries
):
    from deltagare import services

    # The ceilings of issue 7 (docs/benchmarks.md): start page, list, participant page.
    pages = [
        (reverse("deltagare:oversikt"), 14),
        (reverse("deltagare:inskrivning-list"), 11),
        (url("inskrivning-detail", inskriven), 26),
    ]
    # The session's once-a-minute write (SessionLifetimeMiddleware) comes on top.
    coordinator.get(reverse("deltagare:oversikt"))
    for n in range(3):
        for k in range(4):
            person = {
                **PERSON,
                "personnummer": "",
                "fodelsedatum": datetime.date(1980 + n, 1, 1 + k),
                "fornamn": f"Namn{n}{k}",
            }
            services.deltagare_aktualisera(
                actor=samordnare, insats=insats, person=person, aktualiserad=DAG
            )
        samtal(samordnare, inskriven, 1, start=DAG + datetime.timedelta(days=n))
        for page, ceiling in pages:
            with django_assert_max_num_queries(ceiling):
                assert coordinator.get(page).status_code == 200


def test_every_page_showing_the_participant_writes_a_read_event(coordinator, inskriven, samordnare):
    for name in ("samtal", "kartlaggning", "handlingsplan", "avsluta", "inskrivning-detail"):
        before = AuditEvent.objects.filter(action=A.READ).count()
        assert coordinator.get(url(name, inskriven)).status_code == 200
        event = AuditEvent.objects.filter(action=A.READ).latest("id")
        assert AuditEvent.objects.filter(action=A.READ).count() == before + 1
        assert event.deltagare_uuid == inskriven.deltagare.uuid and event.actor == samordnare


def test_printing_the_plan_writes_a_print_event(coordinator, kartlagd, samordnare):
    response = coordinator.get(url("handlingsplan-pdf", kartlagd, version=1))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    event = AuditEvent.objects.get(action=A.PRINT)
    assert event.actor == samordnare and event.deltagare_uuid == kartlagd.deltagare.uuid
    assert not AuditEvent.objects.filter(action=A.READ, detail__vy="handlingsplan-pdf").exists()
    assert coordinator.get(url("handlingsplan-pdf", kartlagd, version=9)).status_code == 404


def test_overview_lists_my_cases_by_step_and_recent_events(coordinator, inskriven, kartlagd):
    r = coordinator.get(reverse("deltagare:oversikt"))
    assert [i.pk for i in r.context["mina"]] == [kartlagd.pk]
    assert r.context["handelser"][0].inskrivning == kartlagd
    html = r.content.decode()
    assert "Där du är kontaktperson" in html and "Senaste händelser" in html


def test_visible_duplicate_links_to_the_existing_case(coordinator, aktualiserad, insats):
    data = {
        **AKTUALISERING,
        "fornamn": PERSON["fornamn"],
        "efternamn": PERSON["efternamn"],
        "personnummer": PERSON["personnummer"],
        "insats": insats.pk,
    }
    html = coordinator.post(reverse("deltagare:aktualisering"), data).content.decode()
    assert url("inskrivning-detail", aktualiserad) in html


def test_counts_per_step_leave_out_gallrade_and_the_inactive(
    samordnare, insats, inskriven, kartlagd
):
    from django.utils import timezone

    from deltagare import selectors, services

    ovrig = services.deltagare_aktualisera(
        actor=samordnare,
        insats=insats,
        person={**PERSON, "personnummer": "", "fodelsedatum": datetime.date(1975, 3, 3)},
        aktualiserad=DAG,
    )
    assert selectors.antal_per_steg(samordnare) == {
        s.value: {Steg.AKTUALISERING: 1, Steg.KARTLAGGNING: 1}.get(s, 0) for s in Steg
    }
    # The statistical remainder of a gallrad participant is no one's case.
    Deltagare.objects.filter(pk=ovrig.deltagare_id).update(gallrad=timezone.now())
    assert selectors.antal_per_steg(samordnare)[Steg.AKTUALISERING] == 0
    assert selectors.antal_per_steg(samordnare)[Steg.KARTLAGGNING] == 1
    samordnare.is_active = False
    assert set(selectors.antal_per_steg(samordnare).values()) == {0}


def test_step_pages_speak_the_users_language(coordinator, aktualiserad):
    # The headings are class attributes: read when the page is drawn, not at import.
    coordinator.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = coordinator.get(url("samtycke", aktualiserad)).content.decode()
    assert "Register consent</h1>" in html
    coordinator.post(reverse("set_language"), {"language": "sv", "next": "/"})
    assert (
        "Registrera samtycke</h1>"
        in coordinator.get(url("samtycke", aktualiserad)).content.decode()
    )
