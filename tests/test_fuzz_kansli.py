"""Generated input to the office's and the reports' forms: never a 500, never a
partial write. (The participants' and the remiss forms have their own fuzz tests.)"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapporter.models import Mal, Rapport
from samverkan.models import AuditEvent, Logggranskning

TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["", "0", "-1", "1e9", "19900101-1239", "2026-13-45", "2026-02-29", "2024-02-29",
         "<script>", "' OR 1=1 --", "2026-Q5", "egen", "\x00", "9" * 30]
    ),
)  # fmt: skip
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _fresh_limits():
    # Each example is one person's request, not the next of 40 in a row: the
    # per-user limits (samverkan/begransning.py) start afresh, as between tests.
    from django.core.cache import cache

    cache.clear()


def _data(*falt):
    return st.fixed_dictionaries({}, optional={f: TEXT for f in falt})


@pytest.mark.django_db
@FUZZ
@given(data=_data("fran", "till", "anvandare", "handelse", "deltagare", "sida"))
def test_log_search(client, forbundsadmin, data):
    _fresh_limits()
    client.force_login(forbundsadmin)
    assert client.get("/logg/", data).status_code in (200, 400)
    assert client.get("/logg.csv", data).status_code in (200, 302)


@pytest.mark.django_db
@FUZZ
@given(data=_data("forbund", "granskad", "period_fran", "period_till", "urval", "fynd", "atgarder"))
def test_log_review(client, forbundsadmin, data):
    client.force_login(forbundsadmin)
    before = Logggranskning.objects.count()
    response = client.post("/logg/granskningar/", data)
    assert response.status_code in (302, 400)
    assert Logggranskning.objects.count() == before + (response.status_code == 302)


@pytest.mark.django_db
@FUZZ
@given(data=_data("forbund", "personnummer"))
def test_register_extract(client, forbundsadmin, data):
    _fresh_limits()
    client.force_login(forbundsadmin)
    before = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count()
    response = client.post("/deltagare/registerutdrag/", data)
    assert response.status_code == 400  # no participant in this förbund has any number
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count() == before


@pytest.mark.django_db
@FUZZ
@given(data=_data("period", "insats", "fran", "till", "exakt", "forbund"))
def test_statistics_filters(client, forbundsadmin, insats, data):
    _fresh_limits()
    client.force_login(forbundsadmin)
    # An unknown förbund is a 404, as for any object out of reach.
    assert client.get("/rapporter/statistik/", data).status_code in (200, 400, 404)
    assert client.get("/rapporter/statistik/oversikt.csv", data).status_code in (200, 404)


@pytest.mark.django_db
@FUZZ
@given(data=_data("typ", "malvarde", "dagar", "aktivitetstyp", "beskrivning"))
def test_goal_form(client, forbundsadmin, insats, data):
    client.force_login(forbundsadmin)
    before = Mal.objects.count()
    response = client.post(f"/rapporter/insatser/{insats.uuid}/mal/nytt/", data)
    assert response.status_code in (302, 400)
    assert Mal.objects.count() == before + (response.status_code == 302)


@pytest.mark.django_db
@FUZZ
@given(data=_data("period", "insats", "typ"))
def test_new_report_form(client, forbundsadmin, insats, data):
    client.force_login(forbundsadmin)
    before = Rapport.objects.count()
    response = client.post("/rapporter/ny/", data)
    assert response.status_code in (302, 400)
    assert Rapport.objects.count() == before + (response.status_code == 302)
