"""The interval of a secondary cell: what the shown figures already tell.

A reader who sees a row "Kvinnor .., Män 40, Annat <5, Totalt 77" knows that
Kvinnor is 77 − 40 − Annat, so 33 to 36. Showing "33–36" instead of ".." then
says nothing that the "<5" does not already say, and the split by kön stays
readable. In general: each secondary cell that lies in a constraint gets the
lowest and highest value it can take in any filling consistent with everything
shown, where "<grans" is 1..grans−1 and ".." anything from 0 up. That range
holds all that the reader can work out (".." is in fact 0 or at least grans, a
narrower set), so publishing every interval removes no filling a reader would
otherwise have to consider. A cell the shown figures do not bound stays "..".
"""

from __future__ import annotations

from dataclasses import replace

from rapporter.sekretess.natverk import OANDLIGT, flode, natverk
from rapporter.sekretess.villkor import varde
from rapporter.tabell import Dold, Tabell


def spann(skyddad: Tabell, original: Tabell) -> None:
    """Give each bounded secondary cell of `skyddad` its interval (`Dold.spann`).
    A withheld table keeps its "..": there even the labels say too much."""
    if skyddad.undanhallen:
        return
    bagar = natverk(skyddad, original, _vida_granser)
    for cell, b in bagar.items():
        dold = varde(skyddad, cell)
        if not dold.sekundar:
            continue
        fram = flode(bagar, b.huvud, b.svans, cell, b.fram)
        bak = flode(bagar, b.svans, b.huvud, cell, b.bak)
        upp, ned = (fram, bak) if b.upp > 0 else (bak, fram)
        # Unbounded: stays "..". One value only: a hidden zero the figures give away
        # anyway, which names nobody; it stays ".." rather than read "0–0".
        if upp == OANDLIGT or upp + ned == 0:
            continue
        x = varde(original, cell)
        i, k = cell
        skyddad.alla_rader()[i].varden[k] = replace(dold, spann=(int(x - ned), int(x + upp)))


def _vida_granser(dold: Dold, x: int) -> tuple[int, float]:
    # Wider than the reader's own knowledge for "..", so the interval can only be
    # wider than what the reader can work out, never narrower.
    return (0, OANDLIGT) if dold.sekundar else (1, dold.grans - 1)
