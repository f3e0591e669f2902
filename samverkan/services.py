"""Writes of the core. Each service is one transaction that writes its audit event."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from samverkan import audit
from samverkan.models import Forbund, Insats
from samverkan.permissions import ar_admin_for


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
