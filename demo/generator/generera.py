"""Realistic, fictitious history for one förbund: the demo's two years and the
benchmarks' national scale (bench/).

Generated history bypasses the services and the audit trail on purpose: it is demo
and benchmark data, written straight to the tables with bulk_create in batches, so
that a quarter of a million enrolments take minutes rather than hours. It still
keeps every database constraint and the rules the services enforce (steps in order,
two different contact persons from the insats's staff, consent before enrolment,
a follow-up only with consent, nothing dated after `till`).

Every name, address, number and workplace is invented. Surnames are made of
invented stems (`EFTERNAMN`); personnummer have serials 950–999 and a correct
check digit, as the demo's own (975 and 998 are left to the browser journeys,
which type them by hand).
"""

from __future__ import annotations

import datetime

from deltagare import lista_cache
from demo.generator.aktiviteter import AktivitetGenerator
from demo.generator.avslut import AvslutGenerator
from demo.generator.deltagare import FallGenerator
from demo.generator.ekonomi import EkonomiGenerator
from demo.generator.grund import GeneratorBas, historiska_tidsstamplar
from demo.generator.personer import PersonGenerator
from demo.generator.remisser import RemissGenerator


def generera(
    *,
    forbund,
    insatser,
    fran: datetime.date,
    till: datetime.date,
    antal: int,
    seed: int = 1,
    personal=None,
    batch: int = 5000,
) -> dict[str, int]:
    """Add `antal` fictitious enrolments to the förbund, spread over [fran, till] across the
    given individinriktade insatser, with everything around them; and goals and economy
    per insats and year (a strukturövergripande insats gets economy only).

    `personal` is the staff who act: a dict insats (or its pk) → users, one list for
    every insats, or None for each insats's active samordnare. Referrers are the
    förbund's active handläggare; an organisation without one sends no remisser.
    The same arguments and seed give the same data (ids and uuids aside).

    The function only adds: the caller decides whether history is wanted. Goals and a
    year's economy that already exist (they are unique per insats) are left as they are.
    Returns the number of rows made per model.
    """
    if till < fran:
        raise ValueError("till är före fran")
    gen = Generator(
        forbund=forbund,
        insatser=list(insatser),
        fran=fran,
        till=till,
        seed=seed,
        personal=personal,
        batch=max(1, batch),
    )
    with historiska_tidsstamplar():
        gen.inskrivningar(antal)
        gen.avbojda_remisser(antal // 9)
        gen.gruppaktiviteter()
        gen.mal_och_ekonomi(antal)
    # bulk_create sends no signals: the participant list's cache must start afresh.
    lista_cache.ny_generation()
    return dict(gen.antal)


class Generator(
    FallGenerator,
    AvslutGenerator,
    AktivitetGenerator,
    RemissGenerator,
    EkonomiGenerator,
    PersonGenerator,
    GeneratorBas,
):
    """The whole generator, assembled from its parts (one module each)."""
