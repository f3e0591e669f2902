"""The office's pages and services for goals and economy: who may, what is
saved, Swedish errors at the field, all-or-nothing saving, and the audit rows."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from rapporter.forms.ekonomi import KronorField
from rapporter.models import Budgetpost, Ekonomi, Kostnad, Kostnadstyp, Mal
from rapporter.services import ekonomi as ekonomi_services
from rapporter.services import mal as mal_services
from samverkan.models import AuditEvent
from tests.factories import InsatsFactory

# -- services ------------------------------------------------------------------------------


def test_mal_services_write_audit_rows(forbundsadmin, insats):
    mal = mal_services.mal_skapa(
        actor=forbundsadmin,
        insats=insats,
        data={"typ": "handlingsplan", "malvarde": 80, "dagar": 180, "aktivitetstyp": "studier"},
    )
    assert mal.aktivitetstyp == ""  # belongs to activity goals only: cleared
    mal_services.mal_uppdatera(actor=forbundsadmin, mal=mal, data={"malvarde": 90})
    mal_services.mal_uppdatera(actor=forbundsadmin, mal=mal, data={"malvarde": 90})  # no change
    mal_services.mal_ta_bort(actor=forbundsadmin, mal=mal)

    assert not Mal.objects.exists()
    events = list(AuditEvent.objects.filter(object_type="rapporter.mal").order_by("pk"))
    assert [e.action for e in events] == ["create", "change", "delete"]
    assert all(e.actor == forbundsadmin and e.forbund_id == insats.forbund_id for e in events)
    assert all(e.object_id == str(mal.pk) for e in events)
    assert events[1].detail["falt"] == ["malvarde"]


@pytest.mark.parametrize("role", ["samordnare", "styrelse", "handlaggare", "annat_forbund_admin"])
def test_only_the_office_may_write(role, request, insats):
    actor = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        mal_services.mal_skapa(
            actor=actor, insats=insats, data={"typ": "nasta_steg", "malvarde": 80}
        )
    with pytest.raises(PermissionDenied):
        ekonomi_services.ekonomi_spara(
            actor=actor, insats=insats, ar=2025, beviljat=1, budget={}, prognos={}, kostnader={}
        )
    assert not Mal.objects.exists() and not Ekonomi.objects.exists()


def test_superuser_may_write(superuser, insats):
    mal_services.mal_skapa(
        actor=superuser, insats=insats, data={"typ": "nasta_steg", "malvarde": 80}
    )
    assert Mal.objects.count() == 1


def test_mal_service_refuses_with_swedish_messages(forbundsadmin, insats):
    with pytest.raises(ValidationError) as exc:
        mal_services.mal_skapa(
            actor=forbundsadmin,
            insats=insats,
            data={"typ": "aktivitet_per_vecka", "malvarde": 2},
        )
    assert exc.value.message_dict == {
        "aktivitetstyp": ["Välj vilken typ av aktivitet målet gäller."]
    }
    mal_services.mal_skapa(
        actor=forbundsadmin, insats=insats, data={"typ": "nasta_steg", "malvarde": 80}
    )
    with pytest.raises(ValidationError) as exc:
        mal_services.mal_skapa(
            actor=forbundsadmin, insats=insats, data={"typ": "nasta_steg", "malvarde": 70}
        )
    assert "redan ett sådant mål" in exc.value.message_dict["typ"][0]
    assert Mal.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="rapporter.mal").count() == 1


def test_ekonomi_service_is_all_or_nothing(forbundsadmin, insats):
    ekonomi_services.ekonomi_spara(
        actor=forbundsadmin,
        insats=insats,
        ar=2025,
        beviljat=100,
        budget={"personal": 50},
        prognos={},
        kostnader={(1, "personal"): 10},
    )
    with pytest.raises(ValidationError) as exc:
        ekonomi_services.ekonomi_spara(
            actor=forbundsadmin,
            insats=insats,
            ar=2025,
            beviljat=999,
            budget={"personal": 60, "ovrigt": -5},
            prognos={},
            kostnader={(1, "personal"): 20, (2, "personal"): 30},
        )
    assert "budget_ovrigt" in exc.value.message_dict
    e = Ekonomi.objects.get()
    assert e.beviljat == 100
    assert list(e.budgetposter.values_list("kostnadstyp", "budget")) == [("personal", 50)]
    assert list(e.kostnader.values_list("manad", "belopp")) == [(1, 10)]
    assert list(
        AuditEvent.objects.filter(object_type="rapporter.ekonomi").values_list("action", flat=True)
    ) == ["create"]


def test_antal_nadda_only_for_struktur(forbundsadmin, insats):
    struktur = InsatsFactory(forbund=insats.forbund, typ="struktur")
    for i in (insats, struktur):
        ekonomi_services.ekonomi_spara(
            actor=forbundsadmin,
            insats=i,
            ar=2025,
            beviljat=0,
            budget={},
            prognos={},
            kostnader={},
            antal_nadda=40,
        )
    assert Ekonomi.objects.get(insats=insats).antal_nadda is None
    assert Ekonomi.objects.get(insats=struktur).antal_nadda == 40


# -- goal pages ----------------------------------------------------------------------------


def url(name, insats, **kwargs):
    return reverse(f"rapporter:{name}", kwargs={"uuid": insats.uuid, **kwargs})


@pytest.fixture
def admin_client(client, forbundsadmin):
    client.force_login(forbundsadmin)
    return client


def test_goal_list_and_create(admin_client, insats, forbundsadmin):
    assert admin_client.get(url("mal-list", insats)).status_code == 200
    assert admin_client.get(url("mal-create", insats)).status_code == 200

    response = admin_client.post(
        url("mal-create", insats),
        {"typ": "nasta_steg", "malvarde": "80", "beskrivning": "Nästa steg dokumenterat"},
    )

    assert response.status_code == 302
    assert response["Location"] == url("mal-list", insats)
    mal = Mal.objects.get()
    assert (mal.insats, mal.typ, mal.malvarde) == (insats, "nasta_steg", 80)
    event = AuditEvent.objects.get(object_type="rapporter.mal")
    assert (event.action, event.actor, event.forbund_id) == (
        "create",
        forbundsadmin,
        insats.forbund_id,
    )
    page = admin_client.get(url("mal-list", insats)).content.decode()
    assert "Nästa steg dokumenterat" in page
    assert url("mal-update", insats, pk=mal.pk) in page


def test_decimal_comma_is_accepted(admin_client, insats):
    admin_client.post(
        url("mal-create", insats),
        {"typ": "aktivitet_per_vecka", "malvarde": "2,5", "aktivitetstyp": "coachsamtal"},
    )
    assert Mal.objects.get().malvarde == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("data", "falt", "fel"),
    [
        ({"typ": "arbete_studier", "malvarde": "120"}, "malvarde", "kan inte vara högre än 100"),
        ({"typ": "handlingsplan", "malvarde": "80"}, "dagar", "inom hur många dagar"),
        ({"typ": "aktivitet_per_vecka", "malvarde": "1"}, "aktivitetstyp", "typ av aktivitet"),
        ({"typ": "nasta_steg", "malvarde": "åttio"}, "malvarde", "Ange målvärdet som ett tal"),
        ({"typ": "nasta_steg", "malvarde": ""}, "malvarde", "Detta fält måste fyllas i"),
    ],
)
def test_bad_goal_gives_swedish_error_at_the_field(admin_client, insats, data, falt, fel):
    response = admin_client.post(url("mal-create", insats), data)

    assert response.status_code == 400
    form = response.context["form"]
    assert fel in " ".join(form.errors[falt])
    assert fel in response.content.decode()
    assert f'href="#id_{falt}"' in response.content.decode()  # the summary links to the field
    assert not Mal.objects.exists()


def test_duplicate_goal_is_a_friendly_message(admin_client, insats):
    Mal.objects.create(
        insats=insats, typ="aktivitet_per_vecka", malvarde=1, aktivitetstyp="studier"
    )
    Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)

    same = admin_client.post(
        url("mal-create", insats),
        {"typ": "aktivitet_per_vecka", "malvarde": "2", "aktivitetstyp": "studier"},
    )
    other_type = admin_client.post(
        url("mal-create", insats),
        {"typ": "aktivitet_per_vecka", "malvarde": "2", "aktivitetstyp": "coachsamtal"},
    )

    assert same.status_code == 400
    assert "Insatsen har redan ett sådant mål" in same.content.decode()
    assert other_type.status_code == 302
    assert Mal.objects.count() == 3
    # Changing a goal into another existing one is refused the same way.
    coach = Mal.objects.get(aktivitetstyp="coachsamtal")
    response = admin_client.post(
        url("mal-update", insats, pk=coach.pk),
        {"typ": "nasta_steg", "malvarde": "50"},
    )
    assert response.status_code == 400
    assert "Insatsen har redan ett sådant mål" in response.content.decode()
    coach.refresh_from_db()
    assert coach.typ == "aktivitet_per_vecka"


def test_update_goal(admin_client, insats, forbundsadmin):
    mal = Mal.objects.create(insats=insats, typ="handlingsplan", malvarde=80, dagar=180)
    page = admin_client.get(url("mal-update", insats, pk=mal.pk))
    assert page.status_code == 200
    assert 'value="180"' in page.content.decode()

    response = admin_client.post(
        url("mal-update", insats, pk=mal.pk),
        {"typ": "handlingsplan", "malvarde": "85", "dagar": "90"},
    )

    assert response.status_code == 302
    mal.refresh_from_db()
    assert (mal.malvarde, mal.dagar) == (85, 90)
    event = AuditEvent.objects.get(object_type="rapporter.mal", action="change")
    assert sorted(event.detail["falt"]) == ["dagar", "malvarde"]


def test_delete_goal_asks_first(admin_client, insats, forbundsadmin):
    mal = Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)

    page = admin_client.get(url("mal-delete", insats, pk=mal.pk))
    assert page.status_code == 200
    assert "Vill du ta bort målet" in page.content.decode()
    assert Mal.objects.exists()

    response = admin_client.post(url("mal-delete", insats, pk=mal.pk))
    assert response.status_code == 302
    assert not Mal.objects.exists()
    assert AuditEvent.objects.filter(object_type="rapporter.mal", action="delete").count() == 1


def test_goal_of_another_insats_is_404(admin_client, insats):
    annan = InsatsFactory(forbund=insats.forbund)
    mal = Mal.objects.create(insats=annan, typ="nasta_steg", malvarde=80)

    assert admin_client.get(url("mal-update", insats, pk=mal.pk)).status_code == 404
    assert admin_client.post(url("mal-delete", insats, pk=mal.pk)).status_code == 404
    assert Mal.objects.filter(pk=mal.pk).exists()


@pytest.mark.parametrize("role", ["samordnare", "handlaggare", "styrelse", "annat_forbund_admin"])
def test_others_get_404_and_nothing_changes(role, client_for, insats):
    mal = Mal.objects.create(insats=insats, typ="nasta_steg", malvarde=80)
    client = client_for(role)

    for name, kwargs in [
        ("mal-list", {}),
        ("mal-create", {}),
        ("mal-update", {"pk": mal.pk}),
        ("mal-delete", {"pk": mal.pk}),
        ("ekonomi", {"ar": 2025}),
        ("ekonomi-aktuellt-ar", {}),
    ]:
        assert client.get(url(name, insats, **kwargs)).status_code == 404, name
    assert client.post(url("mal-delete", insats, pk=mal.pk)).status_code == 404
    assert (
        client.post(
            url("mal-create", insats), {"typ": "arbete_studier", "malvarde": "1"}
        ).status_code
        == 404
    )
    assert client.post(url("ekonomi", insats, ar=2025), {"beviljat": "1"}).status_code == 404
    assert list(Mal.objects.values_list("pk", flat=True)) == [mal.pk]
    assert not Ekonomi.objects.exists()


def test_anonymous_goes_to_login(client, insats):
    for name, kwargs in [("mal-list", {}), ("ekonomi", {"ar": 2025})]:
        response = client.get(url(name, insats, **kwargs))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_insats_page_links_for_the_office_only(client, forbundsadmin, samordnare, insats):
    detail = reverse("samverkan:insats-detail", kwargs={"uuid": insats.uuid})
    client.force_login(forbundsadmin)
    page = client.get(detail).content.decode()
    assert url("mal-list", insats) in page
    assert url("ekonomi-aktuellt-ar", insats) in page
    client.force_login(samordnare)
    page = client.get(detail).content.decode()
    assert url("mal-list", insats) not in page


@pytest.mark.parametrize(
    ("text", "belopp"),
    [
        ("12500", 12_500),
        ("12 500", 12_500),
        ("12\u00a0500 kr", 12_500),
        ("12 500,00", 12_500),
        ("12500.0", 12_500),
        ("\u22121 000", -1_000),
        ("", None),
    ],
)
def test_kronor_as_people_type_them(text, belopp):
    assert KronorField(label="x", min_value=-(10**12)).clean(text) == belopp


@pytest.mark.parametrize("text", ["1.000", "12,50", "tolv", "1e5", "12 500 000 000 000"])
def test_kronor_refused(text):
    with pytest.raises(ValidationError):
        KronorField(label="x").clean(text)


# -- economy page --------------------------------------------------------------------------


def grid(**over):
    """A full POST of the economy page: every cell, most of them empty."""
    data = {"beviljat": "", "kommentar": ""}
    for typ in Kostnadstyp.values:
        data[f"budget_{typ}"] = ""
        data[f"prognos_{typ}"] = ""
        for m in range(1, 13):
            data[f"kostnad_{m}_{typ}"] = ""
    data.update(over)
    return data


FULL = grid(
    beviljat="1 200 000",
    budget_personal="800 000",
    prognos_personal="850000",
    budget_ovrigt="50000",
    kostnad_1_personal="60 000",
    kostnad_2_personal="61 000 kr",
    kostnad_2_externa_resurser="4 500",
    kostnad_12_ovrigt="-1 000",
)


def test_economy_page_labels_every_input(admin_client, insats):
    response = admin_client.get(url("ekonomi", insats, ar=2025))

    assert response.status_code == 200
    html = response.content.decode()
    assert (
        '<label class="visually-hidden" for="id_kostnad_1_personal">Personal, januari</label>'
        in html
    )
    assert (
        '<label class="visually-hidden" for="id_kostnad_12_kompetensutveckling">'
        "Kompetensutveckling, december</label>" in html
    )
    assert 'for="id_budget_externa_resurser">Budget, externa resurser</label>' in html
    assert html.count('inputmode="numeric"') == 4 * 12 + 4 * 2 + 1
    assert "id_antal_nadda" not in html  # an individinriktad insats reaches no one to count
    # Links to the years around.
    assert url("ekonomi", insats, ar=2024) in html
    assert url("ekonomi", insats, ar=2026) in html


def test_economy_saves_everything(admin_client, insats, forbundsadmin):
    response = admin_client.post(url("ekonomi", insats, ar=2025), FULL)

    assert response.status_code == 302
    assert response["Location"] == url("ekonomi", insats, ar=2025)
    e = Ekonomi.objects.get(insats=insats, ar=2025)
    assert e.beviljat == 1_200_000
    assert sorted(e.budgetposter.values_list("kostnadstyp", "budget", "prognos")) == [
        ("ovrigt", 50_000, None),
        ("personal", 800_000, 850_000),
    ]
    assert sorted(e.kostnader.values_list("manad", "kostnadstyp", "belopp")) == [
        (1, "personal", 60_000),
        (2, "externa_resurser", 4_500),
        (2, "personal", 61_000),
        (12, "ovrigt", -1_000),
    ]
    event = AuditEvent.objects.get(object_type="rapporter.ekonomi")
    assert (event.action, event.actor, event.forbund_id) == (
        "create",
        forbundsadmin,
        insats.forbund_id,
    )
    assert event.detail["kostnader"] == 4

    # The page shows what was saved, and an emptied cell removes its row.
    page = admin_client.get(url("ekonomi", insats, ar=2025)).content.decode()
    assert 'value="61 000"' in page and 'value="1 200 000"' in page
    admin_client.post(url("ekonomi", insats, ar=2025), {**FULL, "kostnad_1_personal": ""})
    assert not Kostnad.objects.filter(manad=1).exists()
    assert Kostnad.objects.count() == 3
    assert AuditEvent.objects.filter(object_type="rapporter.ekonomi", action="change").count() == 1


def test_one_bad_cell_saves_nothing(admin_client, insats):
    admin_client.post(url("ekonomi", insats, ar=2025), FULL)
    before = (
        list(Budgetpost.objects.values_list("kostnadstyp", "budget", "prognos").order_by("pk")),
        list(Kostnad.objects.values_list("manad", "kostnadstyp", "belopp").order_by("pk")),
    )

    response = admin_client.post(
        url("ekonomi", insats, ar=2025),
        {
            **FULL,
            "beviljat": "2 000 000",
            "budget_personal": "900000",
            "kostnad_3_personal": "70000",
            "kostnad_5_ovrigt": "tolv",
        },
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert response.context["form"].errors == {
        "kostnad_5_ovrigt": ["Ange ett belopp i hela kronor, t.ex. 12 500."]
    }
    assert "Inget sparades" in html
    assert 'id="id_kostnad_5_ovrigt_fel"' in html
    assert 'aria-describedby="id_kostnad_5_ovrigt_fel"' in html
    assert 'href="#id_kostnad_5_ovrigt"' in html
    assert 'value="tolv"' in html and 'value="70000"' in html  # the input is kept
    e = Ekonomi.objects.get()
    assert e.beviljat == 1_200_000
    after = (
        list(Budgetpost.objects.values_list("kostnadstyp", "budget", "prognos").order_by("pk")),
        list(Kostnad.objects.values_list("manad", "kostnadstyp", "belopp").order_by("pk")),
    )
    assert after == before
    assert AuditEvent.objects.filter(object_type="rapporter.ekonomi").count() == 1


def test_negative_budget_is_refused_at_the_field(admin_client, insats):
    response = admin_client.post(url("ekonomi", insats, ar=2025), grid(budget_personal="-5"))

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "budget_personal": ["Beloppet kan inte vara negativt."]
    }
    assert not Ekonomi.objects.exists()


def test_struktur_insats_has_antal_nadda(admin_client, forbund):
    struktur = InsatsFactory(forbund=forbund, typ="struktur")

    assert "id_antal_nadda" in admin_client.get(url("ekonomi", struktur, ar=2025)).content.decode()
    admin_client.post(url("ekonomi", struktur, ar=2025), grid(antal_nadda="75"))
    assert Ekonomi.objects.get(insats=struktur).antal_nadda == 75


def test_year_redirect_and_range(admin_client, insats):
    response = admin_client.get(url("ekonomi-aktuellt-ar", insats))
    assert response.status_code == 302
    assert response["Location"] == url("ekonomi", insats, ar=timezone.localdate().year)
    assert admin_client.get(url("ekonomi", insats, ar=1999)).status_code == 404
    assert admin_client.get(url("ekonomi", insats, ar=2101)).status_code == 404


def test_superuser_may_use_the_pages(client, superuser, insats):
    client.force_login(superuser)
    assert client.get(url("mal-list", insats)).status_code == 200
    assert client.post(url("ekonomi", insats, ar=2024), grid(beviljat="5")).status_code == 302
    assert Ekonomi.objects.get().beviljat == 5


def test_pages_use_constant_queries(admin_client, insats, django_assert_max_num_queries):
    for typ in ("nasta_steg", "arbete_studier", "deltagare_per_ar"):
        Mal.objects.create(insats=insats, typ=typ, malvarde=50)
    admin_client.post(url("ekonomi", insats, ar=2025), FULL)
    with django_assert_max_num_queries(15):
        admin_client.get(url("mal-list", insats))
    with django_assert_max_num_queries(15):
        admin_client.get(url("ekonomi", insats, ar=2025))
    # Every one of the 48 cells filled: still the same handful of statements.
    alla = grid(**{f"kostnad_{m}_{t}": str(m) for m in range(1, 13) for t in Kostnadstyp.values})
    with django_assert_max_num_queries(25):
        assert admin_client.post(url("ekonomi", insats, ar=2025), alla).status_code == 302
    assert Kostnad.objects.count() == 48
