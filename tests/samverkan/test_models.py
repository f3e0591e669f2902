"""Constraints and validation of the core models, in the database and in clean()."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samverkan.models import Insats, Medlemskap, Organisation, Roll, User
from samverkan.validators import validate_aldersband, validate_organisationsnummer
from tests.factories import InsatsFactory, OrganisationFactory, UserFactory


def test_user_logs_in_with_email_case_insensitively(db):
    user = User.objects.create_user("Person@Test.Example", "ett-langt-losenord-1")
    assert user.email == "person@test.example"
    assert User.objects.get_by_natural_key("PERSON@test.example") == user
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="PERSON@TEST.EXAMPLE")


def test_session_hash_changes_with_the_session_key(db):
    user = UserFactory()
    before = user.get_session_auth_hash()
    user.session_nyckel = "annan-nyckel"
    assert user.get_session_auth_hash() != before


def test_valid_organisationsnummer():
    validate_organisationsnummer("222000-0125")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2220000125", "format"),
        ("211000-0120", "tredje_siffran"),
        ("222000-0126", "kontrollsiffra"),
    ],
)
def test_invalid_organisationsnummer(value, code):
    with pytest.raises(ValidationError) as exc:
        validate_organisationsnummer(value)
    assert exc.value.code == code


@pytest.mark.parametrize(
    "bands",
    [[], [[20, 10]], [[16, 19], [19, 24]], [[16, None], [20, 24]], [[16, 19], [25, 24]], "16-19"],
)
def test_bad_age_bands_are_refused(bands):
    with pytest.raises(ValidationError):
        validate_aldersband(bands)


def test_good_age_bands():
    validate_aldersband([[16, 20], [21, 30], [31, 50], [51, None]])


def test_samordnare_needs_an_insats_in_the_database(forbund):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Medlemskap.objects.create(user=user, roll=Roll.SAMORDNARE, forbund=forbund)


def test_handlaggare_needs_an_organisation_in_the_database(forbund):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Medlemskap.objects.create(user=user, roll=Roll.HANDLAGGARE, forbund=forbund)


def test_membership_scope_must_belong_to_the_same_forbund(forbund, annan_insats):
    m = Medlemskap(user=UserFactory(), roll=Roll.SAMORDNARE, forbund=forbund, insats=annan_insats)
    with pytest.raises(ValidationError) as exc:
        m.full_clean()
    assert "insats" in exc.value.message_dict


def test_kommun_needs_a_four_digit_kommunkod(forbund):
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(forbund=forbund, typ="kommun", namn="Utan kod", kommunkod="")
    org = Organisation(forbund=forbund, typ="kommun", namn="Fel kod", kommunkod="12a4")
    with pytest.raises(ValidationError) as exc:
        org.full_clean()
    assert "kommunkod" in exc.value.message_dict


def test_email_domains_are_normalised_and_checked(forbund):
    org = OrganisationFactory.build(
        forbund=forbund, epostdomaner=["@Kommun.Example ", "kommun.example"]
    )
    org.full_clean()
    assert org.epostdomaner == ["kommun.example"]
    org.epostdomaner = ["inte en domän"]
    with pytest.raises(ValidationError):
        org.full_clean()


def test_insats_defaults_follow_the_domain(forbund):
    insats = InsatsFactory(forbund=forbund)
    assert insats.svarsfrist_dagar == 14
    assert (insats.kartlaggning_samtal_min, insats.kartlaggning_samtal_max) == (3, 6)
    assert (insats.max_manader, insats.forlangning_manader) == (12, 6)
    assert insats.aldersband[0] == [16, 19] and insats.aldersband[-1] == [65, None]


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("malgrupp_alder_max", {"malgrupp_alder_min": 30, "malgrupp_alder_max": 20}),
        ("kartlaggning_samtal_max", {"kartlaggning_samtal_min": 6, "kartlaggning_samtal_max": 3}),
    ],
)
def test_insats_ranges_are_checked_in_clean_and_database(forbund, field, values):
    insats = InsatsFactory.build(forbund=forbund, **values)
    with pytest.raises(ValidationError) as exc:
        insats.full_clean()
    assert field in exc.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        insats.save()
    assert not Insats.objects.filter(pk=insats.pk).exists()
