"""The participant list's cached results (deltagare/lista_cache.py): a hit shows what
the database holds, for this user and language only, and the cache never breaks the list."""

import datetime
import os
import re
from pathlib import Path

import pytest
import redis
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from deltagare import lista_cache, services
from deltagare.koder import Steg
from deltagare.models import Deltagare
from samverkan.models import Roll
from tests.conftest import with_totp
from tests.deltagare.conftest import DAG, PERSON
from tests.factories import MedlemskapFactory, UserFactory

LISTA = "/deltagare/lista/"


@pytest.fixture
def cachad(settings):
    settings.SAMVERKAN_DELTAGARLISTA_SEKUNDER = 600


@pytest.fixture
def coordinator(client, samordnare, cachad):
    client.force_login(samordnare)
    client.get(reverse("deltagare:oversikt"))  # the session's once-a-minute write
    return client


def html(client, data=None):
    response = client.get(LISTA, data or {})
    assert response.status_code == 200
    # The CSRF token of the search and logout forms is new on every request.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def test_a_hit_reads_no_enrolment_and_shows_the_same_page(
    coordinator, inskriven, django_assert_num_queries
):
    first = html(coordinator, {"steg": Steg.INSKRIVNING})
    assert "Deltagarsson" in first
    # Session, user, roles, TOTP: what every signed-in page reads; no list query.
    with django_assert_num_queries(4) as ctx:
        second = html(coordinator, {"steg": Steg.INSKRIVNING})
    assert not any("deltagare_inskrivning" in q["sql"] for q in ctx.captured_queries)
    assert second == first


def test_every_write_the_list_shows_replaces_the_entry(
    coordinator, samordnare, insats, kartlagd, django_capture_on_commit_callbacks
):
    assert f"<td>{Steg.KARTLAGGNING.label}</td>" in html(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        services.insatser_paborja(actor=samordnare, inskrivning=kartlagd)
    page = html(coordinator)
    assert f"<td>{Steg.INSATSER.label}</td>" in page

    with django_capture_on_commit_callbacks(execute=True):
        services.deltagare_uppdatera(
            actor=samordnare, deltagare=kartlagd.deltagare, person={"efternamn": "Nyttnamn"}
        )
    assert "Nyttnamn" in html(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        insats.namn = "Omdöpta insatsen"
        insats.save()
    assert "Omdöpta insatsen" in html(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        samordnare.efternamn = "Bytt-Efternamn"
        samordnare.save(update_fields=["efternamn"])
    assert "Bytt-Efternamn" in html(coordinator)

    # Gallring saves the participant with its personal data gone: no one's case.
    with django_capture_on_commit_callbacks(execute=True):
        deltagare = Deltagare.objects.get(pk=kartlagd.deltagare_id)
        deltagare.gallrad = timezone.now()
        deltagare.save()
    assert "Inga deltagare matchar." in html(coordinator)


def test_a_login_does_not_start_a_new_generation(
    coordinator, samordnare, kartlagd, django_capture_on_commit_callbacks
):
    html(coordinator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        samordnare.save(update_fields=["last_login"])
    assert callbacks == []


def test_a_write_rolled_back_leaves_the_entry(coordinator, samordnare, kartlagd):
    html(coordinator)
    # Under the test's transaction no on_commit callback runs: as after a rollback.
    services.insatser_paborja(actor=samordnare, inskrivning=kartlagd)
    assert f"<td>{Steg.KARTLAGGNING.label}</td>" in html(coordinator)


def test_each_user_has_their_own_entry(client, samordnare, kollega, insats, inskriven, cachad):
    client.force_login(samordnare)
    assert "Deltagarsson" in html(client, {"mina": "true"})
    # The colleague is only the second contact person: "mina" is not theirs.
    client.force_login(kollega)
    assert "Deltagarsson" in html(client, {"mina": "true"})
    annan = with_totp(UserFactory(email="annan@a.example"))
    MedlemskapFactory(user=annan, roll=Roll.SAMORDNARE, insats=insats)
    client.force_login(annan)
    assert "Inga deltagare matchar." in html(client, {"mina": "true"})


def test_another_insats_never_gets_the_entry(client, samordnare, inskriven, annan_insats, cachad):
    client.force_login(samordnare)
    assert "Deltagarsson" in html(client)
    utanfor = with_totp(UserFactory(email="utanfor@b.example"))
    MedlemskapFactory(user=utanfor, roll=Roll.SAMORDNARE, insats=annan_insats)
    client.force_login(utanfor)
    assert "Deltagarsson" not in html(client)


def test_a_new_role_changes_the_key(client, samordnare, inskriven, annan_insats, cachad):
    client.force_login(samordnare)
    html(client)
    annan = services.deltagare_aktualisera(
        actor=with_totp(_staff(annan_insats)),
        insats=annan_insats,
        person={**PERSON, "personnummer": "", "fornamn": "Annanstans",
                "fodelsedatum": datetime.date(1970, 1, 1)},
        aktualiserad=DAG,
    )  # fmt: skip
    assert annan.pk
    MedlemskapFactory(user=samordnare, roll=Roll.SAMORDNARE, insats=annan_insats)
    assert "Annanstans" in html(client)


def _staff(insats):
    user = UserFactory(email=f"personal-{insats.pk}@b.example")
    MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
    return user


def test_the_language_is_part_of_the_key(coordinator, inskriven, settings):
    assert "Sida 1 av 1" in html(coordinator)
    coordinator.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Page 1 of 1" in html(coordinator)
    coordinator.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    assert "Sida 1 av 1" in html(coordinator)


def test_the_cache_holds_no_readable_name_or_search_text(coordinator, inskriven):
    location = coordinator.post(reverse("deltagare:sok"), {"q": PERSON["personnummer"]})
    assert "Deltagarsson" in coordinator.get(location["Location"]).content.decode()
    html(coordinator)
    stored = cache._cache  # LocMemCache: key -> pickled value
    assert sum(":deltagarlista:s:" in k for k in stored) == 2
    for key, value in stored.items():
        for secret in ("Deltagarsson", "Testa", PERSON["personnummer"]):
            assert secret not in key and secret.encode() not in value


def test_an_unknown_parameter_is_not_cached(coordinator, inskriven):
    html(coordinator, {"okand": "x" * 50})
    assert not any(":deltagarlista:s:" in k for k in cache._cache)


def test_a_cache_that_does_not_answer_leaves_the_list_working(
    coordinator, inskriven, settings, caplog
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
        }
    }
    assert "Deltagarsson" in html(coordinator)
    assert "Deltagarlistans cache svarar inte" in caplog.text


def _redis_svarar():
    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.skipif(not _redis_svarar(), reason="ingen Redis på 127.0.0.1:6379")
def test_with_redis_a_write_in_one_process_reaches_the_others(
    coordinator, samordnare, kartlagd, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    cache.clear()
    try:
        assert f"<td>{Steg.KARTLAGGNING.label}</td>" in html(coordinator)
        with django_capture_on_commit_callbacks(execute=True):
            services.insatser_paborja(actor=samordnare, inskrivning=kartlagd)
        assert f"<td>{Steg.INSATSER.label}</td>" in html(coordinator)
    finally:
        cache.clear()


def test_a_kept_page_carries_this_sessions_csrf_token(samordnare, inskriven, cachad):
    from django.test import Client

    forsta, andra = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for c in (forsta, andra):
        c.force_login(samordnare)
        c.get(reverse("deltagare:oversikt"))
    forsta.get(LISTA)  # rendered and kept
    svar = andra.get(LISTA)  # a hit, in another session
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', svar.content.decode()))
    assert len(tokens) == 1 and lista_cache.CSRF_MARKOR not in svar.content.decode()
    sok = andra.post(reverse("deltagare:sok"), {"q": "Testa", "csrfmiddlewaretoken": tokens.pop()})
    assert sok.status_code == 302


def test_a_page_with_a_message_is_neither_taken_nor_kept(coordinator, inskriven):
    from django.contrib.messages import constants
    from django.contrib.messages.storage import default_storage

    html(coordinator)  # kept
    # A message waiting in the session, as after a redirect from a form.
    request = RequestFactory().get("/")
    request.session = coordinator.session
    storage = default_storage(request)
    storage.add(constants.SUCCESS, "Sparat och klart.")
    response = HttpResponse()
    storage.update(response)
    request.session.save()
    coordinator.cookies.update(response.cookies)
    assert "Sparat och klart." in html(coordinator)
    assert "Sparat och klart." not in html(coordinator)


def test_a_deploy_that_changes_a_template_changes_the_key(settings):
    base = Path(settings.BASE_DIR) / "templates" / "base.html"
    st = base.stat()
    lista_cache._kodversion.cache_clear()
    fore = lista_cache._kodversion()
    try:
        os.utime(base, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        lista_cache._kodversion.cache_clear()
        assert lista_cache._kodversion() != fore
    finally:
        os.utime(base, ns=(st.st_atime_ns, st.st_mtime_ns))
        lista_cache._kodversion.cache_clear()
