"""The pages of the board's work, through the test client: the applicant's
draft and sending, the office's meeting, decisions and protocol, the board's
download. Bad input gets a Swedish message at the field and nothing saved."""

import datetime

import pytest
from django.urls import reverse

from rapporter.models import Ekonomi
from samverkan.models import AuditEvent
from styrelse.models import Ansokan, Arende, Sammantrade
from styrelse.services import ansokan as a
from tests.styrelse.conftest import pa_dagordningen


def test_the_applicant_writes_sends_and_follows_an_application(
    client, handlaggare, organisation, huvudman
):
    client.force_login(handlaggare)
    svar = client.post(
        reverse("styrelse:ansokan-create"), {"typ": "ny", "organisation": organisation.pk}
    )
    ansokan = Ansokan.objects.get()
    assert svar.status_code == 302
    sektion = lambda namn: reverse("styrelse:ansokan-sektion", args=[ansokan.uuid, namn])  # noqa: E731

    svar = client.post(
        sektion("sokande"),
        {"sokande_namn": "Kommun A", "organisationsnummer": "212000-0143", "kontaktperson": "K"},
    )
    assert svar.status_code == 400
    assert "Kontrollsiffran stämmer inte" in svar.content.decode()
    ansokan.refresh_from_db()
    assert ansokan.organisationsnummer == ""

    assert (
        client.post(
            sektion("sokande"),
            {
                "sokande_namn": "Kommun A",
                "organisationsnummer": "212000-0142",
                "kontaktperson": "K",
            },
        ).status_code
        == 302
    )
    client.post(
        sektion("insats"),
        {
            "typ": "ny",
            "insats_namn": "Unga i fokus",
            "period_start": "2026-01-01",
            "period_slut": "2026-12-31",
        },
    )
    client.post(sektion("bakgrund"), {"bakgrund": "B", "syfte": "S", "mal": "M"})
    client.post(sektion("malgrupp"), {"malgrupp": "Unga"})
    client.post(sektion("genomforande"), {"genomforande": "G", "huvudman": [huvudman[0].pk]})

    budget = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-ar": "2026",
        "form-0-personal": "100000",
        "form-0-lokal": "20000",
        "form-0-intakter": "10000",
        "form-1-ar": "",
    }
    assert (
        client.post(reverse("styrelse:ansokan-budget", args=[ansokan.uuid]), budget).status_code
        == 302
    )

    # One huvudman only: refused with the message.
    svar = client.post(reverse("styrelse:ansokan-skicka", args=[ansokan.uuid]), follow=True)
    assert "Minst två av förbundets huvudmän" in svar.content.decode()
    ansokan.refresh_from_db()
    assert ansokan.status == "utkast"

    client.post(
        sektion("genomforande"), {"genomforande": "G", "huvudman": [h.pk for h in huvudman]}
    )
    svar = client.post(reverse("styrelse:ansokan-skicka", args=[ansokan.uuid]), follow=True)
    ansokan.refresh_from_db()
    assert ansokan.status == "inkommen"
    sida = client.get(reverse("styrelse:ansokan-detail", args=[ansokan.uuid])).content.decode()
    assert "Inkommen" in sida and "110000" in sida  # the net cost, computed


def test_an_attachment_is_checked_from_its_content(client, handlaggare, ansokan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from deltagare.uploads import EXEMPEL_PDF

    client.force_login(handlaggare)
    url = reverse("styrelse:ansokan-bilaga", args=[ansokan.uuid])
    svar = client.post(url, {"fil": SimpleUploadedFile("x.pdf", b"MZ not a pdf")})
    assert svar.status_code == 400 and "PDF, JPEG eller PNG" in svar.content.decode()
    assert client.post(url, {"fil": SimpleUploadedFile("plan.pdf", EXEMPEL_PDF)}).status_code == 302
    assert ansokan.bilagor.get().content_type == "application/pdf"


def test_the_office_runs_the_meeting_and_the_board_downloads(
    client, forbundsadmin, forbund, handlaggare, ansokan, ledamot, styrelse
):
    a.ansokan_skicka_in(actor=handlaggare, ansokan=ansokan)
    client.force_login(forbundsadmin)
    svar = client.post(
        reverse("styrelse:ansokan-beredning", args=[ansokan.uuid]),
        {"lsg_tillstyrkt": "true", "lsg_datum": "2026-02-20", "beredning": "Tillstyrks."},
    )
    assert svar.status_code == 302
    ansokan.refresh_from_db()
    assert ansokan.status == "under_beredning" and ansokan.lsg_tillstyrkt is True

    svar = client.post(
        reverse("styrelse:sammantrade-create"),
        {
            "datum": "2026-03-12",
            "starttid": "09:00",
            "sluttid": "08:00",
            "plats": "Kansliet",
            "typ": "ordinarie",
        },
    )
    assert svar.status_code == 400 and not Sammantrade.objects.exists()
    client.post(
        reverse("styrelse:sammantrade-create"),
        {
            "datum": "2026-03-12",
            "starttid": "09:00",
            "sluttid": "12:00",
            "plats": "Kansliet",
            "typ": "ordinarie",
        },
    )
    mote = Sammantrade.objects.get()
    narvaro = reverse("styrelse:narvaro-create", args=[mote.uuid])
    svar = client.post(narvaro, {"namn": "Utan konto", "roll": "ledamot", "justerare": "on"})
    assert svar.status_code == 400 and "konto" in svar.content.decode()
    client.post(narvaro, {"namn": "Ola", "roll": "ordforande", "beslutande": "on"})
    client.post(
        narvaro,
        {
            "namn": "Lea",
            "roll": "ledamot",
            "user": ledamot.pk,
            "beslutande": "on",
            "justerare": "on",
        },
    )
    client.post(
        reverse("styrelse:arende-create", args=[mote.uuid]),
        {"typ": "beslut", "rubrik": "Ansökan", "ansokan": ansokan.pk, "forslag": "Bevilja."},
    )
    arende = Arende.objects.get()
    beslut = reverse("styrelse:arende-beslut", args=[arende.uuid])
    svar = client.post(
        beslut, {"utfall": "bevilja", "attsatser": "bevilja medel", "belopp": "2026 hundra"}
    )
    assert svar.status_code == 400 and "2026: 120000" in svar.content.decode()
    svar = client.post(
        beslut,
        {
            "utfall": "bevilja",
            "attsatser": "att bevilja 120 000 kronor",
            "belopp": "2026: 120 000",
            "period_start": "2026-01-01",
            "period_slut": "2026-12-31",
        },
    )
    assert svar.status_code == 302
    assert Ekonomi.objects.get(insats__namn="Unga i fokus", ar=2026).beviljat == 120000

    client.post(reverse("styrelse:sammantrade-uppratta", args=[mote.uuid]))
    mote.refresh_from_db()
    assert mote.status == "upprattat" and arende.__class__.objects.get().paragraf == 1

    client.force_login(ledamot)
    sida = client.get(reverse("styrelse:sammantrade-detail", args=[mote.uuid])).content.decode()
    assert "Justera protokollet" in sida
    client.post(reverse("styrelse:sammantrade-justera", args=[mote.uuid]))
    mote.refresh_from_db()
    assert mote.status == "justerat"

    client.force_login(forbundsadmin)
    svar = client.post(
        reverse("styrelse:sammantrade-publicera", args=[mote.uuid]),
        {"anslag_uppsatt": "2026-03-16"},
    )
    assert svar.status_code == 302
    protokoll = mote.protokollversioner.get()

    client.force_login(styrelse)
    svar = client.get(reverse("styrelse:protokoll-pdf", args=[protokoll.uuid]))
    assert svar.status_code == 200 and b"".join(svar.streaming_content).startswith(b"%PDF-")
    assert AuditEvent.objects.filter(
        actor=styrelse, action="export", detail__protokoll_version=1
    ).exists()

    client.force_login(forbundsadmin)
    svar = client.get(reverse("styrelse:arende-utdrag", args=[arende.uuid]))
    assert svar.status_code == 200 and svar.content.startswith(b"%PDF-")


@pytest.mark.parametrize("antal", [1, 6])
def test_lists_have_a_fixed_query_ceiling(
    client,
    forbundsadmin,
    forbund,
    ledamot,
    handlaggare,
    organisation,
    huvudman,
    antal,
    django_assert_max_num_queries,
):
    from tests.styrelse.conftest import fyll_ansokan, mote

    for i in range(antal):
        m = mote(
            forbundsadmin,
            forbund,
            ledamot,
            datum=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
        )
        ans = fyll_ansokan(
            a.ansokan_skapa(actor=handlaggare, organisation=organisation), handlaggare, huvudman
        )
        a.ansokan_skicka_in(actor=handlaggare, ansokan=ans)
        pa_dagordningen(forbundsadmin, ans, m)
    client.force_login(forbundsadmin)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("styrelse:sammantrade-list")).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("styrelse:ansokan-list")).status_code == 200
