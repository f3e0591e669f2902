"""API clients and a client that calls the API with a bearer token."""

import base64
import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from api.services import api_klient_skapa
from deltagare.uploads import EXEMPEL_PDF
from tests.factories import OrganisationFactory

PDF_B64 = base64.b64encode(EXEMPEL_PDF).decode()

# A valid remiss as an agency system posts it (invented person, valid Luhn).
REMISS = {
    "fornamn": "Api",
    "efternamn": "Remissdotter",
    "personnummer": "199001011239",
    "kon": "kvinna",
    "anledning": "Behöver samordnat stöd mot arbete.",
    "aktuell_af": True,
    "aktuell_socialtjanst": True,
    "skriven_tillsammans": True,
    "samtycke_fil": {"filnamn": "samtycke.pdf", "innehall": PDF_B64},
}


def skapa_klient(admin, organisation, scopes=("remisser", "statistik", "finsam"), dagar=30):
    return api_klient_skapa(
        actor=admin,
        organisation=organisation,
        namn="Ärendesystem",
        scopes=list(scopes),
        giltig_till=timezone.localdate() + datetime.timedelta(days=dagar),
    )


@pytest.fixture
def klient_nyckel(forbundsadmin, organisation):
    return skapa_klient(forbundsadmin, organisation)


@pytest.fixture
def klient(klient_nyckel):
    return klient_nyckel[0]


class Api:
    """Django's test client with the token in Authorization."""

    def __init__(self, client, token):
        self.client = client
        self.token = token

    def _h(self, extra):
        h = {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}
        return {**h, **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in extra.items()}}

    def get(self, path, params=None, **headers):
        return self.client.get(path, params or {}, **self._h(headers))

    def post(self, path, data, **headers):
        body = data if isinstance(data, str | bytes) else json.dumps(data)
        return self.client.post(path, body, content_type="application/json", **self._h(headers))


@pytest.fixture
def api(client, klient_nyckel):
    return Api(client, klient_nyckel[1])


@pytest.fixture
def skicka_url():
    return reverse("api:remiss-create")


@pytest.fixture
def remissdata(insats):
    return {**REMISS, "insats": str(insats.uuid)}


@pytest.fixture
def annan_organisation(forbund):
    return OrganisationFactory(forbund=forbund, namn="Region A")


_SCHEMA = {}


def openapi():
    if "s" not in _SCHEMA:
        _SCHEMA["s"] = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(json.dumps(_SCHEMA["s"], default=str))


def validera(response, path, method):
    """The response's body matches the schema for its path, method, status and type."""
    import jsonschema

    schema = openapi()
    operation = schema["paths"][path][method.lower()]
    svar = operation["responses"][str(response.status_code)]
    typ = response["Content-Type"].split(";")[0]
    assert typ in svar["content"], f"{typ} not documented for {response.status_code}"
    delschema = {**svar["content"][typ]["schema"], "components": schema["components"]}
    jsonschema.validate(response.json(), delschema, cls=jsonschema.Draft202012Validator)
