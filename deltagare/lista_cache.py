"""The participant list's rendered results, kept in the shared cache.

A hit replaces the list's two SQL queries, its filter form and 25 rows with two
cache reads (docs/benchmarks.md, "The throughput ratio"). What is kept is the filter
form and the table with its pagination; the search form with its CSRF token is
rendered on every request.

The key holds the user, the insatser they work in, the language, the query string,
the search text and a version token of every insats and förbund the user works in,
plus one generation for everything. Saving or deleting an enrolment, a participant,
an insats or a user's name replaces the tokens it touches once the transaction
commits, so a hit shows what the database holds (docs/dataskydd.md). Bulk writes that
pass no signal (the generator, migrations) start a new generation.

The value holds participant names, so it is encrypted with a key derived from
SECRET_KEY; the key of an entry is an HMAC, so no search text or personnummer can be
read back from it. Any cache error means an ordinary render: the list never fails
because of the cache. On by default only with a shared cache (REDIS_URL): a cache per
process would not hear other processes' writes.
"""

import base64
import functools
import hashlib
import hmac
import json
import logging
import secrets

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from samverkan.permissions import roller

logger = logging.getLogger(__name__)

# The list's own parameters; any other query string is rendered without the cache.
PARAMETRAR = frozenset({"insats", "steg", "mina", "pagaende", "ordning", "page", "sok"})
_MAX_VARDE = 100
_PREFIX = "deltagarlista"
_GENERATION = f"{_PREFIX}:v:generation"


def aktiv() -> bool:
    return settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER > 0


@functools.lru_cache(maxsize=8)
def _hemlighet(syfte: str, secret_key: str) -> bytes:
    return hashlib.sha256(f"samverkan.deltagarlista.{syfte}:{secret_key}".encode()).digest()


@functools.lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_hemlighet("varde", secret_key)))


def _insats_nyckel(pk) -> str:
    return f"{_PREFIX}:v:insats:{pk}"


def _forbund_nyckel(pk) -> str:
    return f"{_PREFIX}:v:forbund:{pk}"


def _versioner(nycklar: list[str]) -> list[str]:
    """The current token of each key; a missing one (never set, or evicted) gets a new
    random token, so an entry made under an evicted token can never match again."""
    funna = cache.get_many(nycklar)
    saknas = [n for n in nycklar if n not in funna]
    for n in saknas:
        cache.add(n, secrets.token_hex(8), timeout=None)
    if saknas:
        funna.update(cache.get_many(saknas))
    return [str(funna.get(n, "")) for n in nycklar]


def nyckel(request, sok: str) -> str | None:
    """The entry's key for this request, or None where the list is not cached."""
    if not aktiv():
        return None
    params = sorted(request.GET.lists())
    for namn, varden in params:
        if namn not in PARAMETRAR or len(varden) > 1 or len(varden[0]) > _MAX_VARDE:
            return None
    r = roller(request.user)
    insatser = sorted(r.samordnare_insatser)
    forbund = sorted(r.forbund)
    versions = _versioner(
        [_GENERATION, *map(_insats_nyckel, insatser), *map(_forbund_nyckel, forbund)]
    )
    underlag = json.dumps(
        [request.user.pk, get_language(), insatser, forbund, versions, params, sok],
        separators=(",", ":"),
    )
    hemlighet = _hemlighet("nyckel", settings.SECRET_KEY)
    digest = hmac.new(hemlighet, underlag.encode(), hashlib.sha256).hexdigest()
    return f"{_PREFIX}:r:{digest}"


def _las(key):
    varde = cache.get(key)
    if varde is None:
        return None
    try:
        delar = json.loads(_fernet(settings.SECRET_KEY).decrypt(varde))
    except (InvalidToken, TypeError, ValueError):
        return None  # written under another SECRET_KEY, or not ours: a miss
    # Our own templates rendered these, escaped, before they were kept.
    return tuple(mark_safe(d) for d in delar)  # noqa: S308


def _spara(key, delar):
    varde = _fernet(settings.SECRET_KEY).encrypt(json.dumps(delar).encode())
    cache.set(key, varde, timeout=settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER)


def hamta_eller_rendera(request, sok: str, rendera) -> tuple[str, ...]:
    """The fragments from the cache, or from `rendera()` (then kept for next time)."""
    try:
        key = nyckel(request, sok)
        delar = _las(key) if key is not None else None
    except Exception:
        logger.warning("Deltagarlistans cache svarar inte; listan visas utan den.", exc_info=True)
        return tuple(rendera())
    if delar is not None:
        return delar
    delar = tuple(rendera())
    if key is not None:
        try:
            _spara(key, delar)
        except Exception:
            logger.warning("Deltagarlistans cache svarar inte; svaret sparas inte.", exc_info=True)
    return delar


# --- Invalidation ---------------------------------------------------------------------


def _byt(nycklar) -> None:
    # Always, even with the cache off: entries made before it was turned off must not
    # come back if it is turned on again within their lifetime.
    nycklar = list(nycklar)
    if not nycklar:
        return

    def byt():
        try:
            cache.set_many({n: secrets.token_hex(8) for n in nycklar}, timeout=None)
        except Exception:
            # Entries under the old tokens now live until their TTL ends them.
            logger.warning("Deltagarlistans cache kunde inte ogiltigförklaras.", exc_info=True)

    transaction.on_commit(byt, robust=True)


def ny_version_insats(*pks) -> None:
    _byt(_insats_nyckel(pk) for pk in set(pks) if pk is not None)


def ny_version_forbund(*pks) -> None:
    _byt(_forbund_nyckel(pk) for pk in set(pks) if pk is not None)


def ny_generation() -> None:
    _byt([_GENERATION])
