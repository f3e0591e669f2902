"""Logguppföljning: search, CSV export and the patterns worth a look."""

import datetime
import uuid

import pytest
from django.utils import timezone

from deltagare.models import Deltagare
from samverkan import audit
from samverkan.logg import flaggor, sok
from samverkan.models import AuditEvent, Roll
from tests.factories import MedlemskapFactory, UserFactory

URL = "/logg/"
Action = AuditEvent.Action


def _las(user, forbund, deltagare_uuid, nar=None):
    if nar is None:
        return audit.record(
            action=Action.READ,
            actor=user,
            forbund=forbund,
            object_type="deltagare.inskrivning",
            object_id="x",
            deltagare_uuid=deltagare_uuid,
        )
    # A backdated event for the test: written as a new row, since the trail refuses UPDATE.
    return AuditEvent.objects.create(
        action=Action.READ,
        actor=user,
        forbund=forbund,
        object_type="deltagare.inskrivning",
        deltagare_uuid=deltagare_uuid,
        tidpunkt=nar,
    )


@pytest.fixture
def logg(forbund, annat_forbund, samordnare, annat_forbund_admin):
    a, b = uuid.uuid4(), uuid.uuid4()
    _las(samordnare, forbund, a)
    _las(samordnare, forbund, b)
    _las(annat_forbund_admin, annat_forbund, a)  # förbund B's trail
    audit.record(action=Action.LOGIN, actor=samordnare, forbund=forbund)
    return a, b


@pytest.mark.django_db
def test_search_by_user_participant_period_and_event(forbundsadmin, samordnare, logg):
    a, _b = logg
    assert sok(forbundsadmin).count() == 3  # never förbund B's events
    assert sok(forbundsadmin, deltagare=a).count() == 1
    assert sok(forbundsadmin, anvandare=samordnare, handelse=Action.LOGIN).count() == 1
    idag = timezone.localdate()
    assert sok(forbundsadmin, fran=idag, till=idag).count() == 3
    assert sok(forbundsadmin, till=idag - datetime.timedelta(days=1)).count() == 0


@pytest.mark.django_db
def test_the_page_filters_and_pages_with_a_fixed_number_of_queries(
    client, forbundsadmin, forbund, samordnare, logg, django_assert_max_num_queries
):
    client.force_login(forbundsadmin)
    response = client.get(URL, {"anvandare": samordnare.pk, "handelse": "read"})
    assert response.status_code == 200
    assert response.context["sida"].paginator.count == 2
    for _n in range(60):
        _las(samordnare, forbund, uuid.uuid4())
    with django_assert_max_num_queries(20):
        response = client.get(URL, {"anvandare": samordnare.pk, "sida": 2})
    assert response.status_code == 200 and len(response.context["sida"].object_list) == 13


@pytest.mark.django_db
def test_bad_filters_are_explained_at_the_field(client, forbundsadmin):
    client.force_login(forbundsadmin)
    response = client.get(URL, {"fran": "2026-05-01", "till": "2026-04-01", "deltagare": "x"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "före startdatumet" in errors["till"][0] and "deltagare" in errors


@pytest.mark.django_db
def test_csv_export_is_itself_audited(client, forbundsadmin, logg):
    a, _b = logg
    client.force_login(forbundsadmin)
    response = client.get("/logg.csv", {"deltagare": str(a)})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rader = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(rader) == 2 and rader[0].startswith("tidpunkt;") and str(a) in rader[1]
    event = AuditEvent.objects.get(action=Action.EXPORT, object_type="samverkan.auditevent")
    assert event.actor == forbundsadmin and event.detail["handelser"] == 1


@pytest.mark.django_db
def test_flags(forbundsadmin, forbund, samordnare, settings):
    settings.SAMVERKAN_LOGG_LASNINGAR_PER_DAG = 3
    igar = timezone.now() - datetime.timedelta(days=1)
    for _n in range(4):
        _las(samordnare, forbund, uuid.uuid4(), nar=igar)
    annan = UserFactory(email="annan@a.example")
    MedlemskapFactory(user=annan, roll=Roll.STYRELSE, insats=None, forbund=forbund)
    for _n in range(3):
        audit.record_access_denied(actor=annan, object_type="sida", object_id="y")
    skyddad = Deltagare.objects.create(
        forbund=forbund,
        fornamn="Skyddad",
        efternamn="Person",
        fodelsedatum=datetime.date(1990, 1, 1),
        kon="kvinna",
        skyddade_personuppgifter=True,
    )
    _las(samordnare, forbund, skyddad.uuid)

    idag = timezone.localdate()
    hittade = flaggor(forbundsadmin, fran=idag - datetime.timedelta(days=7), till=idag)
    per_typ = {(f.typ, f.anvandare, f.antal) for f in hittade}
    assert per_typ == {
        ("manga_lasningar", samordnare, 4),
        ("nekad_atkomst", annan, 3),
        ("skyddad_identitet", samordnare, 1),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["samordnare", "handlaggare", "styrelse"])
def test_only_the_office_reads_the_trail(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403
    assert client.get("/logg.csv").status_code == 403


@pytest.mark.django_db
def test_a_review_is_recorded_and_audited(client, forbundsadmin, forbund):
    from samverkan.models import Logggranskning

    client.force_login(forbundsadmin)
    url = "/logg/granskningar/"
    assert client.get(url).status_code == 200
    data = {
        "forbund": forbund.pk,
        "granskad": "2026-11-30",
        "period_fran": "2026-10-01",
        "period_till": "2026-10-31",
        "urval": "Alla läsningar av två slumpvis valda användare.",
        "fynd": "Inget avvikande.",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    granskning = Logggranskning.objects.get()
    assert granskning.granskad_av == forbundsadmin and granskning.fynd == "Inget avvikande."
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="samverkan.logggranskning")
    assert event.actor == forbundsadmin
    assert "Inget avvikande." in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_bad_review_keeps_the_input_and_saves_nothing(client, forbundsadmin, forbund):
    from samverkan.models import Logggranskning

    client.force_login(forbundsadmin)
    response = client.post(
        "/logg/granskningar/",
        {"forbund": forbund.pk, "granskad": "i går", "period_fran": "2026-10-31",
         "period_till": "2026-10-01", "urval": "Ett urval", "fynd": ""},
    )  # fmt: skip
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"granskad", "period_till", "fynd"}
    assert "Ett urval" in response.content.decode()
    assert not Logggranskning.objects.exists()


@pytest.mark.django_db
def test_another_forbund_cannot_record_a_review_for_this_one(client, annat_forbund_admin, forbund):
    from samverkan.models import Logggranskning

    client.force_login(annat_forbund_admin)
    response = client.post(
        "/logg/granskningar/",
        {"forbund": forbund.pk, "granskad": "2026-11-30", "period_fran": "2026-10-01",
         "period_till": "2026-10-31", "urval": "x", "fynd": "y"},
    )  # fmt: skip
    assert response.status_code == 400 and "forbund" in response.context["form"].errors
    assert not Logggranskning.objects.exists()
