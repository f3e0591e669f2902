"""The one way to write the audit trail (logguppföljning).

Every read, change, print and export of a personal record, every login event
and every refused access goes through `record()`. The table is append-only in
the database itself (see migration 0002).
"""

import contextlib
import json
import logging
import re
import uuid

from django.conf import settings
from django.db import transaction

from samverkan.models import AuditEvent

Action = AuditEvent.Action

# A copy of every committed event for the log shipped to a separate system
# (ASVS 16.4.3): ids only, no IP address and no detail.
copy_logger = logging.getLogger("samverkan.audit")

# Detail must never carry personal data: refuse anything that looks like a
# personnummer or an e-mail address, and keep it small.
_PERSONNUMMER_LIKE = re.compile(r"(?<!\d)(\d{6}|\d{8})[-+]?\d{4}(?!\d)")
# An object's uuid is an id, not a personnummer; about one uuid in 200 holds a run of
# digits shaped like one, so uuids are set aside before the check.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
_EMAIL_LIKE = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
_MAX_DETAIL_CHARS = 2000


def client_ip(request):
    """The client's address, trusting X-Forwarded-For only behind a configured proxy."""
    if request is None:
        return None
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _check_detail(detail):
    text = json.dumps(detail, default=str, ensure_ascii=False)
    if len(text) > _MAX_DETAIL_CHARS:
        raise ValueError("Audit detail is too large; store ids, not content.")
    utan_uuid = _UUID.sub("", text)
    if _PERSONNUMMER_LIKE.search(utan_uuid) or _EMAIL_LIKE.search(utan_uuid):
        raise ValueError("Audit detail must not contain personal data.")
    return json.loads(text)


def record(
    *,
    action: str,
    actor=None,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    forbund=None,
    deltagare_uuid: uuid.UUID | None = None,
    request=None,
    detail: dict | None = None,
) -> AuditEvent:
    """Append one event. Call it inside the transaction of the action it records."""
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}")
    if action == Action.ACCESS_DENIED:
        # Where a refusal is filed is decided in one place only.
        raise ValueError("Refused access is written by record_access_denied().")
    if obj is not None and forbund is None:
        forbund = _forbund_of(obj)
    return _write(
        action=action,
        actor=actor,
        obj=obj,
        object_type=object_type,
        object_id=object_id,
        forbund=forbund,
        deltagare_uuid=deltagare_uuid,
        request=request,
        detail=detail,
    )


def record_access_denied(
    *,
    request=None,
    actor=None,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    detail: dict | None = None,
) -> list[AuditEvent]:
    """A refused access, filed under the ACTOR's förbund: the office reviews what its
    own staff tried, and the office that owns the target never sees a stranger's
    name. The target's förbund, when there is a target, goes in the detail
    (`objektets_forbund`).

    The actor's förbund are those of their active roles (else of their past roles,
    so an expired account's attempts still reach its office). With roles in several
    förbund: the target's förbund alone when it is one of them, else one event in
    each, so that every office that answers for the person sees it. No role at all
    (a superuser without membership): one event with no förbund.
    """
    actor = _actor(actor, request)
    detail = dict(detail or {})
    if request is not None and "vy" not in detail:
        match = getattr(request, "resolver_match", None)
        detail["vy"] = match.view_name if match is not None else ""
    target = target_forbund_id(obj) if obj is not None else None
    if target is not None:
        detail["objektets_forbund"] = target
    egna = actor_forbund_ids(actor)
    if target in egna:
        egna = [target]
    from samverkan.models import Forbund

    return [
        _write(
            action=Action.ACCESS_DENIED,
            actor=actor,
            obj=obj,
            object_type=object_type,
            object_id=object_id,
            forbund=Forbund(pk=forbund_id) if forbund_id is not None else None,
            request=request,
            detail=detail,
        )
        for forbund_id in egna or [None]
    ]


def actor_forbund_ids(actor) -> list[int]:
    """The förbund a user answers to: of their active roles, else of any past role."""
    from samverkan.models import Medlemskap
    from samverkan.roller import roller

    if actor is None:
        return []
    ids = roller(actor).forbund
    if not ids:
        ids = Medlemskap.objects.filter(user=actor).values_list("forbund_id", flat=True)
    return sorted(set(ids))


def target_forbund_id(obj) -> int | None:
    """The förbund an object belongs to, followed through the ordinary owners
    (insats, inskrivning, deltagare, remiss ...), or None."""
    from samverkan.models import Forbund

    for _depth in range(4):
        if obj is None:
            return None
        if isinstance(obj, Forbund):
            return obj.pk
        if getattr(obj, "forbund_id", None):
            return obj.forbund_id
        obj = next(
            (getattr(obj, name) for name in _OWNERS if getattr(obj, f"{name}_id", None)), None
        )
    return None


_OWNERS = ("insats", "inskrivning", "deltagare", "remiss", "organisation", "rapport")


def _actor(actor, request):
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return actor


def _write(
    *,
    action,
    actor,
    obj,
    object_type,
    object_id,
    forbund,
    request,
    deltagare_uuid=None,
    detail=None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(getattr(obj, "uuid", None) or obj.pk)
    actor = _actor(actor, request)
    event = AuditEvent.objects.create(
        action=action,
        actor=actor,
        object_type=object_type,
        object_id=str(object_id)[:64],
        forbund=forbund,
        deltagare_uuid=deltagare_uuid,
        ip=client_ip(request),
        detail=_check_detail(detail or {}),
    )
    # Decided when the event is written, not when it commits: a bulk load that quiets the
    # copy (the demo, `tyst_kopia`) stays quiet even if its transaction commits later.
    if copy_logger.isEnabledFor(logging.INFO):
        transaction.on_commit(lambda: _copy(event))
    return event


def record_many(
    *, action: str, actor, forbund, objects, detail: dict | None = None, batch: int = 1000
) -> int:
    """One event per personal record for a bulk write (the import of many
    participants): the same checks and copy as `record`, written in batches.
    Each object needs a `uuid`; it is also the event's participant."""
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}")
    detail = _check_detail(detail or {})
    events = [
        AuditEvent(
            action=action,
            actor=actor,
            object_type=obj._meta.label_lower,
            object_id=str(obj.uuid),
            forbund=forbund,
            deltagare_uuid=obj.uuid,
            detail=detail,
        )
        for obj in objects
    ]
    for start in range(0, len(events), batch):
        AuditEvent.objects.bulk_create(events[start : start + batch])
    if copy_logger.isEnabledFor(logging.INFO):
        transaction.on_commit(lambda: [_copy(e) for e in events])
    return len(events)


@contextlib.contextmanager
def tyst_kopia():
    """Events are written as always, but their copy to the log is not echoed: for loading
    the demo, whose few hundred events would bury the logins in the terminal."""
    niva = copy_logger.level
    copy_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        copy_logger.setLevel(niva)


def _copy(event: AuditEvent) -> None:
    fields = {
        "handelse": "audit",
        "id": event.pk,
        "tidpunkt": event.tidpunkt.isoformat(),
        "action": event.action,
        "anvandare": str(event.actor.uuid) if event.actor_id else "-",
        "objekttyp": event.object_type or "-",
        "objekt": event.object_id or "-",
        "forbund": event.forbund_id or "-",
        "deltagare": str(event.deltagare_uuid) if event.deltagare_uuid else "-",
    }
    copy_logger.info(" ".join(f"{k}={v}" for k, v in fields.items()), extra={"sakerhet": fields})


def _forbund_of(obj):
    from samverkan.models import Forbund

    if isinstance(obj, Forbund):
        return obj
    forbund_id = getattr(obj, "forbund_id", None)
    if forbund_id:
        return Forbund(pk=forbund_id)
    insats = getattr(obj, "insats", None)
    if insats is not None and getattr(insats, "forbund_id", None):
        return Forbund(pk=insats.forbund_id)
    return None
