"""Set-up: production settings, the Celery app."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _env_example():
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def _manage(env, *args):
    base = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "DATABASE_URL")}
    base.update(SAMVERKAN_ENV_FILE="", DEBUG="False")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _with_real_secrets(env):
    """The example with every placeholder replaced, as a deployer must."""
    secret = secrets.token_hex(16)
    env = {k: v.replace("change-me", secret) for k, v in env.items()}
    env["SECRET_KEY"] = secrets.token_urlsafe(60)
    env["MFA_ENCRYPTION_KEY"] = secrets.token_urlsafe(60)
    return env


def test_check_deploy_is_silent_with_the_production_variables():
    env = _with_real_secrets(_env_example())
    result = _manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_example_secret_key_is_refused():
    result = _manage(_env_example(), "check")
    assert result.returncode != 0
    assert "exempelvärdet" in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", None),  # the example's change-me
        ("EMAIL_URL", None),
        ("MFA_ENCRYPTION_KEY", None),  # the example's replace-with
        ("DATABASE_URL", "postgres://samverkan:postgres@127.0.0.1:5432/samverkan"),
        ("REDIS_URL", "redis://:redis@127.0.0.1:6379/1"),
        ("OIDC_CLIENT_SECRET", "secret"),
    ],
)
def test_example_and_default_credentials_are_refused_in_production(name, value):
    example = _env_example()
    env = _with_real_secrets(example)
    env[name] = value if value is not None else example[name]
    result = _manage(env, "check")
    assert result.returncode != 0
    assert f"{name} innehåller ett exempel- eller standardlösenord" in result.stderr


def test_mfa_cannot_be_relaxed_in_production():
    env = {"SECRET_KEY": secrets.token_urlsafe(60), "SAMVERKAN_MFA_REQUIRED": "False"}
    result = _manage(env, "check")
    assert result.returncode != 0
    assert "SAMVERKAN_MFA_REQUIRED" in result.stderr


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='samverkan.settings'; "
        "django.setup(); from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    env = {"SECRET_KEY": secrets.token_urlsafe(60), "SQLITE_PATH": str(tmp_path / "x.sqlite3")}
    base = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "DATABASE_URL")}
    base.update(SAMVERKAN_ENV_FILE="", DEBUG="False")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**base, **env}, capture_output=True, text=True
    )
    assert result.stdout.split() == ["wal", "20000"], result.stderr


def test_celery_runs_tasks_in_process_without_a_broker():
    from samverkan.celery import app

    assert settings.CELERY_BROKER_URL == ""
    assert app.conf.task_always_eager is True

    @app.task
    def double(x):
        return 2 * x

    assert double.delay(21).get(timeout=5) == 42


def test_production_cookies_carry_the_host_prefix_and_keys_can_rotate():
    env = _with_real_secrets(_env_example())
    env.update(SECRET_KEY_FALLBACKS="gammal-nyckel-1")
    code = (
        "from django.conf import settings; "
        "print(settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "
        "settings.LANGUAGE_COOKIE_NAME, settings.SECRET_KEY_FALLBACKS)"
    )
    result = _manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert "__Host-sessionid __Host-csrftoken __Host-sprak ['gammal-nyckel-1']" in result.stdout


@pytest.mark.parametrize(
    ("name", "value", "refused"),
    [
        ("DATABASE_URL", "postgres://samverkan:x9fk2@db.intern.example:5432/samverkan", True),
        (
            "DATABASE_URL",
            "postgres://samverkan:x9fk2@db.intern.example:5432/samverkan"
            "?sslmode=verify-full&sslrootcert=/etc/samverkan/ca.pem",
            False,
        ),
        ("DATABASE_URL", "postgres:///samverkan?host=/var/run/postgresql", False),
        ("REDIS_URL", "redis://:x9fk2@cache.intern.example:6379/1", True),
        ("REDIS_URL", "rediss://:x9fk2@cache.intern.example:6379/1", False),
        ("CELERY_BROKER_URL", "redis://:x9fk2@cache.intern.example:6379/0", True),
        ("EMAIL_URL", "smtp://samverkan:x9fk2@smtp.example.org:25", True),
        ("EMAIL_URL", "smtp://127.0.0.1:25", False),
    ],
)
def test_backend_links_to_other_hosts_must_use_tls(name, value, refused):
    env = _with_real_secrets(_env_example())
    env[name] = value
    result = _manage(env, "check")
    assert (result.returncode != 0) == refused, result.stderr[-500:]
    if refused:
        assert name.split("_")[0] in result.stderr or "EMAIL_URL" in result.stderr


def test_secrets_can_be_read_from_files(tmp_path):
    """For systemd credentials (LoadCredentialEncrypted=): NAME_FILE names the file."""
    key = secrets.token_urlsafe(60)
    (tmp_path / "secret_key").write_text(key + "\n")
    env = _with_real_secrets(_env_example())
    del env["SECRET_KEY"]
    env["SECRET_KEY_FILE"] = str(tmp_path / "secret_key")
    code = "from django.conf import settings; print(repr(settings.SECRET_KEY))"
    result = _manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == repr(key)
