from django.urls import include, path

from enkater.views import lankar, redigera, resultat, svar

app_name = "enkater"

# The questions of a questionnaire's latest version (the office's editor).
fragor = [
    path("ny/", redigera.FragaNyView.as_view(), name="fraga-ny"),
    path("<int:pk>/", redigera.FragaAndraView.as_view(), name="fraga-andra"),
    path("<int:pk>/flytta/", redigera.FragaFlyttaView.as_view(), name="fraga-flytta"),
    path("<int:pk>/ta-bort/", redigera.FragaTaBortView.as_view(), name="fraga-ta-bort"),
]

urlpatterns = [
    # The office.
    path("", redigera.EnkatListView.as_view(), name="enkat-list"),
    path("ny/", redigera.EnkatSkapaView.as_view(), name="enkat-skapa"),
    path("<uuid:uuid>/", redigera.EnkatDetailView.as_view(), name="enkat-detail"),
    path("<uuid:uuid>/fragor/", include(fragor)),
    path("<uuid:uuid>/texter/", redigera.VersionTexterView.as_view(), name="version-texter"),
    path("<uuid:uuid>/ny-version/", redigera.EnkatVersionNyView.as_view(), name="enkat-version-ny"),
    path("<uuid:uuid>/publicera/", redigera.EnkatPubliceraView.as_view(), name="enkat-publicera"),
    path("<uuid:uuid>/resultat/", resultat.ResultatView.as_view(), name="resultat"),
    path(
        "<uuid:uuid>/resultat/<slug:nyckel>.<str:format>",
        resultat.ResultatExportView.as_view(),
        name="resultat-export",
    ),
    path("samverkan/", lankar.UtskickView.as_view(), name="samverkan-utskick"),
    # The coordinator.
    path("deltagare/", lankar.LankListView.as_view(), name="lank-list"),
    path("deltagare/<uuid:uuid>/lank/", lankar.LankSkapaView.as_view(), name="lank-skapa"),
    # Public: no login.
    path("s/<str:token>/", svar.SvaraView.as_view(), name="svara"),
    path("tack/", svar.TackView.as_view(), name="tack"),
]
