"""Rate limit of the public answer pages, per client address (they have no
login): the core's limiter (samverkan/begransning.py) counts signed-in users."""

import hashlib

from django.conf import settings

from samverkan import audit, begransning

STANDARD = "60/10m+400/d"


def over_grans(request) -> bool:
    regel = getattr(settings, "SAMVERKAN_ENKAT_GRANS", STANDARD)
    windows = begransning.parse(f"enkat={regel}")["enkat"]
    ip = audit.client_ip(request) or "okand"
    # The address is only a counter's key, hashed so the cache holds no address.
    nyckel = "enkat-" + hashlib.sha256(ip.encode()).hexdigest()[:32]
    over, _wait, _first = begransning._over_limit("enkat", nyckel, windows)
    return over
