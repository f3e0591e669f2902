"""The REST API (api/, docs/integration.md)."""

from samverkan.settings.base import env

# The API (api/, docs/integration.md): bearer tokens of API clients only, problem
# details for every error, JSON only (no browsable HTML renderer), calls per client.
SAMVERKAN_API_GRANS = env.str("SAMVERKAN_API_GRANS", default="120/m")
# Statistics and Finsam, on top: about the page's 60 in 10 minutes.
SAMVERKAN_API_GRANS_STATISTIK = env.str("SAMVERKAN_API_GRANS_STATISTIK", default="6/m")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.auth.BearerAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.auth.ArKlient"],
    "DEFAULT_THROTTLE_CLASSES": ["api.auth.KlientThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problem.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samverkan API",
    "DESCRIPTION": "Remisser från samverkanspartners system, aggregerad statistik, "
    "Uppföljning Finsam och insatserna. Se docs/integration.md.",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from drf-spectacular-sidecar's static files: no CDN, CSP 'self'.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
