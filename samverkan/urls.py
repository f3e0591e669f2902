"""Root URLs. The core's own pages live in the `samverkan` namespace below."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from samverkan.views import anvandare, drift, insatser, logg, start

core_patterns = (
    [
        path("", start.StartView.as_view(), name="start"),
        path("insatser/", insatser.InsatsListView.as_view(), name="insats-list"),
        path("insatser/ny/", insatser.InsatsCreateView.as_view(), name="insats-create"),
        path("insatser/<uuid:uuid>/", insatser.InsatsDetailView.as_view(), name="insats-detail"),
        path(
            "insatser/<uuid:uuid>/andra/", insatser.InsatsUpdateView.as_view(), name="insats-update"
        ),
        path("organisationer/", anvandare.OrganisationListView.as_view(), name="organisation-list"),
        path("anvandare/", anvandare.MedlemskapListView.as_view(), name="medlemskap-list"),
        path("inbjudningar/", anvandare.InbjudanView.as_view(), name="inbjudan-list"),
        path("logg/", logg.LoggListView.as_view(), name="logg-list"),
        path("logg.csv", logg.LoggExportView.as_view(), name="logg-export"),
        path(
            "logg/granskningar/",
            logg.LogggranskningView.as_view(),
            name="logggranskning-list",
        ),
        path("tillganglighet/", start.TillganglighetView.as_view(), name="tillganglighet"),
    ],
    "samverkan",
)

# The admin signs in through allauth, so MFA and lockout apply there too.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Samverkan – systemförvaltning"
admin.site.site_title = "Samverkan"

urlpatterns = [
    path("", include(core_patterns)),
    path("deltagare/", include("deltagare.urls")),
    path("remisser/", include("remisser.urls")),
    path("rapporter/", include("rapporter.urls")),
    path("inlasning/", include("inlasning.urls")),
    path("paminnelser/", include("paminnelser.urls")),
    path("api/v1/", include("api.urls")),
    path("api-klienter/", include("api.urls_kansli")),
    path("enkat/", include("enkater.urls")),
    path("styrelse/", include("styrelse.urls")),
    path("konto/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", drift.healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler400 = "samverkan.views.drift.bad_request"
handler403 = "samverkan.views.drift.permission_denied"
handler404 = "samverkan.views.drift.page_not_found"
handler500 = "samverkan.views.drift.server_error"
