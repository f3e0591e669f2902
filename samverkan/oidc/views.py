import jwt
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.http import Http404
from django.utils.crypto import constant_time_compare


def expected_issuer(app) -> str:
    """The issuer configured by the deployer, never the one the metadata claims."""
    issuer = app.settings.get("issuer") or app.settings["server_url"]
    return issuer.split("/.well-known/", 1)[0].rstrip("/")


class SamverkanOIDCAdapter(OpenIDConnectOAuth2Adapter):
    state = None  # the login's stashed state, set by the callback view

    @property
    def openid_config(self):
        config = super().openid_config
        issuer = expected_issuer(self.get_provider().app)
        if str(config.get("issuer", "")).rstrip("/") != issuer:
            # Metadata for another issuer: nothing from it is used (10.5.3).
            raise OAuth2Error("The provider's metadata names another issuer.")
        return config

    def complete_login(self, request, app, token, **kwargs):
        if not kwargs["response"].get("id_token"):
            raise OAuth2Error("No ID token.")
        login = super().complete_login(request, app, token, **kwargs)
        id_token = login.account.extra_data["id_token"]
        expected_nonce = (self.state or {}).get("nonce")
        if not expected_nonce or not constant_time_compare(
            str(id_token.get("nonce", "")), expected_nonce
        ):
            raise OAuth2Error("The ID token's nonce does not match this login.")
        userinfo = login.account.extra_data.get("userinfo")
        if userinfo is not None and userinfo.get("sub") != id_token.get("sub"):
            # The account is keyed by the userinfo's sub: it must be the token's.
            raise OAuth2Error("Userinfo is about another subject.")
        return login

    def _decode_id_token(self, app, id_token):
        # Unlike allauth's, the signature is checked also when the token came
        # straight from the token endpoint (6.8.2, 9.1.1), with allow-listed
        # algorithms only (9.1.2).
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError as error:
            raise OAuth2Error("Unreadable ID token.") from error
        algorithm = header.get("alg")
        if algorithm not in settings.OIDC_ALGORITHMS or "kid" not in header:
            raise OAuth2Error("ID token algorithm or key id not accepted.")
        _, key = jwtkit.fetch_key(id_token, self.openid_config["jwks_uri"], jwtkit.lookup_kid_jwk)
        try:
            data = jwt.decode(
                id_token,
                key=key,
                algorithms=[algorithm],
                audience=app.client_id,
                issuer=expected_issuer(app),
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
                leeway=30,  # seconds of clock difference between the hosts
            )
        except jwt.PyJWTError as error:
            raise OAuth2Error("Invalid ID token.") from error
        jwtkit.verify_jti(data)
        return data


class SamverkanOIDCCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


def _kor(vy, request, provider_id):
    try:
        return vy.adapter_view(SamverkanOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


@login_not_required
def login(request, provider_id):
    return _kor(OAuth2LoginView, request, provider_id)


@login_not_required
def callback(request, provider_id):
    return _kor(SamverkanOIDCCallbackView, request, provider_id)
