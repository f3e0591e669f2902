from django.urls import path

from remisser import views

app_name = "remisser"

urlpatterns = [
    path("", views.RemissListView.as_view(), name="remiss-list"),
    path("ny/", views.RemissCreateView.as_view(), name="remiss-create"),
    path("<uuid:uuid>/", views.RemissDetailView.as_view(), name="remiss-detail"),
    path("<uuid:uuid>/andra/", views.RemissUpdateView.as_view(), name="remiss-update"),
    path("<uuid:uuid>/samtycke/", views.SamtyckeFilView.as_view(), name="remiss-samtycke"),
    path("<uuid:uuid>/beslut/<slug:atgard>/", views.BeslutView.as_view(), name="remiss-beslut"),
    path("<uuid:uuid>/overlamna/", views.OverlamnaView.as_view(), name="remiss-overlamna"),
    path(
        "<uuid:uuid>/overlamning/pdf/",
        views.OverlamningPdfView.as_view(),
        name="remiss-overlamning-pdf",
    ),
]
