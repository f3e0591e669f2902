"""Password validators beyond Django's: context-specific words (ASVS 6.1.2,
6.2.11) and breached passwords (6.2.12). The word list is documented in
``docs/security.md#passwords``."""

import hashlib
import logging
import unicodedata
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Words anyone guessing a password for this service would try first.
KONTEXTORD = [
    "samverkan",
    "samordningsförbund",
    "samordning",
    "finsam",
    "förbund",
    "försäkringskassan",
    "arbetsförmedlingen",
    "kommun",
    "region",
    "insats",
    "deltagare",
    "remiss",
    "lösenord",
    "password",
]
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)


def _normalise(text: str) -> str:
    """Lower case, å/ä/ö to a/a/o, digits read as letters, only letters kept."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_LEET))
    return "".join(c for c in text if c.isalpha() and not unicodedata.combining(c))


def kontextord() -> set[str]:
    """The fixed list, plus every word of four letters or more in the names of
    the förbund and organisations held here."""
    from samverkan.models import Forbund, Organisation

    words = set(KONTEXTORD)
    for model in (Forbund, Organisation):
        for name in model.objects.values_list("namn", flat=True):
            words.update(name.replace("-", " ").split())
    return {w for w in map(_normalise, words) if len(w) >= 4}


class KontextordValidator:
    def validate(self, password, user=None):
        normalised = _normalise(password)
        if any(word in normalised for word in kontextord()):
            raise ValidationError(
                _(
                    "Lösenordet innehåller ett ord som hör till tjänsten, förbundet eller "
                    "en organisation (till exempel ”samverkan” eller ”kommun”). Välj ett annat."
                ),
                code="password_context_word",
            )

    def get_help_text(self):
        return _(
            "Lösenordet får inte innehålla namnet på tjänsten, förbundet eller en organisation."
        )


class LacktLosenordValidator:
    """Refuses passwords found in breaches, asking Have I Been Pwned by k-anonymity:
    only the first five hex digits of the SHA-1 leave the server, never the password.

    If the service cannot be reached the password is accepted (the common-password
    list still applies) and a warning is logged: a breach lookup must not stop
    people from changing passwords.
    """

    def validate(self, password, user=None):
        url = settings.SAMVERKAN_HIBP_URL
        if not url:
            return
        # SHA-1 is the lookup protocol of the service, not a protection.
        digest = hashlib.sha1(password.encode(), usedforsecurity=False).hexdigest().upper()
        prefix, suffix = digest[:5], digest[5:]
        request = urllib.request.Request(  # noqa: S310 - the URL is the deployer's setting
            url + prefix, headers={"Add-Padding": "true", "User-Agent": "Samverkan"}
        )
        try:
            with urllib.request.urlopen(request, timeout=3) as response:  # noqa: S310
                body = response.read().decode("ascii", "replace")
        except (urllib.error.URLError, TimeoutError, OSError):
            logger.warning("Lösenordskontroll mot läckta lösenord kunde inte göras.")
            return
        for line in body.splitlines():
            found, _sep, count = line.strip().partition(":")
            if found == suffix and count.strip().isdigit() and int(count) > 0:
                raise ValidationError(
                    _(
                        "Lösenordet finns i kända dataläckor och kan gissas av vem som helst. "
                        "Välj ett annat."
                    ),
                    code="password_breached",
                )

    def get_help_text(self):
        return _("Lösenordet får inte finnas i kända dataläckor.")
