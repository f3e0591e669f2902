"""One-time links: to the participant questionnaire for an enrolment, and the
yearly mailing of the staff-and-partner questionnaire."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from enkater import tasks
from enkater.models import Enkat, Enkatlank, Enkatversion, Utskick
from enkater.services.enkat import kontrollera_admin, standardenkater_skapa
from samverkan import audit
from samverkan.models import Insats


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def kvartal(dag: datetime.date) -> int:
    return (dag.month - 1) // 3 + 1


def _ny_lank(*, version, insats, dag, kon="", aldersband="", dagar: int) -> str:
    token = secrets.token_urlsafe(32)  # 256 bits
    Enkatlank.objects.create(
        token_hash=token_hash(token),
        version=version,
        forbund=insats.forbund,
        insats=insats,
        ar=dag.year,
        kvartal=kvartal(dag),
        kon=kon,
        aldersband=aldersband,
        giltig_till=timezone.now() + datetime.timedelta(days=dagar),
    )
    rad, _skapad = Utskick.objects.get_or_create(
        enkat_id=version.enkat_id, insats=insats, ar=dag.year, kvartal=kvartal(dag)
    )
    Utskick.objects.filter(pk=rad.pk).update(antal=F("antal") + 1)
    return token


def lank_url(token: str, *, absolut: bool = False) -> str:
    path = reverse("enkater:svara", kwargs={"token": token})
    return settings.SAMVERKAN_BASE_URL.rstrip("/") + path if absolut else path


def aldersband_for(inskrivning) -> str:
    """The age band of the enrolment's age at inskrivning, as the statistics count it."""
    dag = inskrivning.inskrivningsdatum or inskrivning.aktualiserad
    alder = inskrivning.deltagare.alder(dag)
    if alder is None:
        return ""
    for fran, till in inskrivning.insats.aldersband:
        if alder >= fran and (till is None or alder <= till):
            return f"{fran}–{till}" if till is not None else f"{fran}+"
    return ""


def _version_att_lamna_ut(enkat: Enkat | None, forbund, typ: str) -> Enkatversion:
    """The published version of the questionnaire to hand out: one of the förbund's
    own of the right kind, or its default when none is named."""
    if enkat is None:
        enkat = standardenkater_skapa(forbund)[typ]
    if enkat.forbund_id != forbund.pk:
        raise PermissionDenied
    if enkat.typ != typ:
        raise ValidationError(
            {"enkat": _("Välj en enkät av typen %(typ)s.") % {"typ": Enkat.Typ(typ).label}}
        )
    version = enkat.publicerad_version()
    if version is None:
        raise ValidationError({"enkat": _("Enkäten har ingen publicerad version ännu.")})
    return version


@transaction.atomic
def deltagarlank_skapa(
    *, actor, inskrivning, tillfalle: str = "avslut", enkat: Enkat | None = None
) -> str:
    """A one-time link to a participant questionnaire (`enkat`, by default the
    förbund's standard one) for this enrolment.

    Returns the token, which is shown once and never stored: the link row has
    its hash and what the answer will carry (insats, period, kön, age band),
    and no key back to the enrolment."""
    insats = inskrivning.insats
    if not Insats.objects.staff_of(actor).filter(pk=insats.pk).exists():
        raise PermissionDenied
    if inskrivning.felregistrerad:
        raise ValidationError(_("En felregistrering får ingen enkät."))
    version = _version_att_lamna_ut(enkat, insats.forbund, Enkat.Typ.DELTAGARE)
    if tillfalle == "avslut":
        dag = inskrivning.avslutsdatum or timezone.localdate()
    else:
        dag = inskrivning.inskrivningsdatum or timezone.localdate()
    token = _ny_lank(
        version=version,
        insats=insats,
        dag=dag,
        kon=inskrivning.deltagare.kon,
        aldersband=aldersband_for(inskrivning),
        dagar=getattr(settings, "SAMVERKAN_ENKAT_LANK_DAGAR", 30),
    )
    # The case's trail says a link was made, never which (no id of the link, nor of
    # the questionnaire: a rarely used one would narrow the answers down).
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        object_type="enkater.enkatlank",
        forbund=insats.forbund,
        deltagare_uuid=inskrivning.deltagare.uuid,
        detail={"tillfalle": tillfalle},
    )
    return token


@transaction.atomic
def samverkanslankar_skicka(
    *, actor, insats, adresser: list[str], enkat: Enkat | None = None
) -> int:
    """One link per address to a staff-and-partner questionnaire (`enkat`, by
    default the förbund's standard one), mailed by a Celery task after the
    commit. The addresses are not stored."""
    kontrollera_admin(actor, insats.forbund)
    adresser = sorted({a.strip().lower() for a in adresser if a.strip()})
    if not adresser:
        raise ValidationError({"adresser": _("Ange minst en mottagare.")})
    version = _version_att_lamna_ut(enkat, insats.forbund, Enkat.Typ.SAMVERKAN)
    dag = timezone.localdate()
    utskick = [
        (
            adress,
            lank_url(_ny_lank(version=version, insats=insats, dag=dag, dagar=30), absolut=True),
        )
        for adress in adresser
    ]
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        object_type="enkater.utskick",
        object_id=str(insats.uuid),
        forbund=insats.forbund,
        detail={"antal": len(utskick), "enkat": version.enkat_id},
    )
    transaction.on_commit(lambda: tasks.skicka_samverkanslankar.delay(utskick, insats.namn))
    return len(utskick)
