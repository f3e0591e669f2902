"""Who may do what with a participant beyond the staff's own work (querysets.py)."""

from samverkan.permissions import roller


def far_gora_registerutdrag(user, deltagare) -> bool:
    """The förbund's office answers a person's request for their data; no one else,
    and no superuser bypass: system administration is not case work."""
    return deltagare.forbund_id in roller(user).admin_forbund
