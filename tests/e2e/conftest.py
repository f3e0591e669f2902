"""Browser tests: a real server (gunicorn, production settings) on a fresh database,
driven by Debian's Chromium through Playwright, with axe on every page visited."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


SERVER_LOG = {}


def latest_login_code(email, timeout=10.0):
    """The newest login code mailed to `email`: in development mail goes to the server log."""
    import re

    deadline = time.monotonic() + timeout
    while True:
        text = SERVER_LOG["path"].read_text(errors="replace")
        blocks = [b for b in text.split("-" * 79) if f"To: {email}" in b]
        match = re.search(r"\n\n(\S{4,12})\n\n", blocks[-1]) if blocks else None
        if match:
            return match.group(1)
        if time.monotonic() > deadline:
            raise AssertionError(f"No login code mailed to {email}")
        time.sleep(0.2)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Database:
    """A database of its own for the server: a fresh PostgreSQL database when the
    tests run against PostgreSQL, otherwise a fresh SQLite file."""

    def __init__(self):
        self.url = os.environ.get("DATABASE_URL", "")
        self.pg_name = None
        self.tmpdir = None

    def __enter__(self):
        if self.url.startswith(("postgres://", "postgresql://")):
            import psycopg

            base, _, _name = self.url.rpartition("/")
            self.pg_name = f"samverkan_e2e_{uuid.uuid4().hex[:8]}"
            self._admin_url = f"{base}/postgres"
            with psycopg.connect(self._admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.pg_name}"')
            return f"{base}/{self.pg_name}"
        self.tmpdir = tempfile.mkdtemp(prefix="samverkan-e2e-")
        return f"sqlite:///{self.tmpdir}/e2e.sqlite3"

    def __exit__(self, *exc):
        if self.pg_name:
            import psycopg

            with psycopg.connect(self._admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
        if self.tmpdir:
            shutil.rmtree(self.tmpdir, ignore_errors=True)


def _wait_until_up(base_url, log_path):
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return base_url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The server did not start; see {log_path}")


@pytest.fixture(scope="session")
def live_app():
    """Base URL of the app running under gunicorn with the demo data loaded."""
    with _Database() as database_url:
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if k != "PYTEST_VERSION"}
        env.update(
            SAMVERKAN_ENV_FILE="",
            DEBUG="False",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=database_url,
            SAMVERKAN_MFA_REQUIRED="True",
            HTTPS="False",
            CELERY_BROKER_URL="",
            PYTHONUNBUFFERED="1",
            EMAIL_URL="consolemail://",
            SAMVERKAN_DEMO="True",  # production settings, but a demo server
        )
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
        subprocess.run([*manage, "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
        log_path = Path(tempfile.gettempdir()) / f"samverkan-e2e-{port}.log"
        SERVER_LOG["path"] = log_path
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [
                    sys.executable, "-m", "gunicorn", "samverkan.wsgi:application",
                    "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
                    "--timeout", "60",
                ],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            try:
                yield _wait_until_up(f"http://127.0.0.1:{port}", log_path)
            finally:
                server.terminate()
                server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium (make test does it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_app):
    context = browser.new_context(base_url=live_app, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


_axe = Axe()
_totp_secrets = {}
_totp_senast = {}  # email: the time step of the code last used


def totp_code(secret, email=None):
    """The current code. allauth refuses a code used once already, so a second login
    of the same user within one 30-second step waits for the next step."""
    from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time

    steg = next(iter(yield_hotp_counters_from_time()))
    while email is not None and _totp_senast.get(email) == steg:
        time.sleep(1)
        steg = next(iter(yield_hotp_counters_from_time()))
    if email is not None:
        _totp_senast[email] = steg
    return f"{hotp_value(secret, steg):06d}"


@pytest.fixture
def logga_in(axe_check):
    """Log a demo user in, setting up TOTP the first time (each user once per server)."""

    def login(page, email, password):
        import re

        page.goto("/konto/login/")
        page.get_by_label("E-postadress").fill(email)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_load_state()
        if "/konto/reauthenticate/" in page.url:
            axe_check(page)
            page.get_by_label("Lösenord").fill(password)
            page.get_by_role("button", name="Verifiera").click()
            page.wait_for_url(re.compile(r"/konto/2fa/totp/activate/"))
            axe_check(page)
            secret = page.locator("#authenticator_secret").input_value()
            _totp_secrets[email] = secret
            page.get_by_label("Autentiseringskod").fill(totp_code(secret, email))
            page.get_by_role("button", name="Aktivera").click()
            page.wait_for_url(re.compile(r"/konto/2fa/recovery-codes/"))
            axe_check(page)
            page.goto("/")
        elif "/konto/2fa/authenticate/" in page.url:
            page.get_by_label("Kod").fill(totp_code(_totp_secrets[email], email))
            page.get_by_role("button", name=re.compile("Logga in|Verifiera")).click()
            page.wait_for_load_state()

    return login


@pytest.fixture
def axe_check():
    """Run axe on the current page; fail on any WCAG 2.1 A/AA violation."""
    checked = []

    def check(page):
        results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        checked.append(page.url)
        assert results.violations_count == 0, (
            f"axe found WCAG violations on {page.url}:\n{results.generate_report()}"
        )
        _reflow(page)

    check.pages = checked
    return check


# Reflow (WCAG 1.4.10): at 320 CSS px, which is 1280 px at 400 % zoom, the page needs
# no sideways scrolling; wide tables may scroll inside their own focusable box.
REFLOW_JS = """() => {
  const sidled = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-responsive')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > window.innerWidth + 1) {
      const klass = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
      const namn = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
      sidled.push(namn + (klass ? '.' + klass : ''));
    }
  }
  return {bredd: document.documentElement.scrollWidth, fonster: window.innerWidth,
          sidled: sidled.slice(0, 8)};
}"""


def _reflow(page):
    storlek = page.viewport_size
    try:
        # 400 % and 200 % zoom of a 1280 px window, and a small phone (the 360 px).
        for bredd in (320, 360, 640):
            page.set_viewport_size({"width": bredd, "height": 800})
            r = page.evaluate(REFLOW_JS)
            assert r["bredd"] <= r["fonster"] + 1 and not r["sidled"], (
                f"{page.url} scrolls sideways at {bredd} px: {r}"
            )
    finally:
        page.set_viewport_size(storlek)
