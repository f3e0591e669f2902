from django.urls import path

from inlasning import views

app_name = "inlasning"

urlpatterns = [
    path("", views.InlasningListView.as_view(), name="inlasning-list"),
    path("mall.xlsx", views.InlasningMallView.as_view(), name="inlasning-mall"),
    path("<uuid:uuid>/", views.InlasningDetailView.as_view(), name="inlasning-detail"),
    path("<uuid:uuid>/kolumner/", views.InlasningMappningView.as_view(), name="inlasning-mappning"),
    path("<uuid:uuid>/las-in/", views.InlasningStartView.as_view(), name="inlasning-start"),
]
