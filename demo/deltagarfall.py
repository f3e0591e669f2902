"""The demo's hand-made participants, one spec per case, at every step of both insatser.

Every name, address, number and workplace here is invented. A spec says how far the
case goes (`demo.deltagare` takes it there through the services): "aktualiserad" or
"inskriven" (dates), "samtal" (mapping talks), "klar" (mapping done and a plan),
"aktiviteter" and "kontakter" (days after enrolment), "avslut", "uppfoljning",
"aterkalla" (consent withdrawn).
"""

import datetime
from decimal import Decimal

from deltagare.koder import (
    AktivitetTyp,
    AnsvarigEfter,
    Forsorjning,
    Kon,
    KontaktTyp,
    PlanStegStatus,
    Syfte,
    Sysselsattning,
    VagUt,
)
from demo.forbund import SAMVERKANSTEAMET, UNGA_VUXNA

ALLA_SYFTEN = set(Syfte.values)
UTAN_UPPFOLJNING = {Syfte.INFORMATIONSUTBYTE, Syfte.REGISTRERING}

SAMTAL_OMRADEN = [
    ["social", "halsa"],
    ["resurser", "utbildning_arbete"],
    ["ekonomi", "intressen", "mal"],
]

SUS_START = {
    SAMVERKANSTEAMET: {
        "utbildning": "gymnasial_fullstandig",
        "tid_offentlig_forsorjning": "2_5",
        "sysselsattning": Sysselsattning.INGEN,
        "aktuell_af": True,
        "aktuell_fk": True,
        "aktuell_socialtjanst": False,
        "aktuell_halso_sjukvard": True,
    },
    UNGA_VUXNA: {
        "utbildning": "gymnasial_ej_fullstandig",
        "tid_offentlig_forsorjning": "1_2",
        "sysselsattning": Sysselsattning.INGEN,
        "aktuell_af": True,
        "aktuell_fk": False,
        "aktuell_socialtjanst": True,
        "aktuell_halso_sjukvard": False,
    },
}
FORSORJNING_START = {
    SAMVERKANSTEAMET: [Forsorjning.SJUKPENNING],
    UNGA_VUXNA: [Forsorjning.FORSORJNINGSSTOD],
}

KARTLAGGNING_DELVIS = {
    "social": "Bor ensam i lägenhet. Har kontakt med en syster.",
    "halsa": "Sover dåligt i perioder. Går på regelbundna besök i vården.",
    "halsa_sjalvskattad": 3,
}
KARTLAGGNING_HEL = {
    **KARTLAGGNING_DELVIS,
    "resurser": "Noggrann och punktlig. Tycker om att arbeta med händerna.",
    "utbildning_arbete": "Gymnasium. Har arbetat några somrar i kök och lager.",
    "ekonomi": "Vill förstå hur lön påverkar ersättningen innan arbetsträning.",
    "intressen": "Matlagning, promenader, spel.",
    "egna_mal": "Ett arbete på deltid inom ett år.",
}


def plan_standard(klar, actor):
    """The plan of a case without a plan of its own."""
    return (
        "Jag vill hitta något att göra på dagarna som kan leda till ett arbete.",
        [
            {
                "beskrivning": "Pröva arbetsträning några timmar i veckan",
                "ansvarig": f"{actor.fornamn} {actor.efternamn}",
                "datum": klar + datetime.timedelta(days=60),
            },
            {
                "beskrivning": "Stämma av ersättningen med handläggaren",
                "ansvarig": "Deltagaren",
                "datum": klar + datetime.timedelta(days=30),
            },
        ],
        "",
    )


def _till_arbete(arbetsplats, *, timmar, dagar, avslut, procent, sammanfattning) -> dict:
    """A case that went from arbetsträning (days after enrolment) to work."""
    start, slut = dagar
    return {
        "samtal": 3,
        "klar": True,
        "aktiviteter": [
            {
                "start": start,
                "slut": slut,
                "typ": AktivitetTyp.ARBETSTRANING,
                "arbetsplats": arbetsplats,
                "timmar_per_vecka": Decimal(timmar),
            }
        ],
        "avslut": {
            "datum": avslut,
            "vag_ut": VagUt.ARBETE,
            "ansvarig_efter": AnsvarigEfter.INGEN,
            "sammanfattning": sammanfattning,
        },
        "sus_avslut": {
            "sysselsattning": Sysselsattning.FORVARVSARBETE,
            "sysselsattning_procent": procent,
        },
        "forsorjning_avslut": [Forsorjning.LON],
    }


def samverkansteamet(t, m):
    """The cases of Samverkansteamet; t(days) and m(months, days) are dates back from today."""
    return [
        # Aktualisering: no consent yet.
        {"nyckel": "s01", "fornamn": "Lina", "efternamn": "Exempelsson", "kon": Kon.KVINNA,
         "alder": 34, "remittent": "kommun", "aktualiserad": t(9), "samtycke": False},
        # Aktualisering: consent, and the information meeting the insats requires.
        {"nyckel": "s02", "fornamn": "Omar", "efternamn": "Testberg", "kon": Kon.MAN,
         "alder": 45, "remittent": "fk", "samtycke_org": ["af"], "aktualiserad": t(25),
         "informationsmote": t(6)},
        # Registered by mistake: felregistrering straight from aktualisering.
        {"nyckel": "s03", "fornamn": "Erik", "efternamn": "Provlund", "kon": Kon.MAN,
         "alder": 38, "remittent": "af", "aktualiserad": t(60), "samtycke": False,
         "avslut": {"datum": t(55), "vag_ut": VagUt.FELREGISTRERING,
                    "ansvarig_efter": AnsvarigEfter.INGEN,
                    "sammanfattning": "Registrerad två gånger av misstag."}},
        # Inskrivning, with a samordningsnummer.
        {"nyckel": "s04", "fornamn": "Samir", "efternamn": "Demosson", "kon": Kon.MAN,
         "alder": 31, "id": "samordningsnummer", "remittent": "af", "aktualiserad": t(40),
         "informationsmote": t(20), "inskriven": t(12)},
        # Inskrivning, anonymous.
        {"nyckel": "s05", "anonym": True, "kon": Kon.ANNAT},
        # Kartläggning: protected identity, two talks, part of the mapping.
        {"nyckel": "s06", "fornamn": "Maria", "efternamn": "Demodotter", "kon": Kon.KVINNA,
         "kontakt_remittent_sedan": [(28, "Avstämning med vården om kartläggningen.")],
         "alder": 49, "skyddad": True, "remittent": "region", "inskriven": t(45),
         "samtal": 2},
        # Kartläggning: three talks, more of the mapping, not yet done.
        {"nyckel": "s07", "fornamn": "Anders", "efternamn": "Fiktivsson", "kon": Kon.MAN,
         "kontakt_remittent_sedan": [(5, "Lägesrapport till Försäkringskassan.")],
         "alder": 56, "remittent": "fk", "inskriven": t(50), "samtal": 3,
         "kartlaggning": {**KARTLAGGNING_DELVIS,
                          "resurser": "Lång erfarenhet av lagerarbete.",
                          "egna_mal": "Komma tillbaka till arbete på halvtid."}},
        # Insatser: a plan in three versions, arbetsträning, contacts incl. to the remittent.
        {"nyckel": "s08", "fornamn": "Johan", "efternamn": "Låtsasson", "kon": Kon.MAN,
         "kontakt_remittent_sedan": [(40, "Avstämning med FK om arbetsträningen.")],
         "alder": 41, "remittent": "fk", "samtycke_org": ["af"], "inskriven": t(200),
         "samtal": 3, "klar": True,
         "sammanfattning": "Vill börja arbeta i kök. Behöver komma igång i liten skala.",
         "planer": _plan_johan(t(200)),
         "aktiviteter": [
             {"start": 35, "typ": AktivitetTyp.COACHSAMTAL,
              "anteckning": "Veckovisa samtal om struktur i vardagen."},
             {"start": 45, "typ": AktivitetTyp.EKONOMISK_RADGIVNING,
              "anteckning": "Hur lön påverkar sjukpenningen."},
             {"start": 60, "typ": AktivitetTyp.ARBETSTRANING,
              "arbetsplats": "Café Exempelbönan", "arbetsgivarkontakt": "Berit Handledarsson",
              "timmar_per_vecka": Decimal("10"), "slut": 119},
             {"start": 120, "typ": AktivitetTyp.ARBETSTRANING,
              "arbetsplats": "Café Exempelbönan", "arbetsgivarkontakt": "Berit Handledarsson",
              "timmar_per_vecka": Decimal("20"), "anteckning": "Utökade timmar."},
         ],
         "kontakter": [
             (30, KontaktTyp.DELTAGARE, "Telefonsamtal om första veckan.", False),
             (70, KontaktTyp.REMITTENT,
              "Avstämning med handläggaren om arbetsträningens omfattning.", True),
             (90, KontaktTyp.ARBETSGIVARE, "Handledaren är nöjd med närvaron.", False),
             (118, KontaktTyp.TREPARTSMOTE,
              "Trepartsmöte: överens om att öka till 20 timmar.", False),
         ]},
        # Insatser, near the insats's longest time: a warning shows.
        {"nyckel": "s09", "fornamn": "Karin", "efternamn": "Övningsberg", "kon": Kon.KVINNA,
         "kontakt_remittent_sedan": [(10, "Avstämning med vården inför avslutet.")],
         "alder": 58, "remittent": "region", "samtycke_org": ["fk"],
         "inskriven": m(12, 15), "samtal": 3, "klar": True,
         "aktiviteter": [
             {"start": 40, "typ": AktivitetTyp.EXTERN_UTREDNING, "slut": 80,
              "anteckning": "Arbetsförmågeutredning."},
             {"start": 90, "typ": AktivitetTyp.STUDIEBESOK,
              "anteckning": "Besök på en påhittad secondhandbutik."},
         ],
         "kontakter": [(60, KontaktTyp.REMITTENT, "Lägesrapport till vården.", True)]},
        # Insatser, extended by the styrgrupp; studies with support.
        {"nyckel": "s10", "fornamn": "Ali", "efternamn": "Modellberg", "kon": Kon.MAN,
         "kontakt_remittent_sedan": [(26, "Lägesrapport till socialtjänsten om studierna.")],
         "alder": 36, "remittent": "kommun", "samtycke_org": ["af"], "inskriven": m(14),
         "samtal": 3, "klar": True, "forlang": (m(3), 6),
         "forsorjning": [Forsorjning.FORSORJNINGSSTOD],
         "sus": {"aktuell_fk": False, "aktuell_socialtjanst": True},
         "aktiviteter": [
             {"start": 60, "typ": AktivitetTyp.STUDIER, "stodperiod_manader": 3,
              "anteckning": "Kurs i svenska på komvux."},
             {"start": 200, "typ": AktivitetTyp.ARBETSTRANING,
              "arbetsplats": "Exempeldalens påhittade lager", "timmar_per_vecka":
              Decimal("15")},
         ]},
        # Avslut: work.
        {"nyckel": "s11", "fornamn": "Sofia", "efternamn": "Prototypsson", "kon": Kon.KVINNA,
         "alder": 29, "remittent": "af", "inskriven": t(300),
         **_till_arbete("Påhittade bageriet", timmar=25, dagar=(50, 240), avslut=t(30),
                        procent=75, sammanfattning="Anställd på deltid på bageriet.")},
        # Avslut: back to the remittent with a medical plan (no follow-up in the consent).
        {"nyckel": "s12", "fornamn": "Hassan", "efternamn": "Skissberg", "kon": Kon.MAN,
         "alder": 47, "remittent": "region", "syften": UTAN_UPPFOLJNING,
         "inskriven": t(280), "samtal": 3, "klar": True,
         "avslut": {"datum": t(60), "vag_ut": VagUt.ATER_REMITTENT,
                    "ansvarig_efter": AnsvarigEfter.REGION,
                    "sammanfattning": "Behöver mer stöd från vården innan arbete.",
                    "rekommendationer": "Ny kontakt om ett halvår."},
         "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.SJUKPENNING]},
        # Avslut during the mapping: avbrott, illness.
        {"nyckel": "s13", "fornamn": "Eva", "efternamn": "Utkastsson", "kon": Kon.KVINNA,
         "alder": 60, "remittent": "fk", "inskriven": t(170), "samtal": 2,
         "avslut": {"datum": t(120), "vag_ut": VagUt.AVBROTT_SJUKDOM,
                    "ansvarig_efter": AnsvarigEfter.FK},
         "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.SJUKPENNING]},
        # Avslut more than a year ago, with the 12-month follow-up done.
        {"nyckel": "s14", "fornamn": "Nils", "efternamn": "Mallsson", "kon": Kon.MAN,
         "alder": 44, "remittent": "kommun", "samtycke_org": ["af"], "inskriven": m(23),
         "samtal": 3, "klar": True,
         "avslut": {"datum": m(14), "vag_ut": VagUt.ARBETE_MED_STOD,
                    "ansvarig_efter": AnsvarigEfter.AF,
                    "sammanfattning": "Lönebidragsanställning på ett påhittat tryckeri."},
         "sus_avslut": {"sysselsattning": Sysselsattning.FORVARVSARBETE,
                        "sysselsattning_procent": 50},
         "forsorjning_avslut": [Forsorjning.LON, Forsorjning.FORSORJNINGSSTOD],
         "uppfoljning": (VagUt.ARBETE, "Har kvar arbetet, nu utan stöd.")},
        # Avslut; consent withdrawn afterwards, so the follow-up stopped.
        {"nyckel": "s15", "fornamn": "Ida", "efternamn": "Attrappdotter", "kon": Kon.KVINNA,
         "alder": 27, "remittent": "af", "inskriven": t(330), "samtal": 3, "klar": True,
         "avslut": {"datum": t(90), "vag_ut": VagUt.ARBETSSOKANDE_AF,
                    "ansvarig_efter": AnsvarigEfter.AF},
         "sus_avslut": {"sysselsattning": Sysselsattning.ARBETSSOKANDE},
         "forsorjning_avslut": [Forsorjning.AKTIVITETSSTOD],
         "aterkalla": t(40)},
    ]  # fmt: skip


def _plan_johan(inskriven):
    klar = inskriven + datetime.timedelta(days=28)
    ansvarig = "Sara Samordnare"

    def steg(beskrivning, ansvarig, dagar, status=PlanStegStatus.PLANERAT):
        return {
            "beskrivning": beskrivning,
            "ansvarig": ansvarig,
            "datum": klar + datetime.timedelta(days=dagar),
            "status": status,
        }

    mal = "Jag vill jobba i ett kök, först några timmar och sedan mer."
    return [
        (
            mal,
            [
                steg("Hitta en plats för arbetsträning i kök", ansvarig, 30),
                steg("Stämma av sjukpenningen med Försäkringskassan", "Johan", 20),
            ],
            "",
        ),
        (
            mal,
            [
                steg("Arbetsträning 10 timmar i veckan", ansvarig, 90, PlanStegStatus.PAGAR),
                steg("Stämma av sjukpenningen med FK", "Johan", 20, PlanStegStatus.KLART),
            ],
            "Plats för arbetsträning hittad.",
        ),
        (
            mal,
            [
                steg("Arbetsträning 20 timmar i veckan", ansvarig, 180, PlanStegStatus.PAGAR),
                steg("Söka anställning med stöd", "Johan och Arbetsförmedlingen", 240),
            ],
            "Fler timmar efter trepartsmötet.",
        ),
    ]


def unga_vuxna(t):
    """The cases of Unga vuxna i arbete; t(days) is a date back from today."""
    return [
        # Aktualisering: no consent yet.
        {"nyckel": "u01", "fornamn": "Moa", "efternamn": "Testberg", "kon": Kon.KVINNA,
         "alder": 19, "remittent": "kommun", "aktualiserad": t(5), "samtycke": False},
        # Aktualisering with consent.
        {"nyckel": "u02", "fornamn": "Leo", "efternamn": "Påhittsson", "kon": Kon.MAN,
         "alder": 22, "remittent": "af", "aktualiserad": t(14)},
        # Inskrivning, anonymous.
        {"nyckel": "u03", "anonym": True, "kon": Kon.KVINNA},
        # Inskrivning.
        {"nyckel": "u04", "fornamn": "Alva", "efternamn": "Demodotter", "kon": Kon.KVINNA,
         "alder": 17, "remittent": "kommun", "inskriven": t(8),
         "sus": {"utbildning": "forgymnasial", "tid_offentlig_forsorjning": "under_1"}},
        # Kartläggning: no personnummer (birth date and reservnummer), one talk.
        {"nyckel": "u05", "fornamn": "Rami", "efternamn": "Exempelsson", "kon": Kon.MAN,
         "alder": 24, "id": "reservnummer", "remittent": "af", "inskriven": t(21),
         "samtal": 1, "sus": {"utbildning": "okand"},
         "kartlaggning": {"utbildning_arbete": "Gymnasieutbildning i hemlandet.",
                          "intressen": "Fotboll och bilar."}},
        # Kartläggning: three talks, part of the mapping.
        {"nyckel": "u06", "fornamn": "Tove", "efternamn": "Provlund", "kon": Kon.KVINNA,
         "kontakt_remittent_sedan": [(24, "Lägesrapport till socialtjänsten.")],
         "alder": 20, "remittent": "kommun", "inskriven": t(40), "samtal": 3},
        # Insatser: arbetsträning, a contact to the remittent, a three-party meeting.
        {"nyckel": "u07", "fornamn": "Oskar", "efternamn": "Fiktivsson", "kon": Kon.MAN,
         "kontakt_remittent_sedan": [(12, "Avstämning med Arbetsförmedlingen om praktiken.")],
         "alder": 23, "remittent": "af", "inskriven": t(150), "samtal": 3, "klar": True,
         "aktiviteter": [
             {"start": 40, "typ": AktivitetTyp.ARBETSTRANING,
              "arbetsplats": "Exempeldalens påhittade bilverkstad",
              "arbetsgivarkontakt": "Bosse Verkmästarsson",
              "timmar_per_vecka": Decimal("30")},
             {"start": 42, "typ": AktivitetTyp.COACHSAMTAL},
         ],
         "kontakter": [
             (45, KontaktTyp.REMITTENT, "Arbetsförmedlingen informerad om praktiken.", True),
             (80, KontaktTyp.TREPARTSMOTE, "Uppföljning på verkstaden.", False),
         ]},
        # Insatser: studies with support and a study visit.
        {"nyckel": "u08", "fornamn": "Nora", "efternamn": "Låtsasdotter", "kon": Kon.ANNAT,
         "kontakt_remittent_sedan": [(27, "Avstämning med socialtjänsten om studierna.")],
         "alder": 21, "remittent": "kommun", "inskriven": t(120), "samtal": 3, "klar": True,
         "aktiviteter": [
             {"start": 35, "typ": AktivitetTyp.STUDIEBESOK,
              "anteckning": "Besök på en påhittad folkhögskola."},
             {"start": 60, "typ": AktivitetTyp.STUDIER, "stodperiod_manader": 2,
              "anteckning": "Läser in matematik på komvux."},
         ],
         "kontakter": [(50, KontaktTyp.DELTAGARE, "Pratade om studiestart.", False)]},
        # Insatser: coaching and budget advice.
        {"nyckel": "u09", "fornamn": "Vilgot", "efternamn": "Övningsberg", "kon": Kon.MAN,
         "kontakt_remittent_sedan": [(45, "Lägesrapport till Försäkringskassan.")],
         "alder": 27, "remittent": "fk", "inskriven": t(100), "samtal": 3, "klar": True,
         "sus": {"aktuell_fk": True, "aktuell_socialtjanst": False},
         "forsorjning": [Forsorjning.AKTIVITETSERSATTNING],
         "aktiviteter": [
             {"start": 30, "typ": AktivitetTyp.COACHSAMTAL},
             {"start": 50, "typ": AktivitetTyp.EKONOMISK_RADGIVNING,
              "anteckning": "Budget och aktivitetsersättning."},
         ]},
        # Avslut: studies.
        {"nyckel": "u10", "fornamn": "Ella", "efternamn": "Prototypsson", "kon": Kon.KVINNA,
         "alder": 19, "remittent": "kommun", "inskriven": t(250), "samtal": 3, "klar": True,
         "aktiviteter": [{"start": 50, "typ": AktivitetTyp.STUDIER,
                          "stodperiod_manader": 3, "slut": 140}],
         "avslut": {"datum": t(20), "vag_ut": VagUt.STUDIER,
                    "ansvarig_efter": AnsvarigEfter.INGEN,
                    "sammanfattning": "Börjar på ett påhittat gymnasieprogram."},
         "sus_avslut": {"sysselsattning": Sysselsattning.STUDIER,
                        "sysselsattning_procent": 100},
         "forsorjning_avslut": [Forsorjning.STUDIEMEDEL]},
        # Avslut: work.
        {"nyckel": "u11", "fornamn": "Liam", "efternamn": "Mallsson", "kon": Kon.MAN,
         "alder": 25, "remittent": "af", "inskriven": t(300),
         **_till_arbete("Påhittade flyttfirman", timmar=32, dagar=(45, 200), avslut=t(45),
                        procent=100, sammanfattning="Anställd på flyttfirman.")},
        # Avslut at inskrivning: avbrott at the participant's request.
        {"nyckel": "u12", "fornamn": "Saga", "efternamn": "Skissdotter", "kon": Kon.KVINNA,
         "alder": 18, "remittent": "kommun", "inskriven": t(90),
         "avslut": {"datum": t(70), "vag_ut": VagUt.AVBROTT_EGEN_BEGARAN,
                    "ansvarig_efter": AnsvarigEfter.KOMMUN},
         "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.FORSORJNINGSSTOD]},
        # Avslut during insatser: moved away.
        {"nyckel": "u13", "fornamn": "Hugo", "efternamn": "Utkastsson", "kon": Kon.MAN,
         "alder": 26, "remittent": "af", "inskriven": t(220), "samtal": 3, "klar": True,
         "avslut": {"datum": t(100), "vag_ut": VagUt.AVBROTT_FLYTTAT,
                    "ansvarig_efter": AnsvarigEfter.AF},
         "sus_avslut": {}, "forsorjning_avslut": [Forsorjning.AKTIVITETSSTOD]},
        # Avslut: another actor takes over.
        {"nyckel": "u14", "fornamn": "Wilma", "efternamn": "Modellberg", "kon": Kon.KVINNA,
         "alder": 28, "remittent": "af", "inskriven": t(200), "samtal": 3, "klar": True,
         "avslut": {"datum": t(15), "vag_ut": VagUt.ANNAN_AKTOR,
                    "ansvarig_efter": AnsvarigEfter.AF,
                    "sammanfattning": "Fortsätter i ett påhittat arbetsmarknadsprogram."},
         "sus_avslut": {"sysselsattning": Sysselsattning.ARBETSSOKANDE},
         "forsorjning_avslut": [Forsorjning.AKTIVITETSSTOD]},
    ]  # fmt: skip
