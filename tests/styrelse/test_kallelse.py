"""The kallelse: the office mails the board the meeting's date, time, place and a
link to the portal (nothing else), after commit; every sending is recorded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samverkan.models import AuditEvent, Roll
from styrelse.models import Kallelseutskick, Sammantrade
from styrelse.services import protokoll as p
from styrelse.services import sammantrade as s
from styrelse.services.arende import arende_skapa
from styrelse.services.kallelse import kallelse_skicka
from tests.factories import MedlemskapFactory, UserFactory


def test_the_kallelse_goes_to_each_board_member(
    forbundsadmin,
    sammantrade,
    ledamot,
    styrelse,
    annat_forbund,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    annan = UserFactory(email="ledamot@b.example")
    MedlemskapFactory(user=annan, roll=Roll.STYRELSE, insats=None, forbund=annat_forbund)
    with django_capture_on_commit_callbacks(execute=True):
        utskick = kallelse_skicka(actor=forbundsadmin, sammantrade=sammantrade)
    mottagare = sorted(m.to[0] for m in mailoutbox)
    assert mottagare == sorted([ledamot.email, styrelse.email])
    assert all(len(m.to) == 1 and not m.attachments for m in mailoutbox)
    text = mailoutbox[0].body
    assert "2026-03-12" in text and "09.00–12.00" in text and "Förbundets kansli" in text
    assert reverse("styrelse:sammantrade-detail", args=[sammantrade.uuid]) in text
    # Nothing about the people present or the agenda.
    assert "Ola Ordförande" not in text and "Eva" not in text

    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.Status.KALLAT
    assert (utskick.skickad_av, utskick.antal_mottagare) == (forbundsadmin, 2)
    event = AuditEvent.objects.filter(object_type="styrelse.sammantrade").order_by("pk").last()
    assert event.detail == {"kallelse": utskick.pk, "mottagare": 2}
    assert event.actor == forbundsadmin


def test_sending_again_is_recorded(
    forbundsadmin, sammantrade, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kallelse_skicka(actor=forbundsadmin, sammantrade=sammantrade)
        kallelse_skicka(actor=forbundsadmin, sammantrade=sammantrade)
    assert Kallelseutskick.objects.filter(sammantrade=sammantrade).count() == 2
    assert len(mailoutbox) == 2  # one member (the ledamot fixture), twice
    sammantrade.refresh_from_db()
    assert sammantrade.status == Sammantrade.Status.KALLAT


def test_refused_without_members_for_the_board_and_after_upprattande(
    forbundsadmin, forbund, styrelse, mailoutbox, django_capture_on_commit_callbacks
):
    import datetime

    mote = s.sammantrade_skapa(
        actor=forbundsadmin,
        forbund=forbund,
        datum=datetime.date(2026, 5, 1),
        starttid=datetime.time(9, 0),
        plats="Kansliet",
    )
    with pytest.raises(PermissionDenied):
        kallelse_skicka(actor=styrelse, sammantrade=mote)
    styrelse.is_active = False
    styrelse.save()
    with pytest.raises(ValidationError, match="ingen styrelseledamot"):
        kallelse_skicka(actor=forbundsadmin, sammantrade=mote)
    assert not Kallelseutskick.objects.exists() and not mailoutbox


def test_not_after_the_protocol_is_drawn_up(forbundsadmin, sammantrade, mailoutbox):
    arende_skapa(actor=forbundsadmin, sammantrade=sammantrade, typ="information", rubrik="Info")
    p.protokoll_uppratta(actor=forbundsadmin, sammantrade=sammantrade)
    with pytest.raises(ValidationError, match="Protokollet är upprättat"):
        kallelse_skicka(actor=forbundsadmin, sammantrade=sammantrade)


def test_the_office_sends_from_the_meeting_page(
    client, forbundsadmin, sammantrade, ledamot, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(forbundsadmin)
    url = reverse("styrelse:sammantrade-kallelse", args=[sammantrade.uuid])
    sida = client.get(reverse("styrelse:sammantrade-detail", args=[sammantrade.uuid]))
    assert url.encode() in sida.content and "Skicka kallelse" in sida.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        svar = client.post(url, follow=True)
    assert "Kallelsen skickas till 1 styrelseledamöter." in svar.content.decode()
    assert "Skicka kallelsen igen" in svar.content.decode()
    assert forbundsadmin.namn in svar.content.decode()
    assert [m.to for m in mailoutbox] == [[ledamot.email]]
