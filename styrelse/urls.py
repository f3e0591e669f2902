from django.urls import path

from styrelse import views

app_name = "styrelse"

urlpatterns = [
    path("", views.SammantradeListView.as_view(), name="sammantrade-list"),
    path(
        "sammantraden/<uuid:uuid>/",
        views.SammantradeDetailView.as_view(),
        name="sammantrade-detail",
    ),
    path(
        "sammantraden/<uuid:uuid>/justera/",
        views.SammantradeJusteraView.as_view(),
        name="sammantrade-justera",
    ),
    path("protokoll/<uuid:uuid>/", views.ProtokollPdfView.as_view(), name="protokoll-pdf"),
    path("ansokningar/", views.AnsokanListView.as_view(), name="ansokan-list"),
    path("ansokningar/<uuid:uuid>/", views.AnsokanDetailView.as_view(), name="ansokan-detail"),
]
