"""Generated input to the participant forms: never a 500, never a partial write."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deltagare.models import Deltagare, Inskrivning, Samtycke

TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "0", "-1", "19900101-1239", "2026-13-45", "<script>", "' OR 1=1 --"]),
)
FIELDS = [
    "fornamn", "efternamn", "personnummer", "fodelsedatum", "kon", "folkbokforingskommun",
    "postnummer", "telefon", "epost", "aktualiserad", "informationsmote", "insats",
    "remittent_organisation", "saknar_personnummer", "koppla_till_befintlig",
]  # fmt: skip


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.fixed_dictionaries({}, optional={f: TEXT for f in FIELDS}))
def test_aktualisering_survives_any_input(client, samordnare, data):
    client.force_login(samordnare)
    response = client.post(reverse("deltagare:aktualisering"), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Deltagare.objects.count() == Inskrivning.objects.count() == 0
    else:
        Inskrivning.objects.all().delete()
        Deltagare.objects.all().delete()


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            f: TEXT for f in ["syften", "organisationer", "givet", "giltigt_till", "satt", "vittne"]
        },
    )
)
def test_samtycke_survives_any_input(client, samordnare, aktualiserad, data):
    client.force_login(samordnare)
    before = Samtycke.objects.count()
    response = client.post(reverse("deltagare:samtycke", kwargs={"uuid": aktualiserad.uuid}), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert Samtycke.objects.count() == before


def test_a_plan_holds_at_most_thirty_steps():
    from deltagare.forms.handlingsplan import PlanStegFormSet

    data = {"form-TOTAL_FORMS": "31", "form-INITIAL_FORMS": "0"}
    for n in range(31):
        data |= {f"form-{n}-beskrivning": f"Steg {n}", f"form-{n}-ansvarig": "Deltagaren",
                 f"form-{n}-status": "planerat"}  # fmt: skip
    formset = PlanStegFormSet(data)
    assert not formset.is_valid() and formset.non_form_errors()
