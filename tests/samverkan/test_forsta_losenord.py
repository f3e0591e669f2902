"""A new account's first password: chosen by the user through a mailed link that
works once and expires; nobody else ever knows it (ASVS 6.4.1)."""

import re

from django.test import Client
from django.urls import reverse

from samverkan.models import AuditEvent, User
from tests.samverkan.test_login import _login

NYTT = "Ett-eget-och-langt-val-i-hostas"


def _create_in_admin(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:samverkan_user_add")
    page = client.get(url)
    assert "password1" not in page.content.decode()
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    response = client.post(
        url,
        {
            "email": "ny.samordnare@a.example",
            "fornamn": "Ny",
            "efternamn": "Samordnare",
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return User.objects.get(email="ny.samordnare@a.example")


def _link(mailoutbox):
    return re.search(r"https?://\S+", mailoutbox[-1].body).group(0)


def _choose_password(link, password=NYTT):
    client = Client()
    page = client.get(link, follow=True)  # allauth moves the key into the session
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    return client.post(form_url, {"password1": password, "password2": password})


def test_the_admin_creates_an_account_without_a_password_and_the_user_chooses_one(
    client, superuser, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = _create_in_admin(client, superuser)
    assert not user.has_usable_password()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, object_id=str(user.uuid))
    [mail] = mailoutbox
    assert mail.to == [user.email] and "Välj ditt lösenord" in mail.subject
    assert "24 timmar" in mail.body and "bara en gång" in mail.body
    link = _link(mailoutbox)
    assert _choose_password(link).status_code == 302
    user.refresh_from_db()
    assert user.has_usable_password() and user.check_password(NYTT)
    assert _login(Client(), user.email, NYTT).status_code == 302
    # The link worked once: the new password invalidates it.
    again = Client().get(link, follow=True)
    assert "password1" not in again.content.decode()


def test_an_expired_link_does_not_work(
    client, superuser, mailoutbox, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = _create_in_admin(client, superuser)
    settings.PASSWORD_RESET_TIMEOUT = -1  # every link is past its time
    response = _choose_password(_link(mailoutbox))
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert response.status_code == 200
