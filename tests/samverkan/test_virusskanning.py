"""Uploads are virus-scanned by clamd before they are stored (ASVS 5.4.3), tried
against a local stand-in speaking clamd's INSTREAM protocol."""

import logging
import socket
import struct
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from deltagare import services
from deltagare.koder import SamtyckeSatt
from deltagare.models import Samtycke
from deltagare.uploads import EXEMPEL_PDF
from tests.deltagare.conftest import DAG

# The EICAR test string: every scanner reports it, and it harms nothing.
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class FakeClamd:
    def __init__(self, answer_silence=False):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = []
        self.silent = answer_silence
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                command = b""
                while not command.endswith(b"\0"):
                    command += conn.recv(1)
                data = b""
                while True:
                    (length,) = struct.unpack("!L", conn.recv(4, socket.MSG_WAITALL))
                    if not length:
                        break
                    data += conn.recv(length, socket.MSG_WAITALL)
                self.received.append((command, data))
                if self.silent:
                    continue
                found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in data
                conn.sendall(b"stream: Eicar-Signature FOUND\0" if found else b"stream: OK\0")

    def close(self):
        self.server.close()


@pytest.fixture
def clamd(settings):
    fake = FakeClamd()
    settings.CLAMD_ADDRESS = f"tcp://127.0.0.1:{fake.port}"
    yield fake
    fake.close()


def _register(aktualiserad, samordnare, content):
    return services.samtycke_registrera(
        actor=samordnare,
        inskrivning=aktualiserad,
        organisationer=[],
        syften={"registrering"},
        givet=DAG,
        satt=SamtyckeSatt.BLANKETT,
        fil=SimpleUploadedFile("samtycke.pdf", content, content_type="application/pdf"),
    )


def test_a_clean_file_is_scanned_whole_and_stored(clamd, aktualiserad, samordnare):
    samtycke = _register(aktualiserad, samordnare, EXEMPEL_PDF)
    assert samtycke.fil.read() == EXEMPEL_PDF
    [(command, data)] = clamd.received
    assert command == b"zINSTREAM\0" and data == EXEMPEL_PDF


def test_an_infected_file_is_refused_logged_and_not_stored(clamd, aktualiserad, samordnare, caplog):
    caplog.set_level(logging.WARNING, logger="samverkan.sakerhet")
    with pytest.raises(ValidationError) as error:
        _register(aktualiserad, samordnare, b"%PDF-1.4\n" + EICAR + b"\n%%EOF\n")
    assert "skadlig kod" in str(error.value)
    assert not Samtycke.objects.exists()
    assert any("handelse=virus_hittat" in r.getMessage() for r in caplog.records)


def test_a_scanner_that_does_not_answer_refuses_the_upload(aktualiserad, samordnare, settings):
    with socket.create_server(("127.0.0.1", 0)) as unused:
        port = unused.getsockname()[1]
    settings.CLAMD_ADDRESS = f"tcp://127.0.0.1:{port}"  # nothing listens
    with pytest.raises(ValidationError) as error:
        _register(aktualiserad, samordnare, EXEMPEL_PDF)
    assert "kunde inte viruskontrolleras" in str(error.value)
    assert not Samtycke.objects.exists()


def test_a_scanner_that_hangs_refuses_the_upload(aktualiserad, samordnare, settings):
    fake = FakeClamd(answer_silence=True)
    settings.CLAMD_ADDRESS = f"tcp://127.0.0.1:{fake.port}"
    settings.CLAMD_TIMEOUT = 0.5
    try:
        with pytest.raises(ValidationError):
            _register(aktualiserad, samordnare, EXEMPEL_PDF)
    finally:
        fake.close()
    assert not Samtycke.objects.exists()


def test_deploy_check_warns_without_a_scanner(settings):
    from samverkan.virusskanning import check_virus_scanning

    settings.CLAMD_ADDRESS = ""
    assert [w.id for w in check_virus_scanning(None)] == ["samverkan.W001"]
    settings.CLAMD_ADDRESS = "unix:///run/clamav/clamd.ctl"
    assert check_virus_scanning(None) == []
