"""Password rules: context-specific words (ASVS 6.1.2, 6.2.11) and breached
passwords looked up by k-anonymity against a local stand-in for the service (6.2.12)."""

import hashlib
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from samverkan.losenord import KONTEXTORD
from samverkan.models import User
from tests.factories import ForbundFactory, OrganisationFactory

LACKT = "Sommar-Hallon-Kaffe-1987"  # listed as breached by the stand-in below
OKANT = "Vinter-Lingon-Spar-2026"


def _user():
    return User(email="person@a.example")


@pytest.mark.parametrize(
    "losenord",
    [
        "Samverkan-2026-hosten",
        "S4mv3rk4n!!-hosten",  # digits read as letters
        "mittsamordningsforbund",  # without å, ä, ö
        "Forsakringskassan-ar-bast",
        "Kommunen-har-sju-sjoar",
        "Lösenord-för-jobbet-1",
    ],
)
def test_context_words_are_refused(losenord, db):
    with pytest.raises(ValidationError) as error:
        validate_password(losenord, _user())
    assert "password_context_word" in [e.code for e in error.value.error_list]


def test_the_names_of_forbund_and_organisations_are_refused(db):
    ForbundFactory(namn="Samordningsförbundet Älvdalen")
    OrganisationFactory(namn="Storbyns kommun")
    for losenord in ("Alvdalen-ar-fint-i-juni", "storbyn-storbyn-storbyn"):
        with pytest.raises(ValidationError):
            validate_password(losenord, _user())


def test_the_list_is_the_documented_one():
    from django.conf import settings

    doc = (settings.BASE_DIR / "docs" / "security.md").read_text()
    section = doc.split("## Passwords", 1)[1].split("\n## ", 1)[0]
    for word in KONTEXTORD:
        assert f"`{word}`" in section


class _Breaches(BaseHTTPRequestHandler):
    requested = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        prefix = self.path.rsplit("/", 1)[-1]
        _Breaches.requested.append(self.path)
        digest = hashlib.sha1(LACKT.encode()).hexdigest().upper()  # noqa: S324
        lines = ["0123456789ABCDEF0123456789ABCDEF012:0"]  # padding, as the service sends
        if digest.startswith(prefix):
            lines.append(f"{digest[5:]}:42")
        body = "\r\n".join(lines).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def hibp(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Breaches)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SAMVERKAN_HIBP_URL = f"http://127.0.0.1:{server.server_port}/range/"
    _Breaches.requested = []
    yield server
    server.shutdown()
    server.server_close()


def test_a_breached_password_is_refused_and_only_a_hash_prefix_leaves(hibp, db):
    with pytest.raises(ValidationError) as error:
        validate_password(LACKT, _user())
    assert "password_breached" in [e.code for e in error.value.error_list]
    [path] = _Breaches.requested
    prefix = hashlib.sha1(LACKT.encode()).hexdigest().upper()[:5]  # noqa: S324
    assert path == f"/range/{prefix}"
    validate_password(OKANT, _user())


def test_the_check_is_in_the_password_change_form(hibp, client, handlaggare):
    from tests.factories import PASSWORD

    client.force_login(handlaggare)
    response = client.post(
        "/konto/password/change/",
        {"oldpassword": PASSWORD, "password1": LACKT, "password2": LACKT},
    )
    assert response.status_code == 200
    assert "dataläckor" in response.content.decode()
    handlaggare.refresh_from_db()
    assert handlaggare.check_password(PASSWORD)


def test_an_unreachable_service_lets_the_password_through_and_is_logged(settings, db, caplog):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Breaches)
    port = server.server_port
    server.server_close()  # nothing listens there any more
    settings.SAMVERKAN_HIBP_URL = f"http://127.0.0.1:{port}/range/"
    with caplog.at_level(logging.WARNING, logger="samverkan.losenord"):
        validate_password(LACKT, _user())
    assert "kunde inte göras" in caplog.text
