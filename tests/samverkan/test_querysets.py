"""for_user(): what each role sees; another förbund sees nothing of förbund A."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from samverkan import audit
from samverkan.models import AuditEvent, Forbund, Insats, Medlemskap, Organisation, Roll, User
from tests.factories import MedlemskapFactory, UserFactory


@pytest.fixture
def world(insats, annan_insats, organisation, samordnare, handlaggare, forbundsadmin, styrelse,
          annat_forbund_admin):  # fmt: skip
    audit.record(action=audit.Action.READ, actor=samordnare, obj=insats)
    audit.record(action=audit.Action.READ, actor=annat_forbund_admin, obj=annan_insats)


@pytest.mark.parametrize("role", ["samordnare", "handlaggare", "forbundsadmin", "styrelse"])
def test_roles_in_forbund_a_see_only_forbund_a(world, request, role, insats, forbund):
    user = request.getfixturevalue(role)
    assert list(Forbund.objects.for_user(user)) == [forbund]
    assert list(Insats.objects.for_user(user)) == [insats]
    assert set(Organisation.objects.for_user(user)) == set(forbund.organisationer.all())


def test_other_forbund_sees_none_of_a(world, annat_forbund_admin, forbund):
    assert not Forbund.objects.for_user(annat_forbund_admin).filter(pk=forbund.pk).exists()
    assert not Insats.objects.for_user(annat_forbund_admin).filter(forbund=forbund).exists()
    assert not Organisation.objects.for_user(annat_forbund_admin).filter(forbund=forbund).exists()
    assert not Medlemskap.objects.for_user(annat_forbund_admin).filter(forbund=forbund).exists()
    assert not AuditEvent.objects.for_user(annat_forbund_admin).filter(forbund=forbund).exists()


def test_audit_trail_is_for_the_forbunds_admin_only(
    world, forbundsadmin, samordnare, styrelse, forbund
):
    assert AuditEvent.objects.for_user(forbundsadmin).filter(forbund=forbund).count() == 1
    assert not AuditEvent.objects.for_user(samordnare).exists()
    assert not AuditEvent.objects.for_user(styrelse).exists()


def test_admin_sees_all_memberships_of_the_forbund_others_their_own(
    world, forbundsadmin, samordnare
):
    assert Medlemskap.objects.for_user(forbundsadmin).count() == 4
    assert list(Medlemskap.objects.for_user(samordnare).values_list("user", flat=True)) == [
        samordnare.pk
    ]


def test_users_are_visible_to_themselves_and_their_forbunds_admin(
    world, forbundsadmin, samordnare, handlaggare, annat_forbund_admin
):
    in_a = set(User.objects.for_user(forbundsadmin))
    assert {samordnare, handlaggare, forbundsadmin} <= in_a
    assert annat_forbund_admin not in in_a
    assert list(User.objects.for_user(samordnare)) == [samordnare]
    assert samordnare not in set(User.objects.for_user(annat_forbund_admin))


def test_anonymous_and_inactive_users_see_nothing(world):
    inactive = UserFactory(is_active=False)
    for user in (AnonymousUser(), inactive, None):
        for model in (Forbund, Insats, Organisation, Medlemskap, AuditEvent, User):
            assert not model.objects.for_user(user).exists()


def test_expired_membership_gives_no_access(insats):
    user = UserFactory()
    MedlemskapFactory(
        user=user,
        roll=Roll.SAMORDNARE,
        insats=insats,
        giltig_fran=datetime.date(2020, 1, 1),
        giltig_till=datetime.date(2021, 1, 1),
    )
    assert not Insats.objects.for_user(user).exists()
    assert not Insats.objects.staff_of(user).exists()


def test_only_admins_may_administer_insatser(world, insats, forbundsadmin, samordnare, superuser):
    assert list(Insats.objects.administrable_by(forbundsadmin)) == [insats]
    assert not Insats.objects.administrable_by(samordnare).exists()
    assert Insats.objects.administrable_by(superuser).count() == 2
