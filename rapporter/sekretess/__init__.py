"""Small-cell suppression: what a board document may show.

Board material is a public document, so a count of persons below the förbund's
threshold (`grans`, default 5) is shown as "<5", and no hidden value may be
worked out from what is shown. `skydda()` returns a protected copy of a Tabell;
the input is never changed.

Primary suppression (the cell itself is too small), shown as "<grans":

- ANTAL: a count with 0 < value < grans. **Zero is shown**: there is no person
  behind it to protect, and hiding every zero would hide most of a small
  insats's tables (and would make "<5" mean "0–4" for no gain).
- ANDEL: hidden when its underlag is below grans, or when the persons counted
  (taljare) or not counted (underlag − taljare) are 1 to grans−1. A missing
  taljare is worked out from the share, as a reader could.
- DAGAR (a median): hidden when its underlag is below grans.
- BELOPP, TAL, TEXT: never (not about persons).

Secondary suppression, shown as "..": a reader knows the linear constraints of
the table, a row's ANTAL cells add up to its `radsumma` cell and, when there is
a summa row, each ANTAL column adds up to it. Every constraint holding a hidden
cell must hold at least two, and then no hidden cell may follow from the system
as a whole (`harledbara`, exact Gaussian elimination), nor from the system
together with what the labels say: a "<5" cell lies in 1..grans−1 and a ".."
cell is 0 or at least grans (`entydiga`, e.g. a total of 8 split into "<5" and
"<5" can only be 4 + 4; a total of 6 split into "<5" and ".." only 1 + 5).
The extra cell hidden is chosen to keep what the board reads the tables for, the
split by kön (`_niva`): first a cell of the "Annat/ej uppgett" column or the total
of an ordinary row (the uncertainty of a small "annat" goes into the row's total,
and Kvinnor and Män stay shown); then Kvinnor or Män; then the summa row; the
grand total last. Within a level the smallest first, and zeros after every
non-zero cell (a hidden zero protects nothing). A table without a summa row (the
overview) keeps its totals before its kön cells: they are the headline figures,
repeated in the summa rows of other tables and as the goals' underlag, so hiding
one here and showing it there would undo the protection; and the overview's rows
and every summa row then choose alike. (Modules: `primar`, `sekundar`, the audits
in `granskning`, the constraints in `villkor`, their network in `natverk`.)

Intervals (`spann`): a secondary cell that the shown figures bound is shown as
the interval they allow, "33–36" rather than "..": its lowest and highest value
in any filling consistent with what is shown. The reader could work that out,
so it reveals nothing the "<5" beside it does not; and the overview's Kvinnor or
Män, hidden with a small "Annat/ej uppgett", still gives the split by kön. A
cell nothing bounds stays "..", as do every cell of a withheld table and every
hidden SKILLNAD.

SKILLNAD (a − b of the same row) is hidden when a or b is hidden.

When everything that could help is hidden and a value still follows (several
"<5" adding up to a "<5" total), the whole table is withheld: every cell about
persons becomes ".." and the table says why.

Limits, by design: each table is protected on its own (a total shown in one
table and hidden in another is the reader's to combine, which is why totals
are kept); the audit of the labels lets a ".." cell move only within grans and
more (a hidden zero not at all), which may hide a cell more than strictly needed
but never one too few; and shares (ANDEL) are not tied to the counts of the
same table.
"""

from __future__ import annotations

from dataclasses import replace

from rapporter.sekretess.primar import primar, skillnad
from rapporter.sekretess.sekundar import sekundar
from rapporter.sekretess.spann import spann
from rapporter.tabell import Avsnitt, Dold, Tabell


def skydda(tabell: Tabell, grans: int) -> Tabell:
    """A protected copy of `tabell` with cells hidden as `Dold(grans)` (primary)
    or `Dold(grans, sekundar=True)` (secondary, with its `spann` when the shown
    figures bound it), and `grans` set."""
    if grans < 2:
        raise ValueError("grans must be at least 2")
    skyddad = tabell.kopia()
    skyddad.grans = grans
    if not tabell.skyddas:
        return skyddad
    if any(isinstance(v, Dold) for rad in tabell.alla_rader() for v in rad.varden.values()):
        raise ValueError(f"{tabell.nyckel}: the table is already protected")
    primar(skyddad, grans)
    sekundar(skyddad, tabell, grans)
    skillnad(skyddad, grans)
    spann(skyddad, tabell)
    return skyddad


def skydda_avsnitt(avsnitt: list[Avsnitt], grans: int) -> list[Avsnitt]:
    """Every table of every section protected; the input is not changed."""
    return [replace(a, tabeller=[skydda(t, grans) for t in a.tabeller]) for a in avsnitt]
