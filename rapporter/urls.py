from django.urls import path

from rapporter.views import ekonomi, finsam, mal, rapport, statistik

app_name = "rapporter"

urlpatterns = [
    path("", rapport.RapportListView.as_view(), name="rapport-list"),
    path("ny/", rapport.RapportCreateView.as_view(), name="rapport-create"),
    path("<uuid:uuid>/", rapport.RapportDetailView.as_view(), name="rapport-detail"),
    path("<uuid:uuid>/ny-version/", rapport.RapportNyVersionView.as_view(), name="rapport-version"),
    path("<uuid:uuid>/pdf/", rapport.RapportPdfView.as_view(), name="rapport-pdf"),
    path("statistik/", statistik.StatistikView.as_view(), name="statistik"),
    path(
        "statistik/<slug:nyckel>.<str:format>",
        statistik.StatistikExportView.as_view(),
        name="statistik-export",
    ),
    path("uppfoljning-finsam/", finsam.FinsamView.as_view(), name="finsam"),
    path("uppfoljning-finsam.csv", finsam.FinsamExportView.as_view(), name="finsam-export"),
    # The office's inputs per insats: goals and economy.
    path("insatser/<uuid:uuid>/mal/", mal.MalListView.as_view(), name="mal-list"),
    path("insatser/<uuid:uuid>/mal/nytt/", mal.MalCreateView.as_view(), name="mal-create"),
    path(
        "insatser/<uuid:uuid>/mal/<int:pk>/andra/",
        mal.MalUpdateView.as_view(),
        name="mal-update",
    ),
    path(
        "insatser/<uuid:uuid>/mal/<int:pk>/ta-bort/",
        mal.MalDeleteView.as_view(),
        name="mal-delete",
    ),
    path(
        "insatser/<uuid:uuid>/ekonomi/",
        ekonomi.EkonomiRedirectView.as_view(),
        name="ekonomi-aktuellt-ar",
    ),
    path("insatser/<uuid:uuid>/ekonomi/<int:ar>/", ekonomi.EkonomiView.as_view(), name="ekonomi"),
]
