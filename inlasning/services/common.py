"""What the import's services share: who may import, the stored file, the audit event."""

from django.core.exceptions import PermissionDenied

from inlasning.models import Inlasning
from samverkan import audit
from samverkan.permissions import roller


def kan_lasa_in(user, forbund) -> bool:
    """The förbund's office only: an import writes personal records, and personal data
    has no superuser bypass (docs/architecture.md)."""
    return forbund.pk in roller(user).admin_forbund


def kraver_kansli(actor, forbund):
    if not kan_lasa_in(actor, forbund):
        raise PermissionDenied


def filens_data(inlasning: Inlasning) -> bytes:
    with inlasning.fil.open("rb") as f:
        return f.read()


def logga(*, action, actor, inlasning: Inlasning, request=None, detail=None):
    audit.record(
        action=action,
        actor=actor,
        obj=inlasning,
        forbund=inlasning.forbund,
        request=request,
        detail=detail,
    )
