"""The shipped default questionnaires, after the national network's (NNS)
"Indikatorer för finansiell samordning": a participant questionnaire and a
questionnaire to the staff and partners of an insats.

The dimensions and the participant scale follow NNS's published material; the
wording is ours, not the licensed instrument's (see docs/enkater.md for the
sources and what could not be verified). A förbund with an NNS agreement
replaces the wording with the instrument's in a new version.

Each text is {language code: text}; "lattlast" is lättläst svenska.
"""

# The participant scale: how often (NNS uses a frequency scale, "alltid" … "aldrig").
OFTA = {
    "skalsteg": 6,
    "lag": {"sv": "Aldrig", "lattlast": "Aldrig", "en": "Never"},
    "hog": {"sv": "Alltid", "lattlast": "Alltid", "en": "Always"},
}
# The staff and partner scale: agreement with a statement.
INSTAMMER = {
    "skalsteg": 6,
    "lag": {
        "sv": "Instämmer inte alls",
        "lattlast": "Stämmer inte alls",
        "en": "Strongly disagree",
    },
    "hog": {"sv": "Instämmer helt", "lattlast": "Stämmer helt", "en": "Strongly agree"},
}


def _skala(dimension, skala, sv, lattlast, en, obligatorisk=True):
    return {
        "typ": "skala",
        "dimension": dimension,
        "obligatorisk": obligatorisk,
        **skala,
        "text": {"sv": sv, "lattlast": lattlast, "en": en},
    }


DELTAGARE = {
    "standard": "nns-deltagare",
    "typ": "deltagare",
    "namn": "Deltagarenkät (NNS-indikatorer)",
    "rubrik": {
        "sv": "Vad tycker du om stödet du har fått?",
        "lattlast": "Vad tycker du om hjälpen du fått?",
        "en": "What do you think of the support you have had?",
    },
    "inledning": {
        "sv": "Enkäten är anonym. Ingen kan se vad just du har svarat. "
        "Du kan hoppa över frågor du inte vill svara på.",
        "lattlast": "Du är anonym. Ingen kan se vad du svarar. "
        "Du behöver inte svara på alla frågor.",
        "en": "The questionnaire is anonymous. No one can see what you answered. "
        "You may skip any question.",
    },
    "fragor": [
        _skala(
            "behov",
            OFTA,
            "Jag har fått stöd som passar mina behov.",
            "Jag har fått hjälp som passar mig.",
            "I have had support that suits my needs.",
        ),
        _skala(
            "nytta",
            OFTA,
            "Stödet har varit till nytta för mig.",
            "Hjälpen har varit bra för mig.",
            "The support has been of use to me.",
        ),
        _skala(
            "delaktighet",
            OFTA,
            "Jag har fått vara med och bestämma om mitt stöd.",
            "Jag har fått bestämma om min hjälp.",
            "I have had a say in the support I got.",
        ),
        _skala(
            "bemotande",
            OFTA,
            "Personalen har bemött mig med respekt.",
            "Personalen har varit snälla och lyssnat på mig.",
            "The staff have treated me with respect.",
        ),
        _skala(
            "tid",
            OFTA,
            "Stödet har fått ta den tid som jag behövt.",
            "Jag har fått den tid jag behövt.",
            "The support has been given the time I needed.",
        ),
        _skala(
            "samordning",
            OFTA,
            "Myndigheterna har arbetat tillsammans kring mig.",
            "De som hjälper mig har pratat med varandra.",
            "The agencies have worked together around me.",
        ),
        _skala(
            "arbetsformaga",
            OFTA,
            "Jag känner mig mer redo för arbete eller studier än förut.",
            "Jag känner mig mer redo att jobba eller plugga nu.",
            "I feel more ready for work or studies than before.",
        ),
        _skala(
            "livssituation",
            OFTA,
            "Min livssituation har blivit bättre.",
            "Mitt liv har blivit bättre.",
            "My life situation has improved.",
        ),
        {
            "typ": "enval",
            "dimension": "kontaktperson",
            "text": {
                "sv": "Har du haft en person som du kunnat vända dig till med dina frågor?",
                "lattlast": "Har du haft någon att fråga när du behövt?",
                "en": "Have you had a person you could turn to with your questions?",
            },
            "alternativ": [
                {"sv": "Ja", "lattlast": "Ja", "en": "Yes"},
                {"sv": "Nej", "lattlast": "Nej", "en": "No"},
                {"sv": "Vet inte", "lattlast": "Vet inte", "en": "Don't know"},
            ],
        },
        {
            "typ": "flerval",
            "dimension": "myndigheter",
            "text": {
                "sv": "Vilka har du haft kontakt med under tiden? Välj alla som stämmer.",
                "lattlast": "Vilka har du träffat? Du kan välja flera.",
                "en": "Whom have you been in contact with during this time? Choose all that apply.",
            },
            "alternativ": [
                {
                    "sv": "Arbetsförmedlingen",
                    "lattlast": "Arbetsförmedlingen",
                    "en": "Arbetsförmedlingen (employment service)",
                },
                {
                    "sv": "Försäkringskassan",
                    "lattlast": "Försäkringskassan",
                    "en": "Försäkringskassan (social insurance)",
                },
                {
                    "sv": "Kommunen (socialtjänsten)",
                    "lattlast": "Kommunen",
                    "en": "The municipality (social services)",
                },
                {"sv": "Vården (regionen)", "lattlast": "Vården", "en": "Health care (the region)"},
            ],
        },
        {
            "typ": "fritext",
            "dimension": "bast",
            "text": {
                "sv": "Vad har varit bäst med stödet?",
                "lattlast": "Vad har varit bra?",
                "en": "What has been best about the support?",
            },
        },
        {
            "typ": "fritext",
            "dimension": "battre",
            "text": {
                "sv": "Vad kan bli bättre?",
                "lattlast": "Vad kan bli bättre?",
                "en": "What could be better?",
            },
        },
    ],
}

SAMVERKAN = {
    "standard": "nns-samverkan",
    "typ": "samverkan",
    "namn": "Samverkansindikatorer för personal och parter (NNS-indikatorer)",
    "rubrik": {
        "sv": "Samverkan i insatsen",
        "lattlast": "Samarbetet i insatsen",
        "en": "Cooperation in the insats",
    },
    "inledning": {
        "sv": "Till dig som arbetar i insatsen eller är kontaktperson hos en part. "
        "Enkäten är anonym och besvaras en gång om året.",
        "lattlast": "Till dig som arbetar i insatsen. Du är anonym.",
        "en": "For those who work in the insats or are a partner's contact person. "
        "The questionnaire is anonymous and comes once a year.",
    },
    "fragor": [
        _skala(
            "kunskap",
            INSTAMMER,
            "Jag känner till de andra parternas uppdrag och regelverk.",
            "Jag vet vad de andra myndigheterna gör.",
            "I know the other partners' remits and rules.",
        ),
        _skala(
            "tillit",
            INSTAMMER,
            "Det finns ett ömsesidigt förtroende mellan parterna.",
            "Vi litar på varandra.",
            "There is mutual trust between the partners.",
        ),
        _skala(
            "samsyn",
            INSTAMMER,
            "Parterna har en gemensam bild av insatsens mål.",
            "Vi har samma mål.",
            "The partners share a view of the insats's goals.",
        ),
        _skala(
            "helhetssyn",
            INSTAMMER,
            "Deltagarens behov styr hur vi arbetar, inte organisationsgränserna.",
            "Deltagarens behov är viktigast.",
            "The participant's needs, not organisational borders, steer our work.",
        ),
        _skala(
            "mandat",
            INSTAMMER,
            "Jag har stöd och mandat från min chef att arbeta i samverkan.",
            "Min chef stöttar att jag samarbetar.",
            "My manager supports me and gives me a mandate to work in cooperation.",
        ),
        _skala(
            "strukturer",
            INSTAMMER,
            "Det finns fungerande rutiner för samverkan och informationsöverföring.",
            "Vi har bra rutiner för att samarbeta.",
            "There are working routines for cooperation and sharing information.",
        ),
        _skala(
            "larande",
            INSTAMMER,
            "Samverkan i insatsen har förbättrat arbetssätt i min ordinarie verksamhet.",
            "Samarbetet har gjort mitt vanliga jobb bättre.",
            "The cooperation has improved ways of working in my own organisation.",
        ),
        _skala(
            "jamstalldhet",
            INSTAMMER,
            "Vi arbetar aktivt för att kvinnor och män får ett jämställt och jämlikt stöd.",
            "Alla får lika bra hjälp, oavsett kön.",
            "We work actively so that women and men get equal and equitable support.",
        ),
        {
            "typ": "fritext",
            "dimension": "kommentar",
            "text": {
                "sv": "Vill du lägga till något om samverkan?",
                "lattlast": "Vill du säga något mer?",
                "en": "Anything to add about the cooperation?",
            },
        },
    ],
}

STANDARDENKATER = [DELTAGARE, SAMVERKAN]
