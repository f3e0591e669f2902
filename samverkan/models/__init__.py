"""The shared core's models, one module per domain name.

Migration 0001 names ``UserManager``, ``_new_session_key`` and
``default_aldersband`` by their path here (``samverkan.models.…``).
"""

from samverkan.models.anvandare import User, UserManager, _new_session_key
from samverkan.models.forbund import Forbund
from samverkan.models.gallring import Gallringskorning
from samverkan.models.insats import Insats, default_aldersband
from samverkan.models.logg import AuditEvent, Logggranskning
from samverkan.models.medlemskap import Medlemskap, Roll
from samverkan.models.organisation import Inbjudan, Organisation

__all__ = [
    "AuditEvent",
    "Forbund",
    "Gallringskorning",
    "Inbjudan",
    "Insats",
    "Logggranskning",
    "Medlemskap",
    "Organisation",
    "Roll",
    "User",
    "UserManager",
    "_new_session_key",
    "default_aldersband",
]
