"""The OpenAPI schema (builds without warnings, docs served locally), a remiss driven
end to end from the schema, and the office's pages for API clients."""

import datetime
import re

import jsonschema
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from api.models import ApiKlient, hash_nyckel
from remisser import services as remiss_services
from remisser.models import Remiss
from samverkan.models import AuditEvent
from tests.api.conftest import PDF_B64, Api, openapi, validera


def test_schema_builds_without_warnings(tmp_path):
    # CI: a warning of drf-spectacular or an invalid OpenAPI document fails here.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )
    assert "openapi: 3.1.0" in (tmp_path / "schema.yml").read_text()


def test_schema_and_docs_are_public_and_local(client):
    r = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert r.status_code == 200 and "/api/v1/remisser/" in r.content.decode()
    docs = client.get(reverse("api:docs"))
    html = docs.content.decode()
    assert docs.status_code == 200
    # Every script and stylesheet from this site (sidecar static files), none inline.
    kallor = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert kallor and all(not k.startswith(("http:", "https:", "//")) for k in kallor)
    assert "<script>" not in html and "<style" not in html
    script = next(k for k in kallor if "script" in k)
    assert client.get(script).status_code == 200
    assert "'self'" in docs["Content-Security-Policy"]


def _fyll(egenskaper, varden):
    """A request body built from the schema's properties and our values for them."""
    body = {}
    for namn, definition in egenskaper.items():
        if namn in varden:
            body[namn] = varden[namn]
        elif definition.get("type") == "boolean" and namn.startswith("aktuell_"):
            body[namn] = namn in ("aktuell_af", "aktuell_fk")
    return body


def test_a_remiss_end_to_end_through_the_schema(client, klient_nyckel, samordnare):
    """An agency system reads the schema, finds the insats, sends, polls, and sees the
    team's decision."""
    schema = openapi()
    _klient, token = klient_nyckel
    api = Api(client, token)
    # 1. The insatser that take remisser, from the documented list operation.
    lista = next(
        p
        for p, op in schema["paths"].items()
        if op.get("get", {}).get("operationId") == "insatser_lista"
    )
    insatser = api.get(lista)
    validera(insatser, lista, "get")
    insats = next(i for i in insatser.json()["data"] if i["tar_emot_remisser"])
    # 2. The body from the request schema of remiss_skicka.
    skicka = next(
        p
        for p, op in schema["paths"].items()
        if op.get("post", {}).get("operationId") == "remiss_skicka"
    )
    operation = schema["paths"][skicka]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request_schema = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    varden = {
        "insats": insats["uuid"],
        "fornamn": "Schema",
        "efternamn": "Testsson",
        "personnummer": "198512312383",
        "kon": "man",
        "anledning": "Behöver stöd från flera myndigheter.",
        "skriven_tillsammans": True,
        "samtycke_fil": {"filnamn": "samtycke.pdf", "innehall": PDF_B64},
    }
    body = _fyll(request_schema["properties"], varden)
    assert set(request_schema.get("required", [])) <= set(body)
    jsonschema.validate(
        body,
        {**request_schema, "components": schema["components"]},
        cls=jsonschema.Draft202012Validator,
    )
    header = next(p["name"] for p in operation["parameters"] if p["in"] == "header")
    r = api.post(skicka, body, **{header: "e2e-1"})
    assert r.status_code == 201, r.content
    validera(r, skicka, "post")
    # 3. Poll the status at the link it gave.
    status_url = r.json()["links"]["self"]
    polled = api.get(status_url)
    assert polled.json()["status"] == "inkommen" and polled.json()["beslut"] is None
    # 4. The team accepts through the service, as on its page.
    remiss = Remiss.objects.get(uuid=r.json()["uuid"])
    remiss_services.remiss_anta(actor=samordnare, remiss=remiss)
    # 5. The API shows the decision.
    besked = api.get(status_url)
    validera(besked, next(p for p in schema["paths"] if "{uuid}" in p), "get")
    assert besked.json()["status"] == "antagen"
    assert besked.json()["beslut"]["utfall"] == "antagen"
    assert remiss.insats.inskrivningar.count() == 1


# The office's pages ---------------------------------------------------------------


def _post_ny(client, organisation, **extra):
    data = {
        "organisation": organisation.pk,
        "namn": "Ärendesystem",
        "scopes": ["remisser", "statistik"],
        "giltig_till": (timezone.localdate() + datetime.timedelta(days=90)).isoformat(),
        **extra,
    }
    return client.post(reverse("apiklient:list"), data)


def test_office_creates_a_client_and_sees_the_secret_once(client, forbundsadmin, organisation):
    client.force_login(forbundsadmin)
    r = _post_ny(client, organisation)
    assert r.status_code == 201
    token = re.search(r'value="(sv_[^"]+)"', r.content.decode())[1]
    klient = ApiKlient.objects.get()
    # Stored as its hash only; the list afterwards shows only the first characters.
    assert klient.nyckel_hash == hash_nyckel(token) and token not in str(klient.__dict__)
    lista = client.get(reverse("apiklient:list")).content.decode()
    assert token not in lista and klient.nyckel_borjan in lista
    assert not klient.anvandare.is_active and not klient.anvandare.has_usable_password()
    assert AuditEvent.objects.filter(object_id=str(klient.uuid), action="create").exists()
    # The token works.
    assert Api(client, token).get("/api/v1/insatser/").status_code == 200


@pytest.mark.parametrize(
    ("andring", "falt"),
    [
        ({"namn": ""}, "namn"),
        ({"scopes": []}, "scopes"),
        ({"giltig_till": "2000-01-01"}, "giltig_till"),
        ({"giltig_till": "inte-ett-datum"}, "giltig_till"),
        ({"scopes": ["allt"]}, "scopes"),
    ],
)
def test_bad_input_on_the_office_page(client, forbundsadmin, organisation, andring, falt):
    client.force_login(forbundsadmin)
    r = _post_ny(client, organisation, **andring)
    assert r.status_code == 400
    assert falt in r.context["form"].errors
    assert ApiKlient.objects.count() == 0


def test_revoke_and_other_forbund(client, forbundsadmin, annat_forbund_admin, klient_nyckel):
    klient, token = klient_nyckel
    url = reverse("apiklient:aterkalla", kwargs={"uuid": klient.uuid})
    client.force_login(annat_forbund_admin)
    assert client.post(url).status_code == 404
    assert ApiKlient.objects.get().aterkallad is None
    client.force_login(forbundsadmin)
    assert client.post(url).status_code == 302
    assert ApiKlient.objects.get().aterkallad is not None
    client.logout()
    assert Api(client, token).get("/api/v1/insatser/").status_code == 401


def test_client_list_has_a_query_ceiling(
    client, forbundsadmin, organisation, django_assert_max_num_queries
):
    from tests.api.conftest import skapa_klient

    for _ in range(5):
        skapa_klient(forbundsadmin, organisation)
    client.force_login(forbundsadmin)
    with django_assert_max_num_queries(20):
        r = client.get(reverse("apiklient:list"))
    assert r.status_code == 200 and r.content.decode().count("Ärendesystem") >= 5
