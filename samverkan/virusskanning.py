"""Virus scanning of uploaded files with ClamAV's daemon (ASVS 5.4.3).

The file is streamed to clamd (``INSTREAM``) before it is stored. Found
malware, or a scanner that does not answer, refuses the upload: a consent scan
can be sent again, a stored infected file reaches a colleague's PDF viewer.
Without ``CLAMD_ADDRESS`` nothing is scanned (development); ``check --deploy``
warns about that (``samverkan.W001``).
"""

import socket
import struct
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samverkan import sakerhetslogg

_CHUNK = 64 * 1024
_EJ_KONTROLLERAD = _(
    "Filen kunde inte viruskontrolleras just nu och har inte sparats. Försök igen senare."
)


def _connect(address: str, timeout: float) -> socket.socket:
    url = urlsplit(address)
    if url.scheme == "unix":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        sock.connect(url.path)
        return sock
    if url.scheme == "tcp":
        return socket.create_connection((url.hostname, url.port or 3310), timeout=timeout)
    raise ValueError(f"CLAMD_ADDRESS must be unix:// or tcp://, not {address!r}")


def _request():
    # The request being served, for the log line's user and view (allauth keeps it).
    from allauth.core import context

    return getattr(context, "request", None)


def skanna(upload) -> None:
    """Raise a Swedish ValidationError if the file is infected or cannot be scanned."""
    address = settings.CLAMD_ADDRESS
    if not address:
        return
    upload.seek(0)
    try:
        with _connect(address, settings.CLAMD_TIMEOUT) as sock:
            sock.sendall(b"zINSTREAM\0")
            while chunk := upload.read(_CHUNK):
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            answer = b""
            while not answer.endswith(b"\0") and (part := sock.recv(4096)):
                answer += part
    except OSError as error:
        sakerhetslogg.handelse("virusskanning_misslyckad", _request(), fel=type(error).__name__)
        raise ValidationError(
            _EJ_KONTROLLERAD,
            code="virusskanning",
        ) from error
    finally:
        upload.seek(0)
    result = answer.rstrip(b"\0").decode("ascii", "replace")
    if result.endswith(" FOUND"):
        signature = result.removeprefix("stream: ").removesuffix(" FOUND")
        sakerhetslogg.handelse(
            "virus_hittat", _request(), signatur=signature.replace(" ", "_")[:80]
        )
        raise ValidationError(_("Filen innehåller skadlig kod och har inte sparats."), code="virus")
    if not result.endswith(" OK"):
        sakerhetslogg.handelse("virusskanning_misslyckad", _request(), fel="svar")
        raise ValidationError(
            _EJ_KONTROLLERAD,
            code="virusskanning",
        )


@register(Tags.security, deploy=True)
def check_virus_scanning(app_configs, **kwargs):
    if settings.CLAMD_ADDRESS:
        return []
    return [
        Warning(
            "Uppladdade filer viruskontrolleras inte: sätt CLAMD_ADDRESS.",
            id="samverkan.W001",
        )
    ]
