from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.utils.crypto import get_random_string

from samverkan.oidc.views import SamverkanOIDCAdapter


class SamverkanOIDCProvider(OpenIDConnectProvider):
    package = "samverkan.oidc"
    oauth2_adapter_class = SamverkanOIDCAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        # A fresh nonce per attempt: sent to the provider, kept in the login's
        # state, and required back inside the signed ID token (replay, 10.5.1).
        nonce = get_random_string(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params = {**auth_params, "nonce": nonce}
        try:
            return super().redirect(
                request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
            )
        except OAuth2Error as error:
            # Metadata for another issuer (SamverkanOIDCAdapter): an error page, not a 500.
            return render_authentication_error(request, self, exception=error)
