"""Answering a one-time link: one anonymous answer, and the link forgotten."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from enkater.models import Enkatlank, ForbrukadLank, Svar, Svarsrad
from enkater.services.lankar import token_hash


class LankFel(Exception):
    """A link that cannot be answered: `orsak` is "ogiltig", "anvand" or "utgangen"."""

    def __init__(self, orsak: str):
        super().__init__(orsak)
        self.orsak = orsak


def lank_hamta(token: str) -> Enkatlank:
    """The unused, valid link of a token, or LankFel."""
    h = token_hash(token)
    lank = Enkatlank.objects.select_related("version__enkat").filter(token_hash=h).first()
    if lank is None:
        raise LankFel(
            "anvand" if ForbrukadLank.objects.filter(token_hash=h).exists() else "ogiltig"
        )
    if lank.giltig_till < timezone.now():
        raise LankFel("utgangen")
    return lank


@transaction.atomic
def svara(*, token: str, sprak: str, rader: list[dict]) -> None:
    """Store one answer and forget the link in the same transaction: the link is
    deleted and only its hash is kept as used. A second submission finds no link
    and stores nothing. No audit event: its time would point at the answer."""
    lank = lank_hamta(token)
    raderade, _detalj = Enkatlank.objects.filter(pk=lank.pk).delete()
    if not raderade:  # a concurrent submission was first
        raise LankFel("anvand")
    ForbrukadLank.objects.create(token_hash=lank.token_hash)
    svar = Svar.objects.create(
        version=lank.version,
        forbund_id=lank.forbund_id,
        insats_id=lank.insats_id,
        ar=lank.ar,
        kvartal=lank.kvartal,
        kon=lank.kon,
        aldersband=lank.aldersband,
        sprak=sprak,
    )
    Svarsrad.objects.bulk_create(Svarsrad(svar=svar, **rad) for rad in rader)
