"""Small-cell suppression (rapporter/sekretess/).

The property tests check the rule from the reader's side, independently of the
module's own audits: a brute-force reader enumerates every filling of the hidden
cells that agrees with what the table shows (rows and the summa row adding up,
"<5" meaning 1–4, ".." meaning 0 or at least the threshold) and must find at
least two values for every hidden cell that is not zero; and reading the
intervals too ("33–36" for a secondary cell the shown figures bound) must leave
exactly the same fillings, so an interval says nothing the rest does not.
"""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapporter.sekretess import skydda
from rapporter.sekretess.granskning import entydiga, harledbara
from rapporter.sekretess.villkor import villkor
from rapporter.tabell import (
    ANDEL,
    BELOPP,
    DAGAR,
    SKILLNAD,
    Dold,
    Kolumn,
    Rad,
    Tabell,
    kon_kolumner,
)

GRANS = 5
KON = ("kvinna", "man", "annat")


def tabell(rader, *, summa=True, radsumma=True):
    """A kön table from rows of (kvinna, man, annat) counts, totals worked out."""
    byggda = []
    for n, (k, m, a) in enumerate(rader):
        varden = {"kvinna": k, "man": m, "annat": a}
        if radsumma:
            varden["totalt"] = k + m + a
        byggda.append(Rad(f"Rad {n}", varden, nyckel=f"r{n}"))
    kolumner = kon_kolumner() if radsumma else kon_kolumner()[:3]
    summa_rad = None
    if summa:
        nycklar = [k.nyckel for k in kolumner]
        summa_rad = Rad("Summa", {k: sum(r.varden[k] for r in byggda) for k in nycklar})
    return Tabell(
        "test",
        "Test",
        "Rad",
        kolumner,
        byggda,
        summa=summa_rad,
        radsumma="totalt" if radsumma else None,
    )


def visat(t):
    return [[str(r.varden.get(k.nyckel)) for k in t.kolumner] for r in t.alla_rader()]


def lasare(skyddad, original, grans=GRANS, fonster=5, *, spann=False):
    """Every value each hidden cell can take in a filling that agrees with all
    that is shown: rows and the summa row adding up, "<5" meaning 1–4, ".." 0 or
    at least the threshold, and with `spann` a cell shown as an interval within
    it. Interior cells (the kön columns of the ordinary rows) are tried within
    `fonster` of the truth, which can only hide alternatives, never invent one;
    with `fonster=None` every value from 0 up to the smallest total shown in the
    cell's row or column, which no filling can pass (an exhaustive reading; where
    neither total is shown the cell can grow without end, and is tried within 5).
    Rows are combined by dynamic programming over column sums."""
    nycklar = [k for k in KON if any(k == c.nyckel for c in skyddad.kolumner)]
    summa = skyddad.summa

    def tillats(varde, visad):
        if not isinstance(visad, Dold):
            return varde == visad
        if spann and visad.spann and not visad.spann[0] <= varde <= visad.spann[1]:
            return False
        return varde == 0 or varde >= grans if visad.sekundar else 0 < varde < grans

    def visad_total(visad):
        return visad if isinstance(visad, int) else None

    def omfang(i, k):
        sann = original.rader[i].varden[k]
        totaler = [visad_total(skyddad.rader[i].varden.get("totalt"))]
        totaler.append(visad_total(summa.varden[k]) if summa else None)
        totaler = [t for t in totaler if t is not None]
        if fonster is None and totaler:
            return range(0, min(totaler) + 1)
        return range(max(0, sann - (fonster or 5)), sann + (fonster or 5) + 1)

    def kandidater(i):
        rad = skyddad.rader[i]
        val = [[v for v in omfang(i, k) if tillats(v, rad.varden[k])] for k in nycklar]
        return [
            f
            for f in itertools.product(*val)
            if "totalt" not in rad.varden or tillats(sum(f), rad.varden["totalt"])
        ]

    # A row's filling and the partial column sums as one number, a digit per column
    # in base `bas`: adding them is adding numbers.
    bas = 1 << 12

    def tal(f):
        return sum(v * bas**j for j, v in enumerate(f))

    def siffror(n):
        return [(n // bas**j) % bas for j in range(len(nycklar))]

    tak = [visad_total(summa.varden[k]) if summa else None for k in nycklar]

    def mojlig(n):
        # A partial column sum past a shown summa can never come back down.
        return all(t is None or s <= t for s, t in zip(siffror(n), tak, strict=True))

    def slut_ok(n):
        if summa is None:
            return True
        kolumnsummor = siffror(n)
        if not all(tillats(s, summa.varden[k]) for s, k in zip(kolumnsummor, nycklar, strict=True)):
            return False
        return "totalt" not in summa.varden or tillats(sum(kolumnsummor), summa.varden["totalt"])

    kand = [{tal(f): f for f in kandidater(i)} for i in range(len(skyddad.rader))]
    fram = [{0}]
    for rad in kand:
        steg = {s + f for s in fram[-1] for f in rad}
        fram.append({n for n in steg if mojlig(n)} if fonster is None else steg)
    # Backwards: the partial sums that can still end well, and the rows' fillings on the way.
    slut = {n for n in fram[-1] if slut_ok(n)}
    bak = slut
    varden: dict[tuple[int, str], set[int]] = {}
    for i in range(len(kand) - 1, -1, -1):
        nasta, bak = bak, set()
        anvanda = set()
        for s in fram[i]:
            for f in kand[i]:
                if s + f in nasta:
                    bak.add(s)
                    anvanda.add(f)
        for f in anvanda:
            for j, k in enumerate(nycklar):
                varden.setdefault((i, k), set()).add(kand[i][f][j])
            varden.setdefault((i, "totalt"), set()).add(sum(kand[i][f]))
    n = len(kand)
    for s in map(siffror, slut):
        for j, k in enumerate(nycklar):
            varden.setdefault((n, k), set()).add(s[j])
        varden.setdefault((n, "totalt"), set()).add(sum(s))
    return varden


def dolda_celler(t):
    return [
        (i, k)
        for i, r in enumerate(t.alla_rader())
        for k, v in r.varden.items()
        if isinstance(v, Dold)
    ]


def test_counts_below_the_threshold_are_hidden_and_zero_is_shown():
    t = skydda(tabell([(8, 3, 0), (6, 7, 0)]), GRANS)
    # The row's total goes rather than the 8 women (a hidden zero would not help), shown
    # as the interval 8 + "<5" gives anyway.
    assert visat(t)[0] == ["8", "<5", "0", "9–12"]
    # The column would give the 3 away as 10 − 7: the 7 goes too, and with it a total.
    assert visat(t)[1] == ["6", "6–9", "0", "12–15"]
    assert visat(t)[2] == ["14", "10", "0", "24"]
    assert t.grans == GRANS


def test_a_small_annat_cell_keeps_the_split_by_kon():
    # A typical board table (age bands): 35 women, 40 men and 2 "annat" in one row.
    rader = [(35, 40, 2), (50, 45, 6), (30, 28, 0), (20, 22, 7)]
    original = tabell(rader)
    t = skydda(original, GRANS)
    assert visat(t)[0][:3] == ["35", "40", "<5"]
    # Kvinnor and Män stay shown in every row and in the summa row; the uncertainty of
    # the "<5" goes into row totals and another "Annat" cell instead.
    for rad in t.alla_rader():
        assert not isinstance(rad.varden["kvinna"], Dold)
        assert not isinstance(rad.varden["man"], Dold)
    assert visat(t)[-1] == ["135", "135", "15", "285"]
    varden = lasare(t, original)
    for cell in dolda_celler(t):
        assert len(varden[cell]) > 1, (cell, visat(t))


def test_headline_totals_are_kept_before_the_split_and_the_kon_cell_shows_its_interval():
    # A table without a summa row (the overview): its totals are the headline figures,
    # repeated elsewhere (the goals' underlag), so a kön cell goes instead, the smaller.
    # It is shown as what 77 − 40 − "<5" gives anyway: 33 to 36.
    original = tabell([(35, 40, 2)], summa=False)
    t = skydda(original, GRANS)
    assert visat(t) == [["33–36", "40", "<5", "77"]]
    kvinna = t.rader[0].varden["kvinna"]
    assert kvinna == Dold(GRANS, sekundar=True, spann=(33, 36)) and kvinna.markering == ".."
    assert lasare(t, original, fonster=None)[(0, "kvinna")] == {33, 34, 35, 36}


def test_a_cell_nothing_shown_bounds_stays_fully_hidden():
    # One row and its summa: the grand total goes with Män, and nothing bounds either.
    t = skydda(tabell([(9, 7, 3)]), GRANS)
    assert visat(t) == [["9", "..", "<5", ".."]] * 2
    assert all(v.spann is None for v in t.rader[0].varden.values() if isinstance(v, Dold))


def test_the_input_is_never_changed():
    original = tabell([(8, 3, 0)])
    skydda(original, GRANS)
    assert original.rader[0].varden == {"kvinna": 8, "man": 3, "annat": 0, "totalt": 11}


def test_two_small_cells_that_only_one_split_explains_are_protected():
    # 8 as "<5" + "<5" can only be 4 + 4: a third cell must go, or the total.
    t = skydda(tabell([(4, 4, 6)], summa=False), GRANS)
    varden = lasare(t, tabell([(4, 4, 6)], summa=False))
    assert all(len(varden[c]) > 1 for c in dolda_celler(t)), visat(t)


def test_a_table_with_nothing_small_is_shown_whole():
    t = skydda(tabell([(8, 9, 5), (12, 6, 0)]), GRANS)
    assert dolda_celler(t) == []


def test_small_counts_adding_up_to_a_small_total_withhold_the_table():
    t = skydda(tabell([(0, 1, 0)] * 4, radsumma=False), GRANS)
    assert t.undanhallen
    assert visat(t) == [["..", "..", ".."]] * 5
    assert "Tabellen visas inte" in t.beskrivning


def test_a_table_already_protected_is_refused():
    with pytest.raises(ValueError):
        skydda(skydda(tabell([(8, 3, 0)]), GRANS), GRANS)


def test_the_threshold_is_the_forbund_own():
    t = skydda(tabell([(8, 3, 0)], summa=False), 3)
    assert visat(t)[0] == ["8", "3", "0", "11"]
    t = skydda(tabell([(8, 3, 0)], summa=False), 10)
    assert visat(t)[0] == ["<10", "<10", "0", "11"]


def test_shares_and_medians_rest_on_their_underlag():
    kolumner = [Kolumn("andel", "Andel", ANDEL), Kolumn("median", "Median", DAGAR)]
    rader = [
        Rad("Få", {"andel": 50.0, "median": 30}, underlag={"andel": 4, "median": 4}),
        Rad("Nästan alla", {"andel": 90.0, "median": 30}, underlag={"andel": 20, "median": 20}),
        Rad("Mitt", {"andel": 50.0, "median": 30}, underlag={"andel": 20, "median": 20}),
        Rad("Få räknade", {"andel": 10.0}, underlag={"andel": 30}, taljare={"andel": 3}),
    ]
    t = skydda(Tabell("t", "T", "R", kolumner, rader, radsumma=None), GRANS)
    # Underlag 4: both hidden. 90 % of 20 leaves 2 persons outside: a small count.
    assert visat(t) == [["<5", "<5"], ["<5", "30"], ["50.0", "30"], ["<5", "None"]]


def test_money_is_never_hidden():
    kolumner = [Kolumn("budget", "Budget", BELOPP), Kolumn("utfall", "Utfall", BELOPP)]
    t = skydda(
        Tabell(
            "e", "E", "R", kolumner, [Rad("Personal", {"budget": 3, "utfall": 1})], skyddas=False
        ),
        GRANS,
    )
    assert visat(t) == [["3", "1"]]


def test_a_difference_goes_with_the_counts_it_is_made_of():
    kolumner = [
        Kolumn("fore", "Före"),
        Kolumn("efter", "Efter"),
        Kolumn("skillnad", "Skillnad", SKILLNAD, av=("efter", "fore")),
    ]
    rader = [
        Rad("A", {"fore": 12, "efter": 3, "skillnad": -9}),
        Rad("B", {"fore": 12, "efter": 20, "skillnad": 8}),
    ]
    t = skydda(Tabell("s", "S", "R", kolumner, rader, radsumma=None), GRANS)
    assert visat(t) == [["12", "<5", ".."], ["12", "20", "8"]]


rad_strategi = st.tuples(*[st.integers(0, 12)] * 3)
# The shape of the board's tables: many women and men, few "annat".
typisk_rad = st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 6))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rader=st.one_of(
        st.lists(rad_strategi, min_size=1, max_size=4),
        st.lists(typisk_rad, min_size=1, max_size=4),
    ),
    summa=st.booleans(),
    radsumma=st.booleans(),
)
def test_no_hidden_value_can_be_worked_out(rader, summa, radsumma):
    if not summa and not radsumma:
        radsumma = True
    original = tabell(rader, summa=summa, radsumma=radsumma)
    t = skydda(original, GRANS)

    # Every small count is hidden; every shown cell is the true one.
    for r_o, r_s in zip(original.alla_rader(), t.alla_rader(), strict=True):
        for k, v in r_o.varden.items():
            if 0 < v < GRANS:
                assert isinstance(r_s.varden[k], Dold)
            if not isinstance(r_s.varden[k], Dold):
                assert r_s.varden[k] == v
    dolda = set(dolda_celler(t))
    if t.undanhallen:
        # The last resort: nothing about persons is shown at all.
        assert all(isinstance(v, Dold) for r in t.alla_rader() for v in r.varden.values())
        assert "Tabellen visas inte" in t.beskrivning
        return
    # No constraint holds exactly one hidden cell, and the module's audits agree.
    for v in villkor(original):
        assert sum(c in dolda for c, _ in v) != 1
    assert harledbara(t, original) == []
    assert entydiga(t, original) == []

    # The reader's side: each hidden cell can take at least two values, and the
    # intervals rule out no filling (below).
    las_som_lasaren(t, original)


def las_som_lasaren(t, original, fonster=5):
    varden = lasare(t, original, fonster=fonster)
    sanna = {(i, k): v for i, r in enumerate(original.alla_rader()) for k, v in r.varden.items()}
    for cell in dolda_celler(t):
        assert sanna[cell] in varden[cell]
        # A zero hidden to protect its neighbours may show through: it names nobody.
        if sanna[cell]:
            assert len(varden[cell]) > 1, (cell, visat(t))

    # The intervals say nothing more: the fillings that agree with the shown cells and
    # the intervals are exactly those that agree with the shown cells alone.
    assert lasare(t, original, fonster=fonster, spann=True) == varden, visat(t)
    for cell in dolda_celler(t):
        spann = t.alla_rader()[cell[0]].varden[cell[1]].spann
        if spann:
            assert spann[0] <= min(varden[cell]) and max(varden[cell]) <= spann[1], visat(t)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rader=st.lists(st.tuples(*[st.integers(0, 15)] * 2, st.integers(0, 6)), min_size=1, max_size=3),
    summa=st.booleans(),
    radsumma=st.booleans(),
)
def test_the_intervals_rule_out_nothing_a_reader_could_not(rader, summa, radsumma):
    # Smaller tables, so that the reader can try every filling: every value from 0 up
    # to the totals shown, not only those near the truth.
    original = tabell(rader, summa=summa, radsumma=radsumma or not summa)
    t = skydda(original, GRANS)
    if not t.undanhallen:
        las_som_lasaren(t, original, fonster=None)
