"""The file's headers: which column holds which field, by the template's header or
through the office's mapping, and a saved mapping's key."""

import hashlib

from inlasning.kolumner import SYNONYMER, kolumner
from inlasning.provkorning.fil import FelaktigFil


class RubrikerSaknas(FelaktigFil):
    """Required columns are not found by header: the office maps the file's own
    columns instead (`rubriker`: the file's headers)."""

    def __init__(self, message, rubriker):
        super().__init__(message)
        self.rubriker = rubriker


def filens_rubriker(rubriker) -> list[str]:
    """The file's non-empty headers, each once, in the file's order."""
    sedda, ut = set(), []
    for r in rubriker:
        if r and r.casefold() not in sedda:
            sedda.add(r.casefold())
            ut.append(r)
    return ut


def rubriknyckel(rubriker) -> str:
    """The same set of headers (case and order aside) gives the same key: a saved
    mapping is found again for the next file from the same system."""
    text = "\n".join(sorted({r.casefold() for r in rubriker if r}))
    return hashlib.sha256(text.encode()).hexdigest()


def forslag(rubriker) -> dict:
    """field key → the file's header that matches its template header, its key or a
    known synonym (case-insensitively), for the mapping step's pre-filled selects."""
    per_namn = {r.casefold(): r for r in reversed(filens_rubriker(rubriker))}
    ut = {}
    for kol in kolumner():
        for namn in (kol.rubrik, kol.nyckel, *SYNONYMER.get(kol.nyckel, ())):
            if namn.casefold() in per_namn:
                ut[kol.nyckel] = per_namn[namn.casefold()]
                break
    return ut


def kolumnindex(rubriker, kols, mappning=None) -> dict:
    """field key → the column's index: by the template's header, or through the
    office's mapping (field key → the file's own header)."""
    per_rubrik = {}
    for n, rubrik in enumerate(rubriker):
        per_rubrik.setdefault(rubrik.casefold(), n)
    index = {}
    for kol in kols:
        namn = kol.rubrik if mappning is None else mappning.get(kol.nyckel)
        if namn and namn.casefold() in per_rubrik:
            index[kol.nyckel] = per_rubrik[namn.casefold()]
    return index
