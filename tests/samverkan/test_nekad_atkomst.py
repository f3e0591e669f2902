"""Refused access (logguppföljning): always an `access_denied` event, filed under
the ACTOR's förbund, with the target's förbund in the detail; and a URL naming
another förbund's object answers 404 for every method."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from samverkan import audit
from samverkan.models import AuditEvent, Roll
from tests.conftest import with_totp
from tests.factories import (
    ForbundFactory,
    InsatsFactory,
    MedlemskapFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.test_access_matrix import MATRIX, NOT_AN_OBJECT, _discover, _kwargs

A = AuditEvent.Action


def nekade(**filter):
    return list(AuditEvent.objects.filter(action=A.ACCESS_DENIED, **filter).order_by("pk"))


@pytest.fixture
def annan_samordnare(annan_insats):
    user = UserFactory(email="samordnare@b.example")
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=annan_insats)
    return with_totp(user)


# --- every URL that names an object: 404 for every method from another förbund -------

# Patterns with arguments that name no object of a förbund.
# The survey answer page is public (its token is the key), and the API answers a
# browser session 401 whatever it names (tests/api walks the clients' scopes).
ARGUMENTS_NOT_OBJECTS = {"rapporter:statistik-export", "enkater:svara", "api:remiss-detail"}
OBJECT_URLS = sorted(
    name
    for name, (kind, _) in MATRIX.items()
    if kind not in NOT_AN_OBJECT and name not in ARGUMENTS_NOT_OBJECTS
)


def test_every_pattern_with_arguments_is_walked():
    med_argument = {name for name, route in _discover() if "<" in route and name in MATRIX}
    assert med_argument == set(OBJECT_URLS) | ARGUMENTS_NOT_OBJECTS


@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_another_forbunds_object_is_404_for_every_method(
    url_name, client, request, annat_forbund, annat_forbund_admin, annan_samordnare
):
    url = reverse(url_name, kwargs=_kwargs(MATRIX[url_name][0], request))
    for user in (annat_forbund_admin, annan_samordnare):
        client.force_login(user)
        for method in ("get", "post", "put", "delete"):
            response = getattr(client, method)(url)
            assert response.status_code == 404, f"{method.upper()} {url_name}: {response}"
        events = nekade(actor=user)
        assert len(events) == 4, f"{url_name}: {len(events)} events for 4 refusals"
        assert {e.forbund_id for e in events} == {annat_forbund.pk}


# --- the cases found by testing from outside ------------------------------------------


def test_consent_file_of_another_forbund_is_filed_under_the_actors(
    client, request, forbund, annat_forbund, annan_samordnare
):
    url = reverse("deltagare:samtycke-blankett", kwargs=_kwargs("samtycke", request))
    client.force_login(annan_samordnare)
    assert client.get(url).status_code == 404
    (event,) = nekade()
    assert event.actor == annan_samordnare
    assert event.object_type == "deltagare.samtycke"
    assert event.forbund_id == annat_forbund.pk  # was: no förbund at all
    assert event.detail["objektets_forbund"] == forbund.pk


def test_participant_of_another_forbund_is_filed_under_the_actors(
    client, kartlagd, forbund, annat_forbund, annan_samordnare
):
    client.force_login(annan_samordnare)
    url = reverse("deltagare:inskrivning-detail", kwargs={"uuid": kartlagd.uuid})
    assert client.get(url).status_code == 404
    (event,) = nekade()
    # B's office sees its own samordnare's attempt; A's office sees no stranger's name.
    assert event.forbund_id == annat_forbund.pk
    assert event.detail == {
        "vy": "deltagare:inskrivning-detail",
        "objektets_forbund": forbund.pk,
    }
    assert not AuditEvent.objects.filter(forbund=forbund, actor=annan_samordnare).exists()


def _rapport(forbund, skapad_av):
    from rapporter.models import Rapport

    rapport = Rapport(
        forbund=forbund,
        typ="kvartal",
        period_start=datetime.date(2025, 10, 1),
        period_slut=datetime.date(2025, 12, 31),
        status="publicerad",
        sha256="0" * 64,
        publicerad=timezone.now(),
        skapad_av=skapad_av,
    )
    rapport.fil.save("r.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    rapport.save()
    return rapport


@pytest.mark.parametrize("url_name", ["rapporter:rapport-detail", "rapporter:rapport-pdf"])
def test_handlaggare_asking_for_another_forbunds_report(
    client, url_name, handlaggare, forbund, annat_forbund, annat_forbund_admin
):
    rapport = _rapport(annat_forbund, annat_forbund_admin)
    client.force_login(handlaggare)
    assert client.get(reverse(url_name, kwargs={"uuid": rapport.uuid})).status_code == 404
    (event,) = nekade()
    assert event.actor == handlaggare and event.object_id == str(rapport.uuid)
    assert event.forbund_id == forbund.pk
    assert event.detail["objektets_forbund"] == annat_forbund.pk


@pytest.mark.parametrize("url_name", ["rapporter:mal-update", "rapporter:mal-delete"])
def test_office_asking_for_another_forbunds_goal_under_its_own_insats(
    client, url_name, insats, annan_insats, forbund, annat_forbund, forbundsadmin
):
    from rapporter.models import Mal

    mal = Mal.objects.create(insats=annan_insats, typ="nasta_steg", malvarde=80)
    client.force_login(forbundsadmin)
    url = reverse(url_name, kwargs={"uuid": insats.uuid, "pk": mal.pk})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Mal.objects.filter(pk=mal.pk).exists()
    events = nekade()
    assert len(events) == 2
    assert {(e.forbund_id, e.object_type, e.object_id) for e in events} == {
        (forbund.pk, "rapporter.mal", str(mal.pk))
    }
    assert events[0].detail["objektets_forbund"] == annat_forbund.pk
    # A goal that does not exist is no attempt on anything.
    missing = reverse(url_name, kwargs={"uuid": insats.uuid, "pk": mal.pk + 1000})
    assert client.get(missing).status_code == 404
    assert len(nekade()) == 2


@pytest.mark.parametrize("url_name", ["rapporter:statistik", "rapporter:rapport-list"])
def test_query_naming_another_forbund(client, url_name, forbund, annat_forbund, forbundsadmin):
    client.force_login(forbundsadmin)
    response = client.get(reverse(url_name), {"forbund": str(annat_forbund.uuid)})
    assert response.status_code == 404
    (event,) = nekade()
    assert event.object_type == "samverkan.forbund" and event.object_id == str(annat_forbund.uuid)
    assert event.forbund_id == forbund.pk
    assert event.detail["objektets_forbund"] == annat_forbund.pk
    # A förbund that does not exist, or a malformed one, is no attempt on anything.
    for vald in ("00000000-0000-4000-8000-000000000000", "inte-ett-uuid"):
        assert client.get(reverse(url_name), {"forbund": vald}).status_code == 404
    assert len(nekade()) == 1


def test_query_naming_another_forbunds_insats_on_the_statistics(
    client, insats, annan_insats, forbund, annat_forbund, forbundsadmin
):
    client.force_login(forbundsadmin)
    fraga = {"period": "2025", "insats": str(annan_insats.uuid)}
    page = client.get(reverse("rapporter:statistik"), fraga)
    assert page.status_code == 400
    assert page.context["form"].errors["insats"]
    export = client.get(
        reverse("rapporter:statistik-export", kwargs={"nyckel": "oversikt", "format": "csv"}),
        fraga,
    )
    assert export.status_code == 404
    events = nekade()
    assert len(events) == 2
    assert {(e.forbund_id, e.object_id) for e in events} == {(forbund.pk, str(annan_insats.uuid))}
    assert events[0].detail["objektets_forbund"] == annat_forbund.pk


# --- form fields naming another förbund's objects ----------------------------------------


def test_form_choice_of_another_forbunds_insats(
    client, insats, annan_insats, forbund, annat_forbund, handlaggare
):
    from remisser.models import Remiss

    client.force_login(handlaggare)
    response = client.post(reverse("remisser:remiss-create"), {"insats": annan_insats.pk})
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.context["form"].errors["insats"][0]
    assert not Remiss.objects.exists()
    (event,) = nekade()
    assert event.actor == handlaggare and event.object_id == str(annan_insats.uuid)
    assert event.forbund_id == forbund.pk
    assert event.detail["objektets_forbund"] == annat_forbund.pk
    assert event.detail["orsak"] == "formularval"


@pytest.mark.parametrize(
    "value", ["999999", "9223372036854775808", "abc", "", "1' OR '1'='1", "-1"]
)
def test_form_choice_of_nothing_is_bad_input_only(client, insats, handlaggare, value):
    client.force_login(handlaggare)
    response = client.post(reverse("remisser:remiss-create"), {"insats": value})
    assert response.status_code == 200 and response.context["form"].errors["insats"]
    assert nekade() == []


def test_form_choice_of_another_forbunds_organisation(
    client, forbund, annat_forbund, forbundsadmin
):
    from samverkan.models import Inbjudan

    annan = OrganisationFactory(forbund=annat_forbund)
    client.force_login(forbundsadmin)
    response = client.post(
        reverse("samverkan:inbjudan-list"),
        {
            "epost": "ny@kommun.example",
            "organisation": annan.pk,
            "giltig_till": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not Inbjudan.objects.exists()
    (event,) = nekade()
    assert event.object_type == "samverkan.organisation" and event.forbund_id == forbund.pk
    assert event.detail["objektets_forbund"] == annat_forbund.pk


def test_multiple_choice_of_another_forbunds_organisation(
    client, kartlagd, samordnare, forbund, annat_forbund
):
    annan = OrganisationFactory(forbund=annat_forbund)
    client.force_login(samordnare)
    response = client.post(
        reverse("deltagare:samtycke", kwargs={"uuid": kartlagd.uuid}),
        {
            "syften": ["registrering"],
            "organisationer": [annan.pk],
            "givet": kartlagd.inskrivningsdatum.isoformat(),
            "satt": "muntligt",
        },
    )
    assert response.status_code == 200
    assert "organisationer" in response.context["form"].errors
    (event,) = nekade()
    assert event.object_type == "samverkan.organisation" and event.forbund_id == forbund.pk


def test_list_filter_naming_another_forbunds_insats(
    client, samordnare, annan_insats, forbund, annat_forbund
):
    client.force_login(samordnare)
    response = client.get(reverse("deltagare:inskrivning-list"), {"insats": annan_insats.pk})
    assert response.status_code == 200
    (event,) = nekade()
    assert event.object_id == str(annan_insats.uuid) and event.forbund_id == forbund.pk


# --- the rule: the actor's förbund ---------------------------------------------------------


def test_a_user_with_roles_in_several_forbund(forbund, annat_forbund, insats, annan_insats):
    tredje = ForbundFactory(namn="Förbund C")
    user = UserFactory()
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=annan_insats)
    # The target in one of the actor's förbund: that office only.
    (event,) = audit.record_access_denied(actor=user, obj=InsatsFactory(forbund=annat_forbund))
    assert event.forbund_id == annat_forbund.pk
    # A target in a third förbund: each office of the actor sees it, none of C's.
    events = audit.record_access_denied(actor=user, obj=InsatsFactory(forbund=tredje))
    assert [e.forbund_id for e in events] == sorted([forbund.pk, annat_forbund.pk])
    assert all(e.detail["objektets_forbund"] == tredje.pk for e in events)


def test_superuser_without_roles_is_filed_under_no_forbund(superuser, insats):
    (event,) = audit.record_access_denied(actor=superuser, obj=insats)
    assert event.forbund_id is None
    assert event.detail["objektets_forbund"] == insats.forbund_id


def test_expired_roles_still_name_the_office(forbund, insats):
    user = UserFactory()
    MedlemskapFactory(
        user=user,
        roll=Roll.SAMORDNARE,
        insats=insats,
        giltig_fran=timezone.localdate() - datetime.timedelta(days=10),
        giltig_till=timezone.localdate() - datetime.timedelta(days=1),
    )
    (event,) = audit.record_access_denied(actor=user, object_type="sida", object_id="/x/")
    assert event.forbund_id == forbund.pk
    assert "objektets_forbund" not in event.detail


def test_access_denied_is_written_in_one_place_only(samordnare, insats):
    with pytest.raises(ValueError, match="record_access_denied"):
        audit.record(action=A.ACCESS_DENIED, actor=samordnare, obj=insats)
    assert nekade() == []


def test_a_refused_page_is_filed_under_the_actors_forbund(client, samordnare, forbund):
    client.force_login(samordnare)
    assert client.get(reverse("samverkan:logg-list")).status_code == 403
    (event,) = nekade()
    assert event.object_type == "sida" and event.forbund_id == forbund.pk  # was: none


@pytest.mark.parametrize("value", ["9223372036854775808", "abc", "-1"])
def test_multiple_choice_of_nothing_is_bad_input_only(client, kartlagd, samordnare, value):
    client.force_login(samordnare)
    response = client.post(
        reverse("deltagare:samtycke", kwargs={"uuid": kartlagd.uuid}),
        {
            "syften": ["registrering"],
            "organisationer": [value],
            "givet": kartlagd.inskrivningsdatum.isoformat(),
            "satt": "muntligt",
        },
    )
    assert response.status_code == 200
    assert "organisationer" in response.context["form"].errors
    assert nekade() == []
