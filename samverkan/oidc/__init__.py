"""A stricter OpenID Connect client than allauth's: signature always checked, an
algorithm allowlist, the issuer pinned, a nonce (ASVS 6.8.2, 9.1.1, 9.1.2, 10.5.1, 10.5.3).

allauth builds the provider's URLs from ``<package>.urls`` of the provider class
named in ``SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]``, so this
package replaces the stock views without touching allauth.
"""
