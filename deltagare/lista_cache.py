"""The participant list's rendered page, kept in the shared cache.

A hit replaces the list's SQL, its filter form, 25 rows and the page around them
with one cache read and a string replacement (docs/benchmarks.md, "The throughput
ratio"). The page is rendered with a marker where the CSRF tokens go, and a hit puts
this request's token there. A request with flash messages to show is rendered, not
cached.

An entry's key holds the user and everything of theirs the page shows (roles,
e-mail for the logout button, which comes with the generation), the language, the
path with its query string, the search text and the code (templates, translations,
static manifest). Stored with it are the version tokens, read before the data, of
every insats and förbund the user works in plus one generation for everything; a hit
needs them all unchanged. Saving or deleting an enrolment, a participant, an insats
or a user's name or e-mail replaces the tokens it touches once the transaction
commits (deltagare/signals.py), so a hit shows what the database holds
(docs/dataskydd.md). Bulk writes that pass no signal (the generator, migrations)
start a new generation.

The value holds participant names, so it is encrypted with a key derived from
SECRET_KEY; the key is an HMAC, so no search text or personnummer can be read back
from it. Any cache error means an ordinary render: the list never fails because of
the cache. On by default only with a shared cache (REDIS_URL): a cache per process
would not hear other processes' writes.
"""

import base64
import functools
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import fields
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from samverkan.permissions import roller

logger = logging.getLogger(__name__)

# The list's own parameters; any other query string is rendered without the cache.
PARAMETRAR = frozenset({"insats", "steg", "mina", "pagaende", "ordning", "page", "sok"})
_MAX_VARDE = 100
_PREFIX = "deltagarlista"
_GENERATION = f"{_PREFIX}:v:generation"
# Where the CSRF tokens go in a kept page; only letters, so escaping leaves it as is.
CSRF_MARKOR = "SamverkanCsrfMarkorXq7Zt"


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


@functools.lru_cache(maxsize=1)
def _kodversion() -> str:
    """What the page is drawn from besides the data: a deploy that changes a template,
    a translation or the static files' names must not meet pages drawn before it."""
    h = hashlib.sha256()
    kallor = [Path(settings.BASE_DIR) / "templates", Path(settings.BASE_DIR) / "locale"]
    if settings.STATIC_ROOT:
        kallor.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    for kalla in kallor:
        filer = sorted(kalla.rglob("*")) if kalla.is_dir() else [kalla]
        for fil in filer:
            if fil.is_file():
                st = fil.stat()
                h.update(f"{fil}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def nyckel(request, sok: str) -> tuple[str, list[str]] | None:
    """The entry's key and the version keys it depends on, or None where the page is
    not cached. The versions are not in the key but stored with the value: one read
    fetches both, and a new version overwrites the old entry instead of leaving it."""
    if not aktiv():
        return None
    params = sorted(request.GET.lists())
    for namn, varden in params:
        if namn not in PARAMETRAR or len(varden) > 1 or len(varden[0]) > _MAX_VARDE:
            return None
    if len(messages.get_messages(request)):
        return None  # shown once, so never kept
    user = request.user
    r = roller(user)
    insatser = sorted(r.samordnare_insatser)
    forbund = sorted(r.forbund)
    underlag = json.dumps(
        [
            _kodversion(),
            user.pk,
            user.is_superuser,
            user.is_staff,
            [sorted(getattr(r, f.name)) for f in fields(r)],
            get_language(),
            request.get_full_path(),
            sok,
        ],
        separators=(",", ":"),
    )
    hemlighet = _hemlighet("nyckel", settings.SECRET_KEY)
    digest = hmac.new(hemlighet, underlag.encode(), hashlib.sha256).hexdigest()
    versioner = [_GENERATION, *map(_insats_nyckel, insatser), *map(_forbund_nyckel, forbund)]
    return f"{_PREFIX}:s:{digest}", versioner


def _las(key, versionsnycklar) -> tuple[list[str], str | None]:
    """The current versions, and the page if the entry was made under them."""
    funna = cache.get_many([*versionsnycklar, key])
    saknas = [n for n in versionsnycklar if n not in funna]
    if saknas:
        # Never set, or evicted: a new random token, so that no entry made under an
        # evicted token can match again.
        for n in saknas:
            cache.add(n, secrets.token_hex(8), timeout=None)
        funna.update(cache.get_many(saknas))
    versioner = [str(funna.get(n, "")) for n in versionsnycklar]
    post = funna.get(key)
    if saknas or not isinstance(post, tuple) or len(post) != 2 or post[0] != versioner:
        return versioner, None
    try:
        return versioner, _fernet(settings.SECRET_KEY).decrypt(post[1]).decode()
    except (InvalidToken, TypeError, ValueError):
        return versioner, None  # written under another SECRET_KEY: a miss


def _spara(key, versioner, sida: str):
    varde = _fernet(settings.SECRET_KEY).encrypt(sida.encode())
    cache.set(key, (versioner, varde), timeout=settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER)


def sida(request, sok: str, rendera) -> str:
    """The list page from the cache, or `rendera(csrf_token)` (then kept for next time).

    `rendera` is given the value for the template's `csrf_token`: None for an ordinary
    render, else the marker that a hit replaces with this request's token. The
    versions are read before the data: a write that commits in between leaves an entry
    under the older versions, which the next reader does not take."""
    try:
        nycklar = nyckel(request, sok)
        if nycklar is None:
            return rendera(None)
        key, versionsnycklar = nycklar
        versioner, html = _las(key, versionsnycklar)
    except Exception:
        logger.warning("Deltagarlistans cache svarar inte; listan visas utan den.", exc_info=True)
        return rendera(None)
    if html is None:
        html = rendera(CSRF_MARKOR)
        try:
            _spara(key, versioner, html)
        except Exception:
            logger.warning("Deltagarlistans cache svarar inte; sidan sparas inte.", exc_info=True)
    return html.replace(CSRF_MARKOR, get_token(request))


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
