"""The API against the real database: submission, idempotency, scopes, credentials,
problem details, rate limit, audit, paging, statistics and schema conformance."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from api.models import ApiKlient, Idempotens
from api.services import api_klient_aterkalla
from remisser import services as remiss_services
from remisser.models import Remiss, Status
from samverkan.models import AuditEvent
from tests.api.conftest import REMISS, Api, skapa_klient, validera
from tests.remisser.test_services import DATA, fil

P = "/api/v1"


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail", "instance"}
    assert body["status"] == status
    return body


def pekare(body):
    return {e["pointer"] for e in body.get("errors", [])}


def test_submission_sends_a_remiss_as_the_form_does(api, skicka_url, remissdata, klient, insats):
    r = api.post(skicka_url, remissdata, idempotency_key="k-1")
    assert r.status_code == 201, r.content
    validera(r, f"{P}/remisser/", "post")
    body = r.json()
    remiss = Remiss.objects.get(uuid=body["uuid"])
    assert remiss.status == Status.INKOMMEN and body["status"] == "inkommen"
    assert remiss.organisation == klient.organisation and remiss.insats == insats
    assert remiss.handlaggare == klient.anvandare
    assert remiss.samtycke_fil_typ == "application/pdf"
    assert r["Location"] == body["links"]["self"]
    # No personal data in the answer.
    assert "199001011239" not in r.content.decode() and "Remissdotter" not in r.content.decode()
    # The call is one audit event with the client's account as actor, beside the services'.
    api_event = AuditEvent.objects.get(detail__api_klient=klient.pk)
    assert api_event.actor == klient.anvandare and api_event.object_id == str(remiss.uuid)
    assert api_event.forbund_id == insats.forbund_id


def test_retry_with_the_same_key_and_body_creates_nothing(api, skicka_url, remissdata):
    first = api.post(skicka_url, remissdata, idempotency_key="samma")
    again = api.post(skicka_url, remissdata, idempotency_key="samma")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Remiss.objects.count() == 1 and Idempotens.objects.count() == 1


def test_same_key_with_another_body_is_a_422_problem(api, skicka_url, remissdata):
    api.post(skicka_url, remissdata, idempotency_key="samma")
    r = api.post(skicka_url, {**remissdata, "egna_mal": "Annat"}, idempotency_key="samma")
    body = problem(r, 422)
    assert body["type"].endswith("idempotens-konflikt")
    validera(r, f"{P}/remisser/", "post")
    assert Remiss.objects.count() == 1


def test_a_key_is_required(api, skicka_url, remissdata):
    body = problem(api.post(skicka_url, remissdata), 400)
    assert Remiss.objects.count() == 0 and body["errors"]


@pytest.mark.parametrize(
    ("andring", "falt"),
    [
        ({"personnummer": "199001011234"}, "/personnummer"),  # wrong check digit
        ({"samtycke_fil": None}, "/samtycke_fil"),
        ({"samtycke_fil": {"innehall": "aGVq"}}, "/samtycke_fil"),  # "hej": not a PDF
        ({"samtycke_fil": {"innehall": "inte base64!"}}, "/samtycke_fil/innehall"),
        ({"fornamn": ""}, "/fornamn"),
        ({"skriven_tillsammans": False}, "/skriven_tillsammans"),
        ({"aktuell_af": "kanske"}, "/aktuell_af"),
        ({"insats": "00000000-0000-4000-8000-000000000000"}, "/insats"),
        ({"kon": "okand-kod"}, "/kon"),
    ],
)
def test_bad_input_is_a_400_problem_per_field_and_nothing_is_saved(
    api, skicka_url, remissdata, andring, falt
):
    data = {**remissdata, **andring}
    data = {k: v for k, v in data.items() if v is not None}
    r = api.post(skicka_url, data, idempotency_key="k")
    body = problem(r, 400)
    assert falt in pekare(body), body
    validera(r, f"{P}/remisser/", "post")
    assert Remiss.objects.count() == 0 and Idempotens.objects.count() == 0


def test_malformed_json_is_a_problem(api, skicka_url):
    problem(api.post(skicka_url, "{inte json", idempotency_key="k"), 400)


def test_a_body_over_the_limit_is_refused_unread(api, skicka_url):
    stor = '{"x": "' + "A" * (14 * 1024 * 1024) + '"}'
    r = api.post(skicka_url, stor, idempotency_key="k")
    assert problem(r, 413)["type"].endswith("for-stor")
    validera(r, f"{P}/remisser/", "post")


def test_duplicate_is_a_409_unless_sent_anyway(api, skicka_url, remissdata):
    assert api.post(skicka_url, remissdata, idempotency_key="a").status_code == 201
    r = api.post(skicka_url, remissdata, idempotency_key="b")
    assert problem(r, 409)["type"].endswith("dubblett")
    assert Remiss.objects.count() == 1
    ok = api.post(skicka_url, {**remissdata, "skicka_anda": True}, idempotency_key="c")
    assert ok.status_code == 201 and Remiss.objects.count() == 2


def test_status_and_decision(
    api, skicka_url, remissdata, samordnare, handlaggare, insats, django_capture_on_commit_callbacks
):
    uuid = api.post(skicka_url, remissdata, idempotency_key="k").json()["uuid"]
    remiss = Remiss.objects.get(uuid=uuid)
    with django_capture_on_commit_callbacks(execute=True):
        remiss_services.remiss_avboj(actor=samordnare, remiss=remiss, orsak="kapacitet")
    r = api.get(f"{P}/remisser/{uuid}/")
    assert r.status_code == 200
    validera(r, f"{P}/remisser/{{uuid}}/", "get")
    assert r.json()["status"] == "avbojd"
    assert r.json()["beslut"]["skal"] == "kapacitet"
    assert not mail.outbox  # the system polls; its account gets no mail
    # A person's remiss still gets its mail (the same path, the same task).
    egen = remiss_services.remiss_skicka(
        actor=handlaggare,
        remiss=remiss_services.remiss_spara_utkast(
            actor=handlaggare,
            insats=insats,
            data={**DATA, "personnummer": "198512312383"},
            fil=fil(),
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        remiss_services.remiss_avboj(actor=samordnare, remiss=egen, orsak="kapacitet")
    assert [m.to for m in mail.outbox] == [[handlaggare.email]]


def test_another_organisations_remiss_is_404_and_audited(
    api, handlaggare, insats, annan_organisation, forbundsadmin, client
):
    # The handläggare's remiss is Kommun A's; a client of Region A must not see it.
    remiss = remiss_services.remiss_skicka(
        actor=handlaggare,
        remiss=remiss_services.remiss_spara_utkast(
            actor=handlaggare, insats=insats, data=dict(DATA), fil=fil()
        ),
    )
    region, token = skapa_klient(forbundsadmin, annan_organisation)
    andra = Api(client, token)
    real = andra.get(f"{P}/remisser/{remiss.uuid}/")
    missing = andra.get(f"{P}/remisser/00000000-0000-4000-8000-000000000000/")
    assert problem(real, 404) | {"instance": ""} == problem(missing, 404) | {"instance": ""}
    nekad = AuditEvent.objects.get(action="access_denied")
    assert nekad.actor == region.anvandare and nekad.object_id == str(remiss.uuid)
    # Kommun A's own client sees it.
    assert api.get(f"{P}/remisser/{remiss.uuid}/").status_code == 200


def test_another_forbunds_client_sees_nothing(
    api, skicka_url, remissdata, annat_forbund, annat_forbund_admin, client
):
    uuid = api.post(skicka_url, remissdata, idempotency_key="k").json()["uuid"]
    from tests.factories import OrganisationFactory

    _k, token = skapa_klient(annat_forbund_admin, OrganisationFactory(forbund=annat_forbund))
    b = Api(client, token)
    problem(b.get(f"{P}/remisser/{uuid}/"), 404)
    # Nor can it send to A's insats.
    r = b.post(skicka_url, remissdata, idempotency_key="k")
    assert "/insats" in pekare(problem(r, 400))
    assert [i["namn"] for i in b.get(f"{P}/insatser/").json()["data"]] == ["Insats B"]


def test_scope_is_required(client, forbundsadmin, organisation, skicka_url, remissdata):
    _k, token = skapa_klient(forbundsadmin, organisation, scopes=["finsam"])
    a = Api(client, token)
    assert problem(a.post(skicka_url, remissdata, idempotency_key="k"), 403)
    assert problem(a.get(f"{P}/statistik/", {"period": "2026"}), 403)
    assert a.get(f"{P}/finsam/", {"ar": "2026"}).status_code == 200


@pytest.mark.parametrize("fall", ["ingen", "fel", "aterkallad", "utgangen", "schema"])
def test_bad_credentials_are_a_401_problem(client, forbundsadmin, klient_nyckel, fall):
    klient, token = klient_nyckel
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if fall == "ingen":
        headers = {}
    elif fall == "fel":
        headers = {"HTTP_AUTHORIZATION": "Bearer sv_" + "x" * 43}
    elif fall == "schema":
        headers = {"HTTP_AUTHORIZATION": f"Basic {token}"}
    elif fall == "aterkallad":
        api_klient_aterkalla(actor=forbundsadmin, klient=klient)
    elif fall == "utgangen":
        ApiKlient.objects.filter(pk=klient.pk).update(
            giltig_till=timezone.now() - datetime.timedelta(seconds=1)
        )
    r = client.get(f"{P}/insatser/", **headers)
    problem(r, 401)
    assert r["WWW-Authenticate"].startswith("Bearer")
    validera(r, f"{P}/insatser/", "get")


def test_a_browser_session_is_no_credential(client, forbundsadmin):
    client.force_login(forbundsadmin)
    problem(client.get(f"{P}/insatser/"), 401)


def test_rate_limit_is_a_429_problem_audited_once(api, klient, settings):
    settings.SAMVERKAN_API_GRANS = "3/m"
    for _ in range(3):
        assert api.get(f"{P}/insatser/").status_code == 200
    r = api.get(f"{P}/insatser/")
    problem(r, 429)
    assert int(r["Retry-After"]) >= 1
    validera(r, f"{P}/insatser/", "get")
    problem(api.get(f"{P}/insatser/"), 429)
    assert (
        AuditEvent.objects.filter(action="access_denied", object_type="hastighetsgrans").count()
        == 1
    )


def test_every_call_is_audited_and_last_use_recorded(api, klient):
    api.get(f"{P}/insatser/")
    api.get(f"{P}/finsam/", {"ar": "2025"})
    api.get(f"{P}/statistik/", {"period": "2025-Q4"})
    typer = list(
        AuditEvent.objects.filter(detail__api_klient=klient.pk)
        .order_by("id")
        .values_list("object_type", flat=True)
    )
    assert typer == ["api.insatser", "api.finsam", "api.statistik"]
    klient.refresh_from_db()
    assert klient.senast_anvand is not None


def test_insatser_are_paged_with_links(api, insats, forbund, django_assert_max_num_queries):
    from tests.factories import InsatsFactory

    InsatsFactory.create_batch(4, forbund=forbund)
    with django_assert_max_num_queries(8):
        r = api.get(f"{P}/insatser/", {"page_size": "2"})
    validera(r, f"{P}/insatser/", "get")
    body = r.json()
    assert body["meta"] == {"total": 5, "page": 1, "page_size": 2}
    assert body["links"]["prev"] is None and "page=2" in body["links"]["next"]
    assert "page=3" in body["links"]["last"] and 'rel="next"' in r["Link"]
    last = api.get(body["links"]["last"])
    assert len(last.json()["data"]) == 1 and last.json()["links"]["next"] is None
    problem(api.get(f"{P}/insatser/", {"page": "9"}), 404)


def test_statistics_carry_the_boards_suppression(api, inskriven, insats):
    period = f"{inskriven.inskrivningsdatum.year}"
    r = api.get(f"{P}/statistik/", {"period": period, "insats": str(insats.uuid)})
    assert r.status_code == 200, r.content
    validera(r, f"{P}/statistik/", "get")
    body = r.json()
    grans = body["smacellsgrans"]
    oversikt = next(t for t in body["tabeller"] if t["nyckel"] == "oversikt")
    aktiva = next(rad for rad in oversikt["rader"] if rad["nyckel"] == "aktiva")
    # One participant: below the threshold, so hidden, never shown as 1.
    assert aktiva["varden"]["totalt"] is None and aktiva["dolda"]["totalt"] == f"<{grans}"
    for tabell in body["tabeller"]:
        kolumner = {k["nyckel"]: k["typ"] for k in tabell["kolumner"]}
        for rad in tabell["rader"]:
            for nyckel, varde in rad["varden"].items():
                if kolumner.get(nyckel) == "antal" and isinstance(varde, int):
                    assert varde == 0 or varde >= grans, (tabell["nyckel"], rad["nyckel"])


def test_statistics_give_a_hidden_kon_cell_its_interval(api, insats):
    from tests.rapporter.test_rapport import inskriv

    # Q4 2025: 7 women, 6 men and one "annat" active. The "annat" is "<5" and the men go
    # with it, but the shown figures already say they are 14 − 7 − "<5": 3 to 6.
    for n in range(7):
        inskriv(insats, kon="kvinna", start=datetime.date(2025, 9, 1), namn=f"K{n}")
    for n in range(6):
        inskriv(insats, kon="man", start=datetime.date(2025, 8, 1), namn=f"M{n}")
    inskriv(insats, kon="annat", start=datetime.date(2025, 10, 3), namn="A")
    r = api.get(f"{P}/statistik/", {"period": "2025-Q4"})
    assert r.status_code == 200, r.content
    validera(r, f"{P}/statistik/", "get")
    oversikt = next(t for t in r.json()["tabeller"] if t["nyckel"] == "oversikt")
    aktiva = next(rad for rad in oversikt["rader"] if rad["nyckel"] == "aktiva")
    assert aktiva["varden"] == {"kvinna": 7, "man": None, "annat": None, "totalt": 14}
    # The marks as before; the interval beside them.
    assert aktiva["dolda"] == {"man": "..", "annat": "<5"}
    assert aktiva["spann"] == {"man": {"min": 3, "max": 6}}


def test_statistics_bad_input(api):
    assert "/period" in pekare(problem(api.get(f"{P}/statistik/", {"period": "x"}), 400))
    r = api.get(f"{P}/statistik/", {"period": "2026", "insats": "inte-ett-uuid"})
    assert "/insats" in pekare(problem(r, 400))
    assert "/ar" in pekare(problem(api.get(f"{P}/finsam/", {"ar": "1999"}), 400))


def test_finsam_is_suppressed(api, inskriven):
    r = api.get(f"{P}/finsam/", {"ar": str(inskriven.inskrivningsdatum.year)})
    validera(r, f"{P}/finsam/", "get")
    individ = next(t for t in r.json()["tabeller"] if t["nyckel"] == "finsam_individ")
    assert individ["rader"][0]["varden"]["totalt"] is None


def test_unknown_paths_and_methods_are_problems(api):
    problem(api.get(f"{P}/finns-inte/"), 404)
    problem(api.get(f"{P}/remisser/inte-ett-uuid/"), 404)
    problem(api.get(f"{P}/remisser/"), 405)


def test_no_personal_data_in_any_url(api, skicka_url, remissdata):
    body = api.post(skicka_url, remissdata, idempotency_key="k").json()
    assert REMISS["personnummer"] not in body["links"]["self"]


def test_statistics_have_their_own_tighter_limit(api, settings):
    settings.SAMVERKAN_API_GRANS_STATISTIK = "1/m"
    assert api.get(f"{P}/finsam/", {"ar": "2025"}).status_code == 200
    assert problem(api.get(f"{P}/statistik/", {"period": "2025"}), 429)
    assert api.get(f"{P}/insatser/").status_code == 200
