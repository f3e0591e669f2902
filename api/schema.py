"""drf-spectacular: the bearer scheme of api.auth in the OpenAPI document."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = "api.auth.BearerAuthentication"
    name = "bearer"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Klientens nyckel (sv_…), skapad av förbundets kansli.",
        }
