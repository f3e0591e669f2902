"""Every URL pattern × every role: the expected answer in one readable table.

The test discovers the URL patterns itself, so a new page fails here until its
row is added. Objects belong to förbund A; `annat_forbund_admin` administers
förbund B and must get 404 for A's objects, exactly as for missing ones.

Every refused cell (403 or 404) is also a logguppföljning event: an
`access_denied` AuditEvent by that user, filed under the ACTOR's förbund (the
column's förbund below: A, none for the superuser without roles, B), and, when
the row names an object, with A (the target's förbund) in its detail. The one
404 that refuses nothing is written ABSENT: the object is the user's to see,
but what the page shows does not exist yet.
"""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samverkan.models import AuditEvent
from tests.conftest import ROLES

LOGIN = "login"  # a redirect to the login page
ABSENT = "absent"  # 404 with no audit event: nothing refused, nothing there yet

# url name: (kwargs maker, {role: expected status})
#            anonym samordnare handläggare admin styrelse superuser annat_förbund_admin
MATRIX = {
    "samverkan:start": (None, [LOGIN, 200, 200, 200, 200, 200, 200]),
    "samverkan:insats-list": (None, [LOGIN, 200, 200, 200, 200, 200, 200]),
    "samverkan:insats-create": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "samverkan:insats-detail": ("insats", [LOGIN, 200, 200, 200, 200, 200, 404]),
    "samverkan:insats-update": ("insats", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "samverkan:organisation-list": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "samverkan:medlemskap-list": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "samverkan:inbjudan-list": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    # Logguppföljning: the office reads its own förbund's trail only (queryset-scoped).
    "samverkan:logg-list": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "samverkan:logg-export": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "samverkan:logggranskning-list": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "samverkan:tillganglighet": (None, [200, 200, 200, 200, 200, 200, 200]),
    "healthz": (None, [200, 200, 200, 200, 200, 200, 200]),
    "set_language": (None, [302, 302, 302, 302, 302, 302, 302]),
    # Participants: the insats's own staff only. Other roles get 403 on the lists and
    # 404 on every record, the superuser included (no bypass for personal data).
    "deltagare:oversikt": (None, [LOGIN, 200, 403, 403, 403, 403, 403]),
    "deltagare:inskrivning-list": (None, [LOGIN, 200, 403, 403, 403, 403, 403]),
    "deltagare:sok": (None, [LOGIN, 405, 403, 403, 403, 403, 403]),
    "deltagare:aktualisering": (None, [LOGIN, 200, 403, 403, 403, 403, 403]),
    "deltagare:anonym": (None, [LOGIN, 200, 403, 403, 403, 403, 403]),
    # The register extract: the förbund's office only (B's admin looks in B).
    "deltagare:registerutdrag": (None, [LOGIN, 404, 404, 200, 404, 404, 200]),
    "deltagare:gruppaktivitet": ("insats", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:inskrivning-detail": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:personuppgifter": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:samtycke": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:samtycke-aterkalla": ("samtycke", [LOGIN, 405, 404, 404, 404, 404, 404]),
    "deltagare:samtycke-blankett": ("samtycke", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:skriv-in": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:samtal": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:kartlaggning": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:kartlaggning-klar": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:handlingsplan": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:handlingsplan-jamfor": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:handlingsplan-pdf": ("plan", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:insatser-paborja": ("fall", [LOGIN, 405, 404, 404, 404, 404, 404]),
    "deltagare:aktivitet": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:kontakt": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:forlang": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:avsluta": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:overlamning-pdf": ("fall", [LOGIN, 302, 404, 404, 404, 404, 404]),
    "deltagare:uppfoljning": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "deltagare:gallringsstopp": ("fall", [LOGIN, 405, 404, 404, 404, 404, 404]),
    # Remisser: the referrer's own, and the team's inbox; 404 for everyone else.
    "remisser:remiss-list": (None, [LOGIN, 200, 200, 403, 403, 403, 403]),
    "remisser:remiss-create": (None, [LOGIN, 403, 200, 403, 403, 403, 403]),
    "remisser:remiss-detail": ("remiss", [LOGIN, 200, 200, 404, 404, 404, 404]),
    "remisser:remiss-update": ("remiss", [LOGIN, 404, 302, 404, 404, 404, 404]),
    "remisser:remiss-samtycke": ("remiss", [LOGIN, 200, 200, 404, 404, 404, 404]),
    "remisser:remiss-beslut": ("beslut", [LOGIN, 405, 405, 404, 404, 404, 404]),
    "remisser:remiss-overlamna": ("remiss", [LOGIN, 405, 405, 404, 404, 404, 404]),
    # The hand-over at exit: the referrer's, and this case has not ended (ABSENT).
    "remisser:remiss-overlamning-pdf": ("remiss", [LOGIN, 404, ABSENT, 404, 404, 404, 404]),
    # An insats's goals and economy: its förbund's office (and superusers); 404 for the rest.
    "rapporter:mal-list": ("insats", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "rapporter:mal-create": ("insats", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "rapporter:mal-update": ("mal", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "rapporter:mal-delete": ("mal", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "rapporter:ekonomi-aktuellt-ar": ("insats", [LOGIN, 404, 404, 302, 404, 302, 404]),
    "rapporter:ekonomi": ("ekonomi", [LOGIN, 404, 404, 200, 404, 200, 404]),
    # Statistics and reports: no personal data, but only the förbund's own people
    # (a samordnare for the own insatser); handläggare have no förbund here. The other
    # förbund's admin gets 200 for its own figures and 404 for A's report.
    "rapporter:statistik": (None, [LOGIN, 200, 404, 200, 200, 200, 200]),
    "rapporter:statistik-export": ("export", [LOGIN, 200, 404, 200, 200, 200, 200]),
    "rapporter:finsam": (None, [LOGIN, 404, 404, 200, 200, 200, 200]),
    "rapporter:finsam-export": (None, [LOGIN, 404, 404, 200, 200, 200, 200]),
    "rapporter:rapport-list": (None, [LOGIN, 200, 404, 200, 200, 200, 200]),
    "rapporter:rapport-create": (None, [LOGIN, 404, 404, 200, 404, 200, 200]),
    "rapporter:rapport-detail": ("rapport", [LOGIN, 200, 404, 200, 200, 200, 404]),
    "rapporter:rapport-version": ("rapport", [LOGIN, 405, 404, 405, 405, 405, 404]),
    "rapporter:rapport-pdf": ("rapport", [LOGIN, 200, 404, 200, 200, 200, 404]),
    # Import of existing records: the förbund's office only (it writes personal records:
    # no superuser bypass); B's admin works in B and gets 404 for A's import.
    "inlasning:inlasning-list": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "inlasning:inlasning-mall": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "inlasning:inlasning-detail": ("inlasning", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "inlasning:inlasning-mappning": ("inlasning", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "inlasning:inlasning-start": ("inlasning", [LOGIN, 404, 404, 405, 404, 404, 404]),
    # Reminders: everyone's own choice of digest.
    "paminnelser:installningar": (None, [LOGIN, 200, 200, 200, 200, 200, 200]),
    # The API is for systems with a bearer token, never a browser session: every role
    # (signed in or not) gets a 401 problem. Its schema and docs hold no data: public.
    # Any other path under /api/v1/ is a 404 problem. (tests/api/ tests the clients.)
    "api:remiss-create": (None, [401, 401, 401, 401, 401, 401, 401]),
    "api:remiss-detail": ("remiss", [401, 401, 401, 401, 401, 401, 401]),
    "api:insats-list": (None, [401, 401, 401, 401, 401, 401, 401]),
    "api:statistik": (None, [401, 401, 401, 401, 401, 401, 401]),
    "api:finsam": (None, [401, 401, 401, 401, 401, 401, 401]),
    "api:schema": (None, [200, 200, 200, 200, 200, 200, 200]),
    "api:docs": (None, [200, 200, 200, 200, 200, 200, 200]),
    "api:saknas": (None, [ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT]),
    # The office creates and revokes the API clients of its own förbund.
    "apiklient:list": (None, [LOGIN, 403, 403, 200, 403, 200, 200]),
    "apiklient:aterkalla": ("apiklient", [LOGIN, 404, 404, 405, 404, 405, 404]),
    # Enkäter: questionnaires and results for the förbund's office only (a
    # questionnaire is 404 to every other role and to B's admin); the link for the
    # insats's own staff; the answer pages are public: 200 with a valid token.
    "enkater:enkat-list": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "enkater:enkat-skapa": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "enkater:enkat-detail": ("enkat", [LOGIN, 404, 404, 200, 404, 404, 404]),
    # The editor: a published version's pages are read only (200), its POSTs refused.
    "enkater:fraga-ny": ("enkat", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "enkater:fraga-andra": ("enkat-fraga", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "enkater:fraga-flytta": ("enkat-fraga", [LOGIN, 404, 404, 405, 404, 404, 404]),
    "enkater:fraga-ta-bort": ("enkat-fraga", [LOGIN, 404, 404, 405, 404, 404, 404]),
    "enkater:version-texter": ("enkat", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "enkater:enkat-version-ny": ("enkat", [LOGIN, 404, 404, 405, 404, 404, 404]),
    "enkater:enkat-publicera": ("enkat", [LOGIN, 404, 404, 405, 404, 404, 404]),
    "enkater:resultat": ("enkat", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "enkater:resultat-export": ("enkat-export", [LOGIN, 404, 404, 200, 404, 404, 404]),
    "enkater:samverkan-utskick": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "enkater:lank-list": (None, [LOGIN, 200, 403, 403, 403, 403, 403]),
    "enkater:lank-skapa": ("fall", [LOGIN, 200, 404, 404, 404, 404, 404]),
    "enkater:svara": ("enkattoken", [200, 200, 200, 200, 200, 200, 200]),
    "enkater:tack": (None, [200, 200, 200, 200, 200, 200, 200]),
    # Board work: the office prepares, the styrelse reads, an applicant sees own applications.
    "styrelse:sammantrade-list": (None, [LOGIN, 403, 403, 200, 200, 200, 200]),
    "styrelse:sammantrade-detail": ("sammantrade", [LOGIN, 404, 404, 200, 200, 200, 404]),
    "styrelse:sammantrade-justera": ("sammantrade", [LOGIN, 404, 404, 302, 302, 302, 404]),
    "styrelse:ekonomi": (None, [LOGIN, 403, 403, 200, 200, 200, 200]),
    "styrelse:sammantrade-create": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "styrelse:narvaro-create": ("sammantrade", [LOGIN, 404, 404, 200, 403, 200, 404]),
    "styrelse:arende-create": ("sammantrade", [LOGIN, 404, 404, 200, 403, 200, 404]),
    "styrelse:sammantrade-kallelse": ("sammantrade", [LOGIN, 404, 404, 302, 403, 302, 404]),
    "styrelse:narvaro-update": ("narvaro", [LOGIN, 404, 404, 200, 403, 200, 404]),
    "styrelse:narvaro-delete": ("narvaro", [LOGIN, 404, 404, 302, 403, 302, 404]),
    "styrelse:arende-update": ("arende", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "styrelse:arende-delete": ("arende", [LOGIN, 404, 404, 302, 404, 302, 404]),
    "styrelse:sammantrade-uppratta": ("sammantrade", [LOGIN, 404, 404, 302, 403, 302, 404]),
    "styrelse:sammantrade-publicera": ("sammantrade", [LOGIN, 404, 404, 200, 403, 200, 404]),
    "styrelse:arende-beslut": ("arende", [LOGIN, 404, 404, 200, 404, 200, 404]),
    # An extract exists only of a published protocol (this one is not): the office is
    # refused nothing (ABSENT), every other role is refused the § itself.
    "styrelse:arende-utdrag": ("arende", [LOGIN, 404, 404, ABSENT, 404, ABSENT, 404]),
    "styrelse:ansokan-create": (None, [LOGIN, 403, 200, 403, 403, 403, 403]),
    "styrelse:ansokan-papper": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "styrelse:ansokan-inbjudan": (None, [LOGIN, 403, 403, 200, 403, 403, 200]),
    "styrelse:ansokan-sektion": ("ansokan_utkast", [LOGIN, 404, 200, 404, 404, 403, 404]),
    "styrelse:ansokan-budget": ("ansokan_utkast", [LOGIN, 404, 200, 404, 404, 403, 404]),
    "styrelse:ansokan-bilaga": ("ansokan_utkast", [LOGIN, 404, 200, 404, 404, 403, 404]),
    "styrelse:ansokan-skicka": ("ansokan_utkast", [LOGIN, 404, 302, 404, 404, 302, 404]),
    "styrelse:ansokan-beredning": ("ansokan", [LOGIN, 404, 404, 200, 404, 200, 404]),
    "styrelse:protokoll-pdf": ("protokoll", [LOGIN, 404, 404, 200, 200, 200, 404]),
    "styrelse:ansokan-list": (None, [LOGIN, 200, 200, 200, 200, 200, 200]),
    "styrelse:ansokan-detail": ("ansokan", [LOGIN, 404, 200, 200, 200, 200, 404]),
}

# Views of allauth and Django's admin have their own test suites. Our part of
# them (MFA required, lockout, audit, admin for superusers only) is tested in
# tests/samverkan/test_login.py and below.
THIRD_PARTY_ROUTES = (settings.ADMIN_URL, "konto/")


def _discover(resolver=None, namespace="", route=""):
    """(name, full route) of every URL pattern."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        full = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            yield from _discover(pattern, f"{namespace}{ns}:" if ns else namespace, full)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else f"<unnamed {full}>"), full


def test_every_url_pattern_is_in_the_matrix():
    discovered = list(_discover())
    missing = sorted(
        name
        for name, route in discovered
        if name not in MATRIX and not route.startswith(THIRD_PARTY_ROUTES)
    )
    stale = sorted(set(MATRIX) - {name for name, _ in discovered})
    assert missing == [], f"URL patterns without a row in the access matrix: {missing}"
    assert stale == [], f"Rows for URL patterns that no longer exist: {stale}"


def _kwargs(kind, request):
    insats = request.getfixturevalue("insats")  # förbund A and its insats exist in every case
    if kind == "insats":
        return {"uuid": insats.uuid}
    if kind == "mal":
        from rapporter.models import Mal

        mal = Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)
        return {"uuid": insats.uuid, "pk": mal.pk}
    if kind == "ekonomi":
        return {"uuid": insats.uuid, "ar": 2025}
    if kind == "inlasning":
        return {"uuid": _provkord_inlasning(request, insats).uuid}
    if kind == "apiklient":
        import datetime

        from api.services import api_klient_skapa

        klient, _token = api_klient_skapa(
            actor=request.getfixturevalue("forbundsadmin"),
            organisation=request.getfixturevalue("organisation"),
            namn="System",
            scopes=["remisser"],
            giltig_till=datetime.date.today() + datetime.timedelta(days=30),
        )
        return {"uuid": klient.uuid}
    if kind == "export":
        return {"nyckel": "oversikt", "format": "csv"}
    if kind == "rapport":
        return {"uuid": _publicerad_rapport(request, insats).uuid}
    if kind in ("enkat", "enkat-fraga", "enkat-export", "enkattoken"):
        from enkater.services.enkat import standardenkater_skapa
        from enkater.services.lankar import deltagarlank_skapa

        enkat = standardenkater_skapa(insats.forbund)["deltagare"]
        if kind == "enkat":
            return {"uuid": enkat.uuid}
        if kind == "enkat-fraga":
            return {"uuid": enkat.uuid, "pk": enkat.publicerad_version().fragor.first().pk}
        if kind == "enkat-export":
            return {"uuid": enkat.uuid, "nyckel": "alla", "format": "xlsx"}
        token = deltagarlank_skapa(
            actor=request.getfixturevalue("samordnare"),
            inskrivning=request.getfixturevalue("kartlagd"),
        )
        return {"token": token}
    if kind in ("sammantrade", "narvaro", "protokoll", "ansokan", "ansokan_utkast", "arende"):
        return _styrelse_objekt(kind, request)
    if kind in ("remiss", "beslut"):
        remiss = _skickad_remiss(request, insats)
        kwargs = {"uuid": remiss.uuid}
        return {**kwargs, "atgard": "anta"} if kind == "beslut" else kwargs
    if kind in ("fall", "samtycke", "plan"):
        fall = request.getfixturevalue("kartlagd")
        if kind == "fall":
            return {"uuid": fall.uuid}
        if kind == "plan":
            return {"uuid": fall.uuid, "version": 1}
        return {"uuid": _samtycke_med_blankett(fall, request).uuid}
    return {}


def _skickad_remiss(request, insats):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from remisser import services
    from tests.remisser.test_services import DATA

    handlaggare = request.getfixturevalue("handlaggare")
    remiss = services.remiss_spara_utkast(
        actor=handlaggare,
        insats=insats,
        data=dict(DATA),
        fil=SimpleUploadedFile("x.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    )
    return services.remiss_skicka(actor=handlaggare, remiss=remiss)


def _provkord_inlasning(request, insats):
    from inlasning.services import uppladdning
    from tests.inlasning.conftest import fil
    from tests.inlasning.hjalp import exempelrader, xlsx

    return uppladdning.inlasning_ladda_upp(
        actor=request.getfixturevalue("forbundsadmin"),
        forbund=insats.forbund,
        upload=fil(xlsx(exempelrader(2, [insats.namn], []))),
    )


def _publicerad_rapport(request, insats):
    # Written straight, not rendered: the matrix is about access, not about the PDF.
    import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from rapporter.models import Rapport

    rapport = Rapport(
        forbund=insats.forbund,
        typ="kvartal",
        period_start=datetime.date(2025, 10, 1),
        period_slut=datetime.date(2025, 12, 31),
        status="publicerad",
        sha256="0" * 64,
        publicerad=timezone.now(),
        skapad_av=request.getfixturevalue("forbundsadmin"),
    )
    rapport.fil.save("r.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    rapport.save()
    return rapport


def _styrelse_objekt(kind, request):
    """An application on a meeting's agenda, and a published protocol written
    straight (the matrix is about access, not about the PDF)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from styrelse.models import Protokollversion
    from styrelse.services import ansokan as a
    from styrelse.services.arende import arende_skapa
    from tests.styrelse.conftest import fyll_ansokan, mote, pa_dagordningen, skapa_huvudman

    admin = request.getfixturevalue("forbundsadmin")
    handlaggare = request.getfixturevalue("handlaggare")
    forbund = request.getfixturevalue("forbund")
    huvudman = skapa_huvudman(forbund, request.getfixturevalue("organisation"))
    sammantrade = mote(admin, forbund, request.getfixturevalue("styrelse"))
    if kind == "sammantrade":
        return {"uuid": sammantrade.uuid}
    if kind == "narvaro":
        return {"uuid": sammantrade.uuid, "pk": sammantrade.narvaro.first().pk}
    if kind == "arende":
        arende = arende_skapa(actor=admin, sammantrade=sammantrade, typ="beslut", rubrik="Punkt")
        return {"uuid": arende.uuid}
    if kind == "ansokan_utkast":
        ansokan = a.ansokan_skapa(actor=handlaggare, organisation=huvudman[0])
        kwargs = {"uuid": ansokan.uuid}
        return (
            kwargs
            if request.node.callspec.params["url_name"].endswith(("budget", "bilaga", "skicka"))
            else {**kwargs, "sektion": "sokande"}
        )
    if kind == "ansokan":
        ansokan = a.ansokan_skapa(actor=handlaggare, organisation=huvudman[0])
        fyll_ansokan(ansokan, handlaggare, huvudman)
        a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
        pa_dagordningen(admin, ansokan, sammantrade)
        return {"uuid": ansokan.uuid}
    protokoll = Protokollversion(
        sammantrade=sammantrade,
        version=1,
        sha256="0" * 64,
        storlek=13,
        publicerad=timezone.now(),
        publicerad_av=admin,
    )
    protokoll.fil.save("p.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    protokoll.save()
    return {"uuid": protokoll.uuid}


def _samtycke_med_blankett(fall, request):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from deltagare import services

    return services.samtycke_registrera(
        actor=request.getfixturevalue("samordnare"),
        inskrivning=fall,
        organisationer=[],
        syften={"registrering", "informationsutbyte"},
        givet=fall.inskrivningsdatum,
        satt="blankett",
        fil=SimpleUploadedFile("x.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
    )


CASES = [
    pytest.param(name, role, expected[i], id=f"{name}-{role}")
    for name, (_, expected) in MATRIX.items()
    for i, role in enumerate(ROLES)
]


# The förbund each column's user answers to (its refusals are filed there).
ACTOR_FORBUND = {
    "samordnare": "forbund",
    "handlaggare": "forbund",
    "forbundsadmin": "forbund",
    "styrelse": "forbund",
    "superuser": None,  # roles in no förbund: filed under none
    "annat_forbund_admin": "annat_forbund",
}
# Kinds that are no object of förbund A (an export's name and format).
NOT_AN_OBJECT = (None, "export")


@pytest.mark.parametrize(("url_name", "role", "expected"), CASES)
def test_access(url_name, role, expected, client_for, request, db):
    kind = MATRIX[url_name][0]
    url = reverse(url_name, kwargs=_kwargs(kind, request))
    client = client_for(role)
    response = client.get(url)
    denied = AuditEvent.objects.filter(action=AuditEvent.Action.ACCESS_DENIED)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif expected == ABSENT:
        assert response.status_code == 404
        assert not denied.exists()
    else:
        assert response.status_code == expected, f"{role} GET {url_name}: {response.status_code}"
    if expected in (403, 404):
        actor = request.getfixturevalue(role)
        events = list(denied)
        assert events, f"{role} GET {url_name}: refused without an audit event"
        assert {e.actor for e in events} == {actor}
        fixture = ACTOR_FORBUND[role]
        filed = request.getfixturevalue(fixture).pk if fixture else None
        assert [e.forbund_id for e in events] == [filed], f"{role} {url_name}: filed wrongly"
        # A 403 refuses the role before any object is read; a 404 names the object.
        if expected == 404 and kind not in NOT_AN_OBJECT:
            forbund_a = request.getfixturevalue("forbund")
            assert events[0].detail["objektets_forbund"] == forbund_a.pk
    elif expected != ABSENT:
        assert not denied.exists(), f"{role} GET {url_name}: an event for an allowed request"


def _normalised(response):
    # Only the per-render CSRF token and the language form's return path may differ.
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'name="next" type="hidden" value="[^"]*"', "", html)


def test_out_of_scope_hit_is_audited_and_looks_missing(client_for, insats, annat_forbund_admin):
    client = client_for("annat_forbund_admin")
    real = client.get(reverse("samverkan:insats-detail", kwargs={"uuid": insats.uuid}))
    missing = client.get(
        reverse("samverkan:insats-detail", kwargs={"uuid": "00000000-0000-4000-8000-000000000000"})
    )
    assert real.status_code == missing.status_code == 404
    assert _normalised(real) == _normalised(missing)
    event = AuditEvent.objects.get(action=AuditEvent.Action.ACCESS_DENIED)
    assert event.actor == annat_forbund_admin
    assert event.object_id == str(insats.uuid)
    # Filed under the actor's förbund (B's office sees its own admin's attempt); A,
    # whose insats it was, is named in the detail only.
    assert event.forbund_id == annat_forbund_admin.medlemskap.get().forbund_id
    assert event.forbund_id != insats.forbund_id
    assert event.detail["objektets_forbund"] == insats.forbund_id
    # A missing object is no access attempt on anything: one event only.
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ACCESS_DENIED).count() == 1


def test_admin_site_is_for_superusers_only(client, forbundsadmin, superuser):
    client.force_login(forbundsadmin)
    assert client.get(reverse("admin:index"), follow=True).status_code in (403, 404)
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
