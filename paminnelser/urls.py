from django.urls import path

from paminnelser import views

app_name = "paminnelser"

urlpatterns = [
    path("", views.InstallningView.as_view(), name="installningar"),
]
