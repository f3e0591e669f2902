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
    if _PERSONNUMMER_LIKE.search(text) or _EMAIL_LIKE.search(text):
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
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(getattr(obj, "uuid", None) or obj.pk)
        if forbund is None:
            forbund = _forbund_of(obj)
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
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
