from django.urls import path

from enkater import views

app_name = "enkater"

urlpatterns = [
    # The office.
    path("", views.EnkatListView.as_view(), name="enkat-list"),
    path("ny/", views.EnkatSkapaView.as_view(), name="enkat-skapa"),
    path("<uuid:uuid>/", views.EnkatDetailView.as_view(), name="enkat-detail"),
    path("<uuid:uuid>/fragor/ny/", views.FragaNyView.as_view(), name="fraga-ny"),
    path("<uuid:uuid>/fragor/<int:pk>/", views.FragaAndraView.as_view(), name="fraga-andra"),
    path(
        "<uuid:uuid>/fragor/<int:pk>/flytta/", views.FragaFlyttaView.as_view(), name="fraga-flytta"
    ),
    path(
        "<uuid:uuid>/fragor/<int:pk>/ta-bort/",
        views.FragaTaBortView.as_view(),
        name="fraga-ta-bort",
    ),
    path("<uuid:uuid>/ny-version/", views.EnkatVersionNyView.as_view(), name="enkat-version-ny"),
    path("<uuid:uuid>/publicera/", views.EnkatPubliceraView.as_view(), name="enkat-publicera"),
    path("<uuid:uuid>/resultat/", views.ResultatView.as_view(), name="resultat"),
    path(
        "<uuid:uuid>/resultat/<slug:nyckel>.<str:format>",
        views.ResultatExportView.as_view(),
        name="resultat-export",
    ),
    path("samverkan/", views.UtskickView.as_view(), name="samverkan-utskick"),
    # The coordinator.
    path("deltagare/", views.LankListView.as_view(), name="lank-list"),
    path("deltagare/<uuid:uuid>/lank/", views.LankSkapaView.as_view(), name="lank-skapa"),
    # Public: no login.
    path("s/<str:token>/", views.SvaraView.as_view(), name="svara"),
    path("tack/", views.TackView.as_view(), name="tack"),
]
