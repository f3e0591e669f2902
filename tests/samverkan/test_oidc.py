"""OpenID Connect login against a local identity provider: staff still give TOTP,
and ID tokens are checked strictly (ASVS 6.3.4, 6.8.2, 9.1.1, 9.1.2, 10.5.1, 10.5.3)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from samverkan.models import AuditEvent, Roll
from tests.factories import MedlemskapFactory, UserFactory
from tests.samverkan.test_login import ger_totp_efter_forsta_steget

CLIENT_ID = "samverkan"
# As long as a real client secret (32 bytes or more), so the attack, not the length, is tested.
CLIENT_SECRET = "klienthemlighet-for-test-med-full-langd"
LOGIN = reverse("openid_connect_login", kwargs={"provider_id": "organisation"})
CALLBACK = reverse("openid_connect_callback", kwargs={"provider_id": "organisation"})


class FakeIdP:
    """A small identity provider over real HTTP, with switches for bad behaviour."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.metadata_issuer = self.url
        self.nonce = None
        self.claims = {}
        self.signing = "RS256"
        self.sign_with = self.key
        self.userinfo_sub = "sub-1"

    def id_token(self):
        now = int(time.time())
        claims = {
            "iss": self.url,
            "sub": "sub-1",
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "email": "person@kommun-a.example",
            **({"nonce": self.nonce} if self.nonce else {}),
            **self.claims,
        }
        claims = {k: v for k, v in claims.items() if v is not None}
        if self.signing == "none":
            return jwt.encode(claims, None, algorithm="none", headers={"kid": "k1"})
        if self.signing == "HS256":  # the classic confusion: the client secret as the key
            return jwt.encode(claims, CLIENT_SECRET, algorithm="HS256", headers={"kid": "k1"})
        return jwt.encode(claims, self.sign_with, algorithm="RS256", headers={"kid": "k1"})

    def _handler(self):
        idp = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, data):
                body = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path == "/.well-known/openid-configuration":
                    self._json(
                        {
                            "issuer": idp.metadata_issuer,
                            "authorization_endpoint": f"{idp.url}/authorize",
                            "token_endpoint": f"{idp.url}/token",
                            "userinfo_endpoint": f"{idp.url}/userinfo",
                            "jwks_uri": f"{idp.url}/jwks",
                            "token_endpoint_auth_methods_supported": ["client_secret_post"],
                        }
                    )
                elif self.path == "/jwks":
                    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(idp.key.public_key()))
                    self._json({"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]})
                elif self.path == "/userinfo":
                    self._json({"sub": idp.userinfo_sub, "email": "person@kommun-a.example"})
                else:
                    self.send_error(404)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                self.rfile.read(length)
                token = idp.id_token()
                self._json({"access_token": "at", "token_type": "Bearer", "id_token": token})

        return Handler


@pytest.fixture
def idp(settings):
    server = FakeIdP()
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": [
                {
                    "provider_id": "organisation",
                    "name": "Organisationens inloggning",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {"server_url": server.url, "oauth_pkce_enabled": True},
                }
            ],
        }
    }
    yield server
    server.server.shutdown()
    server.server.server_close()


def _oidc_login(client, idp, *, nonce=True):
    response = client.post(LOGIN)
    assert response.status_code == 302, response.content.decode()[:500]
    location = urlsplit(response["Location"])
    assert location.netloc == urlsplit(idp.url).netloc
    query = parse_qs(location.query)
    assert query["code_challenge_method"] == ["S256"]
    if nonce:
        idp.nonce = query["nonce"][0]
    return client.get(CALLBACK, {"code": "kod-fran-idp", "state": query["state"][0]})


def _connected(user):
    SocialAccount.objects.create(user=user, provider="organisation", uid="sub-1")
    return user


def test_staff_with_totp_give_it_after_the_organisations_login(client, idp, samordnare):
    _connected(samordnare)
    response = _oidc_login(client, idp)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    ger_totp_efter_forsta_steget(client, samordnare)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN, actor=samordnare).exists()


def test_staff_without_totp_are_sent_to_set_it_up_after_the_organisations_login(
    client, idp, insats
):
    user = _connected(UserFactory())
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    response = _oidc_login(client, idp)
    assert response.status_code == 302
    assert client.get("/")["Location"] == reverse("mfa_activate_totp")


def test_a_handlaggare_is_signed_in_by_a_valid_id_token(client, idp, handlaggare):
    _connected(handlaggare)
    assert _oidc_login(client, idp).status_code == 302
    assert client.get("/").status_code == 200


def _refused(client, response):
    assert response.status_code == 401  # allauth's error page
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(
    "attack",
    ["unsigned", "hs256-with-client-secret", "foreign-key", "wrong-issuer", "wrong-audience"],
)
def test_id_tokens_without_a_valid_signature_or_claims_are_refused(
    client, idp, handlaggare, attack
):
    _connected(handlaggare)
    if attack == "unsigned":
        idp.signing = "none"
    elif attack == "hs256-with-client-secret":
        idp.signing = "HS256"
    elif attack == "foreign-key":
        idp.sign_with = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    elif attack == "wrong-issuer":
        idp.claims = {"iss": "https://annan.example"}
    elif attack == "wrong-audience":
        idp.claims = {"aud": "nagon-annan"}
    _refused(client, _oidc_login(client, idp))


def test_metadata_naming_another_issuer_is_refused(client, idp, handlaggare):
    _connected(handlaggare)
    idp.metadata_issuer = "https://annan.example"
    idp.claims = {"iss": "https://annan.example"}  # consistent, but not the configured one
    response = client.post(LOGIN)
    assert response.status_code == 401  # no redirect to the provider at all
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("nonce", [None, "fel-nonce"])
def test_an_id_token_without_this_logins_nonce_is_refused(client, idp, handlaggare, nonce):
    _connected(handlaggare)
    idp.nonce = nonce
    _refused(client, _oidc_login(client, idp, nonce=False))


def test_a_replayed_id_token_is_refused(client, idp, handlaggare):
    _connected(handlaggare)
    idp.claims = {"jti": "token-1"}
    assert _oidc_login(client, idp).status_code == 302
    client.post(reverse("account_logout"))
    _refused(client, _oidc_login(client, idp))  # a new nonce, but the same token id


def test_userinfo_about_another_subject_is_refused(client, idp, handlaggare):
    _connected(handlaggare)
    idp.userinfo_sub = "sub-2"
    SocialAccount.objects.create(user=UserFactory(), provider="organisation", uid="sub-2")
    _refused(client, _oidc_login(client, idp))
