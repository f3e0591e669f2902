"""Generated input to the remiss form: never a 500, the draft never lost."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from remisser.models import Remiss, Status

TEXT = st.one_of(
    st.text(max_size=50),
    st.sampled_from(["", "19900101-1239", "900101+1239", "9001011239", "0", "on", "<b>"]),
)
FIELDS = [
    "fornamn",
    "efternamn",
    "personnummer",
    "fodelsedatum",
    "kon",
    "epost",
    "anledning",
    "aktuell_af",
    "skriven_tillsammans",
    "atgard",
    "skicka_anda",
]


@pytest.mark.django_db
@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.fixed_dictionaries({}, optional={f: TEXT for f in FIELDS}))
def test_remiss_form_survives_any_input(client, handlaggare, insats, data):
    client.force_login(handlaggare)
    client.post(reverse("remisser:remiss-create"), {"insats": insats.pk})
    remiss = Remiss.objects.latest("id")
    response = client.post(reverse("remisser:remiss-update", kwargs={"uuid": remiss.uuid}), data)
    assert response.status_code in (200, 302)
    remiss.refresh_from_db()
    assert remiss.status == Status.UTKAST  # never sent without a consent file
