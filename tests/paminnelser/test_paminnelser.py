"""The reminder digest: counts per kind and a link, nothing personal, the user's own
frequency, and retries when the mail server fails."""

import datetime
import smtplib

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.urls import reverse

from paminnelser.models import Frekvens, Paminnelseinstallning
from paminnelser.selectors import sammanfattning
from paminnelser.tasks import skicka_alla, skicka_sammanfattning
from remisser import services as remiss_services
from tests.deltagare.conftest import PERSON
from tests.remisser.test_services import DATA, fil

MANDAG = datetime.date(2026, 12, 7)
TISDAG = MANDAG + datetime.timedelta(days=1)
LORDAG = MANDAG + datetime.timedelta(days=5)


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


class FailsOnce(LocmemBackend):
    """A mail server that is down for the first message and up after that."""

    failed = False

    def send_messages(self, messages):
        if not FailsOnce.failed:
            FailsOnce.failed = True
            raise smtplib.SMTPServerDisconnected("connection lost")
        return super().send_messages(messages)


@pytest.fixture
def komplettering(handlaggare, samordnare, insats):
    remiss = remiss_services.remiss_spara_utkast(
        actor=handlaggare, insats=insats, data=dict(DATA), fil=fil()
    )
    remiss = remiss_services.remiss_skicka(actor=handlaggare, remiss=remiss)
    return remiss_services.remiss_begar_komplettering(
        actor=samordnare, remiss=remiss, text="Intyg saknas."
    )


def _hemligheter(inskrivning):
    d = inskrivning.deltagare
    return [
        d.fornamn,
        d.efternamn,
        d.personnummer,
        d.personnummer[2:],
        d.personnummer_formaterat,
        str(d.uuid),
        str(inskrivning.uuid),
        inskrivning.insats.namn,
    ]


def test_counts_per_kind_for_a_coordinator(inskriven, samordnare):
    # Enrolled 2026-03-09 with no talks and no contact with the referrer: both overdue.
    s = sammanfattning(samordnare, MANDAG)
    assert s.per_typ["samtal"].forsenade == 1
    assert s.per_typ["remittentkontakt"].forsenade == 1
    assert s.per_typ["plan"].totalt == s.per_typ["uppfoljning"].totalt == 0
    # Max duration (12 months) is reached 2027-03-09: due within 30 days from February.
    s = sammanfattning(samordnare, datetime.date(2027, 2, 15))
    assert s.per_typ["langsta_tid"].kommande == 1


def test_the_mail_has_counts_and_a_link_and_nothing_personal(inskriven, samordnare, kollega):
    assert skicka_alla(MANDAG) == 2  # both contact persons' insats has the case
    assert len(mail.outbox) == 2
    meddelande = next(m for m in mail.outbox if m.to == [samordnare.email])
    text = meddelande.subject + meddelande.body
    assert "Kartläggningssamtal: 1 försenade" in text
    assert "Kontakt med remittenten: 1 försenade" in text
    assert meddelande.subject == "Samverkan: 2 saker att göra"
    assert "http://127.0.0.1:8000/" in text and reverse("paminnelser:installningar") in text
    for hemlig in [*_hemligheter(inskriven), PERSON["telefon"], PERSON["adress"]]:
        assert hemlig not in text, hemlig
    assert "/deltagare/" not in text


def test_a_referrer_is_told_when_a_remiss_needs_completing(komplettering, handlaggare):
    skicka_alla(MANDAG)
    # The team has nothing due; the referrer has one remiss to complete.
    (meddelande,) = mail.outbox
    assert meddelande.to == [handlaggare.email]
    assert "Remisser att komplettera: 1 att göra snart" in meddelande.body
    for hemlig in (
        DATA["fornamn"],
        DATA["efternamn"],
        DATA["personnummer"],
        str(komplettering.uuid),
    ):
        assert hemlig not in meddelande.subject + meddelande.body


def test_nothing_is_sent_when_nothing_is_due(samordnare, handlaggare, insats):
    assert skicka_alla(MANDAG) == 2  # queued, and each finds nothing
    assert mail.outbox == []


def test_opt_out_is_respected(inskriven, samordnare, kollega):
    Paminnelseinstallning.objects.create(user=samordnare, frekvens=Frekvens.ALDRIG)
    skicka_alla(MANDAG)
    assert [m.to for m in mail.outbox] == [[kollega.email]]


def test_weekly_goes_on_its_weekday_only_daily_on_working_days(inskriven, samordnare, kollega):
    Paminnelseinstallning.objects.create(user=samordnare, frekvens=Frekvens.VECKOVIS, veckodag=1)
    skicka_alla(MANDAG)
    assert [m.to for m in mail.outbox] == [[kollega.email]]
    mail.outbox.clear()
    skicka_alla(TISDAG)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([samordnare.email, kollega.email])
    mail.outbox.clear()
    skicka_alla(LORDAG)
    assert mail.outbox == []


def test_a_second_run_the_same_day_sends_nothing_more(inskriven, samordnare, kollega):
    skicka_alla(MANDAG)
    skicka_alla(MANDAG)
    assert len(mail.outbox) == 2


def test_the_task_retries_on_an_smtp_error_and_then_sends_once(inskriven, samordnare, settings):
    settings.EMAIL_BACKEND = "tests.paminnelser.test_paminnelser.FailsOnce"
    FailsOnce.failed = False
    task = skicka_sammanfattning
    assert smtplib.SMTPException in task.autoretry_for and task.retry_backoff
    # Eagerly, Celery hands the retry back as Retry (a worker would run it again later).
    with pytest.raises(Retry):
        task.delay(samordnare.pk, MANDAG.isoformat())
    assert mail.outbox == []
    assert Paminnelseinstallning.objects.get(user=samordnare).senast_skickad is None
    # The retry: the server is up again, one mail goes, the day is marked.
    assert task.delay(samordnare.pk, MANDAG.isoformat()).get() is True
    assert len(mail.outbox) == 1
    assert Paminnelseinstallning.objects.get(user=samordnare).senast_skickad == MANDAG


def test_the_command_for_cron(inskriven, samordnare, kollega, capsys):
    call_command("skicka_paminnelser", "--datum", MANDAG.isoformat())
    assert "2 påminnelser köade." in capsys.readouterr().out
    assert len(mail.outbox) == 2


def test_the_beat_schedule_runs_the_digest(settings):
    tasks = {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "paminnelser.tasks.skicka_paminnelser" in tasks
    assert "inlasning.tasks.rensa_inlasningar" in tasks


def test_the_settings_page_changes_the_frequency(client, handlaggare):
    client.force_login(handlaggare)
    url = reverse("paminnelser:installningar")
    assert client.get(url).status_code == 200
    response = client.post(url, {"frekvens": "veckovis", "veckodag": "3"})
    assert response.status_code == 302
    i = Paminnelseinstallning.objects.get(user=handlaggare)
    assert (i.frekvens, i.veckodag) == ("veckovis", 3)
    # A weekend day is no choice: a Swedish error beside the field, nothing saved.
    response = client.post(url, {"frekvens": "daglig", "veckodag": "6"})
    assert (
        response.status_code == 200 and "Välj ett giltigt alternativ" in response.content.decode()
    )
    assert Paminnelseinstallning.objects.get(user=handlaggare).frekvens == "veckovis"
