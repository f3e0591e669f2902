"""Build filled-in templates for the tests (and the benchmark)."""

import datetime
import io

from openpyxl import Workbook

from inlasning.kolumner import BLAD, kolumner


def xlsx(rader: list[dict], *, rubriker=None) -> bytes:
    """A workbook with the template's headers and one row per dict (keys = column keys)."""
    kols = kolumner()
    wb = Workbook()
    ws = wb.active
    ws.title = BLAD
    ws.append(rubriker or [k.rubrik for k in kols])
    for rad in rader:
        ws.append([rad.get(k.nyckel) for k in kols])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rad(externt_id, insats, pnr, **over) -> dict:
    """A complete open enrolment; `over` changes or adds cells."""
    data = {
        "externt_id": externt_id,
        "insats": insats,
        "personnummer": pnr,
        "fornamn": "Imma",
        "efternamn": "Importsson",
        "kon": "Kvinna",
        "folkbokforingskommun": "9999",
        "aktualiserad": datetime.date(2025, 1, 10),
        "inskrivningsdatum": datetime.date(2025, 2, 3),
        "start_utbildning": "Gymnasial, fullständig",
        "start_tid": "2–5 år",
        "start_forsorjning_1": "Försörjningsstöd",
        "start_sysselsattning": "Ingen sysselsättning",
        "start_af": "Ja",
        "start_socialtjanst": "Ja",
    }
    data.update(over)
    return data


def avslutad(data: dict, **over) -> dict:
    data = {
        **data,
        "avslutsdatum": datetime.date(2025, 9, 30),
        "vag_ut": "Arbete",
        "ansvarig_efter": "Arbetsförmedlingen",
        "nasta_steg": "Ja",
        "avslut_utbildning": "Gymnasial, fullständig",
        "avslut_tid": "2–5 år",
        "avslut_forsorjning_1": "Lön",
        "avslut_sysselsattning": "Förvärvsarbete",
        "avslut_procent": 75,
        "avslut_af": "Nej",
    }
    data.update(over)
    return data


def _pnr(rng, fodd: datetime.date, tagna: set) -> str:
    from samverkan.validators import luhn_ok

    # Serial 000 is no personnummer (the validator refuses it).
    while True:
        serial = f"{rng.randrange(1, 1000):03d}"
        for c in range(10):
            nummer = f"{fodd:%Y%m%d}{serial}{c}"
            if luhn_ok(nummer[2:]) and nummer not in tagna:
                tagna.add(nummer)
                return nummer


def exempelrader(
    n: int, insatser: list[str], organisationer: list[str], seed: int = 1, prefix="E"
) -> list[dict]:
    """`n` varied, valid rows (fictitious people), enrolments 2023–2025; about one
    row in ten is a returning person whose earlier enrolment has ended."""
    import random

    from inlasning.kolumner import kolumner

    rng = random.Random(seed)
    kols = {k.nyckel: k for k in kolumner()}

    def label(nyckel, undan=()):
        par = [p for p in kols[nyckel].koder if p[0] not in undan]
        kod, lbl = rng.choice(par)
        return lbl if rng.random() < 0.8 else kod

    def sus(prefix_):
        data = {
            f"{prefix_}_utbildning": label(f"{prefix_}_utbildning"),
            f"{prefix_}_tid": label(f"{prefix_}_tid"),
            f"{prefix_}_sysselsattning": label(f"{prefix_}_sysselsattning"),
        }
        for j, (_kod, lbl) in enumerate(
            rng.sample(kols["start_forsorjning_1"].koder, rng.randint(1, 3))
        ):
            data[f"{prefix_}_forsorjning_{j + 1}"] = lbl
        for m in ("af", "fk", "socialtjanst", "halso_sjukvard"):
            data[f"{prefix_}_{m}"] = rng.choice(["Ja", "Nej", None])
        data[f"{prefix_}_procent"] = rng.choice([25, 50, 75, 100])
        return data

    rader, avslutade, tagna = [], [], set()
    for i in range(n):
        start = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(1000))
        if avslutade and rng.random() < 0.1:
            person = avslutade.pop(rng.randrange(len(avslutade)))
            start = max(start, person["slut"] + datetime.timedelta(days=1))
        else:
            fodd = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(16000))
            person = {"pnr": _pnr(rng, fodd, tagna), "kon": label("kon"), "slut": None}
        rad_ = {
            "externt_id": f"{prefix}-{i + 1}",
            "insats": rng.choice(insatser),
            "personnummer": person["pnr"],
            "fornamn": "Exempel",
            "efternamn": f"Person{i}",
            "kon": person["kon"],
            "folkbokforingskommun": rng.choice(["9999", "9998", None]),
            "remittent": rng.choice([*organisationer, None]),
            "aktualiserad": start - datetime.timedelta(days=rng.randrange(30)),
            "inskrivningsdatum": start,
            **sus("start"),
        }
        slut = start + datetime.timedelta(days=rng.randrange(20, 500))
        if slut < datetime.date(2025, 12, 31) and rng.random() < 0.75:
            rad_.update(
                avslutsdatum=slut,
                vag_ut=label("vag_ut"),
                ansvarig_efter=label("ansvarig_efter"),
                nasta_steg=rng.choice(["Ja", "Nej"]),
            )
            if rad_["vag_ut"] not in ("felregistrering", kols["vag_ut"].koder[-1][1]):
                rad_.update(sus("avslut"))
            person["slut"] = slut
            avslutade.append(person)
        rader.append(rad_)
    return rader
