"""`/api/v1/`: versioned paths; a person is never named in a path or a query string."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import views
from api.problem import saknas_vy

app_name = "api"


class SchemaView(SpectacularAPIView):
    # The schema and its docs are public: they hold no data, and a partner reads
    # them before it has a client. No token is looked at here.
    authentication_classes = []
    permission_classes = []
    throttle_classes = []


class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = []
    permission_classes = []
    throttle_classes = []
    url_name = "api:schema"
    template_name = "api/swagger_ui.html"


urlpatterns = [
    path("remisser/", views.RemissCreateView.as_view(), name="remiss-create"),
    path("remisser/<uuid:uuid>/", views.RemissDetailView.as_view(), name="remiss-detail"),
    path("insatser/", views.InsatsListView.as_view(), name="insats-list"),
    path("statistik/", views.StatistikView.as_view(), name="statistik"),
    path("finsam/", views.FinsamView.as_view(), name="finsam"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    re_path(r"^.*$", saknas_vy, name="saknas"),
]
