"""`/api/v1/`: versioned paths; a person is never named in a path or a query string."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.problem import saknas_vy
from api.views import insatser, remisser, statistik

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
    path("remisser/", remisser.RemissCreateView.as_view(), name="remiss-create"),
    path("remisser/<uuid:uuid>/", remisser.RemissDetailView.as_view(), name="remiss-detail"),
    path("insatser/", insatser.InsatsListView.as_view(), name="insats-list"),
    path("statistik/", statistik.StatistikView.as_view(), name="statistik"),
    path("finsam/", statistik.FinsamView.as_view(), name="finsam"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    re_path(r"^.*$", saknas_vy, name="saknas"),
]
