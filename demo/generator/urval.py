"""Invented names and texts, and the weighted mixes the generator picks from.

Every name, address, number and workplace is invented. Surnames are made of
invented stems (`EFTERNAMN`).
"""

from __future__ import annotations

from deltagare.koder import KartlaggningOmrade, KontaktTyp, VagUt
from remisser.models import AvbojdOrsak

# --- invented names and texts -------------------------------------------------------

FORNAMN = {
    "kvinna": ["Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Lina", "Ida", "Sofia", "Elin",
               "Hanna", "Malin", "Jenny", "Linda", "Johanna", "Maja", "Alva", "Ebba", "Tove",
               "Amira", "Leila", "Nora", "Wilma", "Julia", "Helena", "Camilla", "Petra",
               "Frida", "Moa", "Agnes"],
    "man": ["Erik", "Lars", "Anders", "Johan", "Per", "Karl", "Mikael", "Jonas", "Oskar",
            "Emil", "Viktor", "Filip", "Ali", "Omar", "Hassan", "Daniel", "Mattias", "Niklas",
            "Stefan", "Tobias", "Leo", "Liam", "Hugo", "Elias", "Noah", "Adam", "Samuel",
            "Isak", "Jakob", "Axel"],
    "annat": ["Alex", "Kim", "Robin", "Sam", "Charlie", "Love", "Noa", "Eli", "Quinn", "Vide"],
}  # fmt: skip
# Surnames are invented words (a make-believe stem and a place-like ending), so that no
# combination names a real person; the endings differ from the demo's own participants.
STAMMAR = ["Påhitt", "Exempel", "Låtsas", "Fantasi", "Dikt", "Sago", "Fabel", "Dröm", "Mock",
           "Skiss", "Utkast", "Prototyp", "Modell", "Attrapp", "Övnings", "Mall", "Prov",
           "Demo", "Fiktiv", "Sken", "Uppdikt", "Kuliss"]  # fmt: skip
ANDELSER = ["gren", "holm", "qvist", "vik", "dal", "sjö", "strand", "näs", "mark", "hed"]
EFTERNAMN = [s + a for s in STAMMAR for a in ANDELSER]

ARBETSPLATSER = ["Påhittade bageriet", "Exempelvikens lager", "Fantasicaféet",
                 "Låtsasbyns återbruk", "Exempeldals bilverkstad", "Drömsjöns förskola",
                 "Skissholms tryckeri", "Övningsvikens hotell", "Mockbyns matbutik",
                 "Demodals kommunförråd", "Sagoholms trädgård", "Fabelnäs flyttfirma"]  # fmt: skip
VITTNEN = ["Vera Vittnesholm", "Valter Vittnesdal", "Vilma Vittnesvik"]
GRUPPTITLAR = ["Gruppträff: vardagsekonomi", "Föreläsning: hälsa och sömn",
               "Workshop: cv och personligt brev", "Gruppträff: stresshantering",
               "Föreläsning: arbetsmarknaden i länet", "Studiebesök i grupp",
               "Gruppträff: struktur i vardagen", "Föreläsning: att studera som vuxen"]  # fmt: skip
OMRADEN = KartlaggningOmrade.values

KARTLAGGNING_TEXT = {
    "social": ["Bor ensam och har kontakt med familjen.", "Bor med partner och två barn.",
               "Har ett litet socialt nätverk.", "Bor hos föräldrarna."],
    "halsa": ["Sover dåligt i perioder.", "Har regelbunden kontakt med vården.",
              "Värk som begränsar långa arbetspass.", "Mår bättre sedan i våras."],
    "resurser": ["Noggrann och punktlig.", "Tycker om att arbeta med händerna.",
                 "Social och lätt att samarbeta med.", "Bra på datorer."],
    "utbildning_arbete": ["Gymnasium. Några somrar i kök och lager.",
                          "Grundskola. Arbetat inom städ och hemtjänst.",
                          "Högskolekurser. Arbetat på kontor.", "Utbildning i hemlandet."],
    "ekonomi": ["Vill förstå hur lön påverkar ersättningen.", "Har skulder hos en inkassofirma.",
                "Behöver en budget för hushållet."],
    "intressen": ["Matlagning och promenader.", "Musik och spel.", "Trädgård och djur.",
                  "Träning och fotboll."],
    "egna_mal": ["Ett arbete på deltid inom ett år.", "Börja studera till hösten.",
                 "Komma tillbaka till yrket i liten skala.", "Klara sig utan försörjningsstöd."],
}  # fmt: skip
SAMMANFATTNINGAR = ["Vill pröva arbete i liten skala.", "Behöver stöd mot studier.",
                    "Vill börja arbetsträna inom handel.", "Hälsan behöver stabiliseras först.",
                    "Motiverad att söka arbete med stöd."]  # fmt: skip
PLANMAL = ["Jag vill hitta något att göra på dagarna som kan leda till ett arbete.",
           "Jag vill börja plugga och få ett yrke.", "Jag vill jobba några timmar i veckan.",
           "Jag vill må bättre och orka mer.", "Jag vill klara mig på egen lön."]  # fmt: skip
PLANSTEG = ["Pröva arbetsträning några timmar i veckan", "Stämma av ersättningen med handläggaren",
            "Besöka komvux och välja kurser", "Träffa vården om arbetsförmågan",
            "Skriva cv tillsammans med coachen", "Söka tre jobb i månaden"]  # fmt: skip
KONTAKT_TEXT = {
    KontaktTyp.DELTAGARE: ["Telefonsamtal om veckan.", "Sms om nästa möte.", "Pratade om läget."],
    KontaktTyp.REMITTENT: ["Avstämning med handläggaren.", "Lägesrapport till remittenten.",
                           "Månadsavstämning om planen."],
    KontaktTyp.ARBETSGIVARE: ["Handledaren är nöjd med närvaron.", "Pratade om fler timmar."],
    KontaktTyp.TREPARTSMOTE: ["Trepartsmöte om nästa steg."],
}  # fmt: skip
ANLEDNINGAR = ["Behöver samordnat stöd från flera myndigheter för att närma sig arbete.",
               "Långvarigt sjukskriven och arbetssökande. Behöver stegvis återgång.",
               "Försörjningsstöd sedan flera år. Vill komma ut i arbete.",
               "Avbröt gymnasiet och saknar sysselsättning."]  # fmt: skip
KOMPLETTERING = "Beskriv kontakten med vården och vad personen själv vill uppnå."
AVBOJD_TEXT = {
    AvbojdOrsak.MALGRUPP: "Personen hör inte till insatsens målgrupp.",
    AvbojdOrsak.EXKLUSION: "Pågående missbruk. Välkommen med en ny remiss efter behandling.",
    AvbojdOrsak.ANNAN_INSATS: "En annan insats passar bättre.",
    AvbojdOrsak.KAPACITET: "Alla platser är fyllda just nu.",
    AvbojdOrsak.ANNAT: "Personen vill vänta med insatsen.",
}


# --- the mixes ------------------------------------------------------------------------

SERIER = [s for s in range(950, 1000) if s not in (975, 998)]
KON = [("kvinna", 55), ("man", 44), ("annat", 1)]
VAG_UT = [
    (VagUt.ARBETE, 15), (VagUt.ARBETE_MED_STOD, 8), (VagUt.STUDIER, 12),
    (VagUt.ARBETSSOKANDE_AF, 20), (VagUt.ATER_REMITTENT, 20), (VagUt.ANNAN_AKTOR, 10),
    (VagUt.AVBROTT_EGEN_BEGARAN, 5), (VagUt.AVBROTT_FLYTTAT, 2), (VagUt.AVBROTT_SJUKDOM, 4),
    (VagUt.AVBROTT_OVRIGT, 2), (VagUt.FELREGISTRERING, 2),
]  # fmt: skip
REMITTENT = {"af": 30, "fk": 25, "kommun": 30, "region": 15, "annan": 5}
ORG_TILL_ANSVARIG = {"af": "af", "fk": "fk", "kommun": "kommun", "region": "region"}
UTBILDNING = [("forgymnasial", 22), ("gymnasial_ej_fullstandig", 18),
              ("gymnasial_fullstandig", 35), ("eftergymnasial_kort", 10),
              ("eftergymnasial_lang", 8), ("okand", 7)]  # fmt: skip
TID = [("under_1", 20), ("1_2", 25), ("2_5", 30), ("over_5", 18), ("okand", 7)]
FORSORJNING_UNG = [("forsorjningsstod", 30), ("aktivitetsstod", 25), ("aktivitetsersattning", 15),
                   ("ingen_offentlig", 10), ("etableringsersattning", 5), ("sjukpenning", 5),
                   ("studiemedel", 4), ("a_kassa", 3), ("okand", 3)]  # fmt: skip
FORSORJNING_ALDRE = [("sjukpenning", 28), ("forsorjningsstod", 20), ("aktivitetsstod", 15),
                     ("sjukersattning", 10), ("a_kassa", 8), ("etableringsersattning", 6),
                     ("ingen_offentlig", 5), ("lon", 3), ("okand", 3)]  # fmt: skip
FORSORJNING_TILLAGG = ["forsorjningsstod", "aktivitetsstod", "sjukersattning", "lon"]
OHALSA = {"sjukpenning", "sjukersattning", "aktivitetsersattning"}
ARBETSMARKNAD = {"a_kassa", "aktivitetsstod", "etableringsersattning"}
AVBOJD = [
    (AvbojdOrsak.MALGRUPP, 30),
    (AvbojdOrsak.EXKLUSION, 20),
    (AvbojdOrsak.ANNAN_INSATS, 25),
    (AvbojdOrsak.KAPACITET, 15),
    (AvbojdOrsak.ANNAT, 10),
]
