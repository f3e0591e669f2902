import pytest

from enkater.models import Fraga
from enkater.services.enkat import standardenkater_skapa
from enkater.services.lankar import deltagarlank_skapa
from enkater.services.svar import lank_hamta, svara


@pytest.fixture
def standard(forbund):
    return standardenkater_skapa(forbund)


def fyll_i(version, *, skala=4, alternativ=1, text="Bra stöd"):
    """Answer rows for every question of a version: `skala` on scales, the
    `alternativ`-th option on choices, `text` on free text."""
    rader = []
    for f in version.fragor.prefetch_related("alternativ"):
        if f.typ == Fraga.Typ.SKALA:
            rader.append({"fraga": f, "varde": skala})
        elif f.typ in (Fraga.Typ.ENVAL, Fraga.Typ.FLERVAL):
            alt = sorted(f.alternativ.all(), key=lambda a: a.ordning)[alternativ - 1]
            rader.append({"fraga": f, "alternativ": alt})
        elif text:
            rader.append({"fraga": f, "text": text})
    return rader


def svara_manga(*, actor, inskrivning, antal, skala=4):
    """`antal` answers through real links of this enrolment."""
    for _ in range(antal):
        token = deltagarlank_skapa(actor=actor, inskrivning=inskrivning)
        lank = lank_hamta(token)
        svara(token=token, sprak="sv", rader=fyll_i(lank.version, skala=skala))
