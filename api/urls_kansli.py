from django.urls import path

from api import kansli

app_name = "apiklient"

urlpatterns = [
    path("", kansli.ApiKlientListView.as_view(), name="list"),
    path("<uuid:uuid>/aterkalla/", kansli.ApiKlientAterkallaView.as_view(), name="aterkalla"),
]
