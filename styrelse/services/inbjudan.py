"""External applicants (a folkhögskola, a social enterprise: no partner
organisation): the office invites one to write one application."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan import audit
from samverkan.models import User
from styrelse.models import Ansokan, Ansokningsinbjudan
from styrelse.services.ansokan import skapa_utkast
from styrelse.services.common import kraver_kansli
from styrelse.tasks import skicka_ansokningsinbjudan


@transaction.atomic
def ansokningsinbjudan_skapa(
    *, actor, forbund, epost: str, sokande_namn: str, typ: str = Ansokan.Typ.NY, request=None
) -> Ansokningsinbjudan:
    """The address gets an account without a password if it has none; it logs
    in by e-mail code and sees that application only. The invitation is
    mailed after commit."""
    kraver_kansli(actor, forbund.pk)
    epost = epost.strip().lower()
    user = User.objects.filter(email__iexact=epost).first()
    if user is not None and not user.is_active:
        raise ValidationError({"epost": _("Kontot för den här adressen är spärrat.")})
    if user is None:
        user = User.objects.create(email=epost)
        user.set_unusable_password()
        user.save(update_fields=["password"])
        audit.record(
            action=audit.Action.CREATE,
            actor=actor,
            obj=user,
            forbund=forbund,
            request=request,
            detail={"via": "ansokningsinbjudan"},
        )
    ansokan = skapa_utkast(
        actor=actor,
        request=request,
        detail={"inbjuden_sokande": True},
        forbund=forbund,
        typ=typ,
        skapad_av=user,
        sokande_namn=sokande_namn,
        kontakt_epost=epost,
    )
    inbjudan = Ansokningsinbjudan.objects.create(
        ansokan=ansokan, user=user, epost=epost, skapad_av=actor
    )
    audit.record(
        action=audit.Action.CREATE, actor=actor, obj=inbjudan, forbund=forbund, request=request
    )
    transaction.on_commit(lambda: skicka_ansokningsinbjudan.delay(inbjudan.pk))
    return inbjudan
