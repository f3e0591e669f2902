"""Logguppföljning flags reads of a participant after the consent was withdrawn."""

import datetime

import pytest
from django.utils import timezone

from deltagare import services
from deltagare.models import Samtycke
from samverkan.logg import flaggor
from samverkan.models import AuditEvent


@pytest.mark.django_db
def test_reads_after_a_withdrawal_are_flagged(med_samtycke, samordnare, forbundsadmin, forbund):
    idag = timezone.localdate()
    samtycke = Samtycke.objects.get(inskrivning=med_samtycke)
    services.samtycke_aterkalla(
        actor=samordnare, samtycke=samtycke, datum=idag - datetime.timedelta(days=2)
    )
    uuid = med_samtycke.deltagare.uuid
    for dagar in (3, 1, 1):  # one read before the withdrawal, two after
        AuditEvent.objects.create(
            action=AuditEvent.Action.READ,
            actor=samordnare,
            forbund=forbund,
            deltagare_uuid=uuid,
            tidpunkt=timezone.now() - datetime.timedelta(days=dagar),
        )
    hittade = [
        f
        for f in flaggor(forbundsadmin, fran=idag - datetime.timedelta(days=7), till=idag)
        if f.typ == "efter_aterkallelse"
    ]
    assert [(f.anvandare, f.antal) for f in hittade] == [(samordnare, 2)]
