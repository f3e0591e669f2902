"""The demo load is quiet: progress and logins only."""

import contextlib
import logging

from django.test.utils import override_settings

from samverkan import audit

# Loggers that would echo every step of the load: the audit trail's copy (a few hundred
# lines), each in-process Celery task, and kombu's note that eager mode has no broker.
TYSTA_LOGGAR = {"celery.app.trace": logging.WARNING, "kombu.connection": logging.ERROR}


@contextlib.contextmanager
def tyst():
    """While the demo loads, the terminal shows its progress and logins only: audit events
    are written to the database as always, just not echoed; the answers to the demo's
    fictitious referrers are not sent (the development mail backend would print them)."""
    loggar = {logging.getLogger(namn): niva for namn, niva in TYSTA_LOGGAR.items()}
    fore = {logger: logger.level for logger in loggar}
    try:
        for logger, niva in loggar.items():
            logger.setLevel(max(niva, logger.getEffectiveLevel()))
        with (
            audit.tyst_kopia(),
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        ):
            yield
    finally:
        for logger, niva in fore.items():
            logger.setLevel(niva)
