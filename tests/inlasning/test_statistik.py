"""Imported history counts in every statistic exactly as if it had been typed.

The same rows go in twice: through the import into förbund A, and through the
deltagare services (aktualisera, samtycke, skriv in, avsluta) into förbund B, an
insats and organisations of the same names. Every table of every period must
then be the same.
"""

import datetime

import pytest

from deltagare import services as deltagare_services
from deltagare.koder import Syfte
from deltagare.models import Deltagare
from inlasning.provkorning.validering import provkor
from inlasning.services import uppladdning
from rapporter.period import Period
from rapporter.sammanstallning import sammanstall
from rapporter.selectors.finsam import finsam
from samverkan.models import Roll
from tests.conftest import with_totp
from tests.deltagare.conftest import ge_samtycke
from tests.factories import InsatsFactory, MedlemskapFactory, OrganisationFactory, UserFactory
from tests.inlasning.conftest import fil
from tests.inlasning.hjalp import exempelrader, xlsx

ORGANISATIONER = ["Kommun A", "Arbetsförmedlingen"]


def _figurer(forbund):
    perioder = [Period.fran_kod(k) for k in ("2023", "2024", "2025", "2024-Q2", "2025-H2")]
    resultat = {}
    for p in perioder:
        for t in sammanstall(forbund=forbund, period=p, exakt=True).alla_tabeller():
            # By label: a row's key may be an organisation's uuid, which differs.
            resultat[(p.kod, t.nyckel)] = [
                (r.etikett, sorted(r.varden.items(), key=str)) for r in t.alla_rader()
            ]
    for ar in (2023, 2024, 2025):
        for t in finsam(forbund=forbund, ar=ar):
            resultat[("finsam", ar, t.nyckel)] = [
                (r.etikett, sorted(r.varden.items(), key=str)) for r in t.rader
            ]
    return resultat


def _skriv_in_via_tjansterna(forbund, data):
    """The same rows typed through the services, in file order."""
    insats = InsatsFactory(forbund=forbund, namn="Insats A", startdatum=datetime.date(2020, 1, 1))
    org = {namn: OrganisationFactory(forbund=forbund, namn=namn) for namn in ORGANISATIONER}
    personal = []
    for email in ("kp1@b.example", "kp2@b.example"):
        user = UserFactory(email=email)
        MedlemskapFactory(user=user, roll=Roll.SAMORDNARE, insats=insats)
        personal.append(with_totp(user))
    kp, kp2 = personal
    resultat = provkor(forbund=forbund, data=data)
    assert resultat.fel == []
    org_per_pk = {o.pk: o for o in org.values()}
    for p in resultat.rader:
        befintlig = Deltagare.objects.filter(
            forbund=forbund, personnummer=p.person["personnummer"]
        ).exists()
        ins = deltagare_services.deltagare_aktualisera(
            actor=kp,
            insats=insats,
            person=dict(p.person),
            aktualiserad=p.aktualiserad,
            remittent_organisation=org_per_pk.get(p.remittent_id),
            koppla_till_befintlig=befintlig,
        )
        ge_samtycke(
            kp, ins, [], syften={Syfte.REGISTRERING, Syfte.INFORMATIONSUTBYTE}, givet=p.aktualiserad
        )
        ins = deltagare_services.inskrivning_skriv_in(
            actor=kp,
            inskrivning=ins,
            datum=p.inskrivningsdatum,
            kontaktperson=kp,
            kontaktperson2=kp2,
            sus=dict(p.sus_start.data),
            forsorjning=list(p.sus_start.forsorjning),
            undantag_skal="Historik från tidigare system.",
        )
        if p.avslut:
            deltagare_services.inskrivning_avsluta(
                actor=kp,
                inskrivning=ins,
                avslut=dict(p.avslut),
                sus=dict(p.sus_avslut.data) if p.sus_avslut else None,
                forsorjning=list(p.sus_avslut.forsorjning) if p.sus_avslut else None,
            )


@pytest.mark.django_db
def test_imported_figures_equal_typed_figures(
    forbund, annat_forbund, forbundsadmin, django_capture_on_commit_callbacks
):
    insats = InsatsFactory(forbund=forbund, namn="Insats A", startdatum=datetime.date(2020, 1, 1))
    for namn in ORGANISATIONER:
        OrganisationFactory(forbund=forbund, namn=namn)
    data = xlsx(exempelrader(60, [insats.namn], ORGANISATIONER, seed=7))

    inlasning = uppladdning.inlasning_ladda_upp(
        actor=forbundsadmin, forbund=forbund, upload=fil(data)
    )
    assert inlasning.antal_fel == 0, inlasning.provkorning["fel"][:5]
    with django_capture_on_commit_callbacks(execute=True):
        uppladdning.inlasning_starta(actor=forbundsadmin, inlasning=inlasning)
    inlasning.refresh_from_db()
    assert inlasning.status == "klar" and inlasning.antal_nya == 60

    _skriv_in_via_tjansterna(annat_forbund, data)

    importerade, inskrivna = _figurer(forbund), _figurer(annat_forbund)
    assert importerade.keys() == inskrivna.keys()
    for nyckel in importerade:
        assert importerade[nyckel] == inskrivna[nyckel], nyckel
    # Not a comparison of two empty reports.
    oversikt = dict(importerade[("2024", "oversikt")])
    assert oversikt
    assert any(v for rad in oversikt.values() for _k, v in rad if isinstance(v, int) and v > 5)
