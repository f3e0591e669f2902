"""Writes of the core. Each service is one transaction that writes its audit event."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from samverkan import audit
from samverkan.models import Forbund, Inbjudan, Insats, Medlemskap, Organisation, Roll
from samverkan.permissions import ar_admin_for, roller


@transaction.atomic
def insats_skapa(*, actor, forbund: Forbund, data: dict, request=None) -> Insats:
    if not ar_admin_for(actor, forbund.pk):
        raise PermissionDenied
    insats = Insats(forbund=forbund, **{f: data[f] for f in Insats.EDITABLE_FIELDS if f in data})
    insats.full_clean()
    insats.save()
    audit.record(action=audit.Action.CREATE, actor=actor, obj=insats, request=request)
    return insats


@transaction.atomic
def insats_uppdatera(*, actor, insats: Insats, data: dict, request=None) -> Insats:
    if not ar_admin_for(actor, insats.forbund_id):
        raise PermissionDenied
    insats = Insats.objects.select_for_update().get(pk=insats.pk)
    changed = []
    for field in Insats.EDITABLE_FIELDS:
        if field in data and getattr(insats, field) != data[field]:
            setattr(insats, field, data[field])
            changed.append(field)
    if not changed:
        return insats
    insats.full_clean()
    insats.save(update_fields=changed)
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=insats,
        request=request,
        detail={"falt": changed},
    )
    return insats


def _organisationer_for_epost(email: str) -> list[Organisation]:
    domain = email.rsplit("@", 1)[-1].lower()
    # The registered domains are a short JSON list per organisation; a förbund has few.
    by_domain = [o for o in Organisation.objects.filter(aktiv=True) if domain in o.epostdomaner]
    invited = Organisation.objects.filter(
        aktiv=True,
        inbjudningar__epost__iexact=email,
        inbjudningar__giltig_till__gte=timezone.localdate(),
    )
    return list({o.pk: o for o in [*by_domain, *invited]}.values())


@transaction.atomic
def handlaggare_forsta_inloggning(*, email: str, request=None):
    """The account of a handläggare who asks for a login code for the first time.

    Only addresses in a partner organisation's registered domains, or invited by
    the förbund, get one; it is bound to that organisation. None for anyone else.
    """
    email = email.strip().lower()
    organisationer = _organisationer_for_epost(email)
    if not organisationer:
        return None
    User = get_user_model()
    user, created = User.objects.get_or_create(email=email)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    for organisation in organisationer:
        Medlemskap.objects.get_or_create(
            user=user,
            roll=Roll.HANDLAGGARE,
            forbund_id=organisation.forbund_id,
            organisation=organisation,
        )
    if created:
        audit.record(
            action=audit.Action.CREATE,
            obj=user,
            forbund=organisationer[0].forbund,
            request=request,
            detail={"via": "inloggningskod"},
        )
    return user


@transaction.atomic
def inbjudan_skapa(*, actor, epost: str, organisation: Organisation, giltig_till, request=None):
    """Let an address outside the registered domains log in by code as handläggare."""
    if not ar_admin_for(actor, organisation.forbund_id):
        raise PermissionDenied
    inbjudan, _created = Inbjudan.objects.update_or_create(
        epost=epost.strip().lower(),
        organisation=organisation,
        defaults={"giltig_till": giltig_till},
    )
    inbjudan.full_clean()
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        obj=inbjudan,
        forbund=organisation.forbund,
        request=request,
    )
    return inbjudan


@transaction.atomic
def logggranskning_registrera(*, actor, forbund: Forbund, data: dict, request=None):
    """Record that the office reviewed the audit trail; the record is itself an event."""
    from samverkan.models import Logggranskning

    if forbund.pk not in roller(actor).admin_forbund:
        raise PermissionDenied
    granskning = Logggranskning(forbund=forbund, granskad_av=actor, **data)
    granskning.full_clean()
    granskning.save()
    audit.record(
        action=audit.Action.CREATE, actor=actor, obj=granskning, forbund=forbund, request=request
    )
    return granskning
