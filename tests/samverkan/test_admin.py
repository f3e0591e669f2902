"""The Django admin writes an audit event for every change, one at a time or in bulk,
and shows a user's authenticators without their secrets."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from samverkan.models import AuditEvent, Organisation
from tests.factories import OrganisationFactory


@pytest.fixture
def totp(samordnare):
    return Authenticator.objects.get(user=samordnare, type=Authenticator.Type.TOTP)


def test_an_authenticator_is_shown_without_its_secret(client_for, totp):
    client = client_for("superuser")
    page = client.get(reverse("admin:mfa_authenticator_change", args=[totp.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert str(totp.data) not in html and 'name="data"' not in html
    assert client.get(reverse("admin:mfa_authenticator_add")).status_code == 403


def test_deleting_an_authenticator_in_the_admin_is_audited(client_for, samordnare, totp):
    client = client_for("superuser")
    url = reverse("admin:mfa_authenticator_delete", args=[totp.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Authenticator.objects.filter(pk=totp.pk).exists()
    event = AuditEvent.objects.get(action="delete", object_type="mfa.authenticator")
    assert event.object_id == str(totp.pk) and event.detail == {"via": "admin"}


def test_a_bulk_delete_writes_one_event_per_object(client_for, forbund):
    orgs = [OrganisationFactory(forbund=forbund) for _ in range(3)]
    client = client_for("superuser")
    response = client.post(
        reverse("admin:samverkan_organisation_changelist"),
        {"action": "delete_selected", "_selected_action": [o.pk for o in orgs], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk__in=[o.pk for o in orgs]).exists()
    events = AuditEvent.objects.filter(action="delete", object_type="samverkan.organisation")
    assert sorted(events.values_list("object_id", flat=True)) == sorted(str(o.uuid) for o in orgs)
