"""Pages with links (DIGG): `data`, `links` (self, first, prev, next, last) and `meta`,
and the same links in an RFC 8288 `Link` header."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param


class SidPaginering(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    @classmethod
    def parametrar(cls):
        return [
            OpenApiParameter("page", OpenApiTypes.INT, description="Sidans nummer, från 1."),
            OpenApiParameter(
                "page_size",
                OpenApiTypes.INT,
                description=f"Rader per sida, högst {cls.max_page_size}.",
            ),
        ]

    def _lank(self, nummer):
        return replace_query_param(self.request.build_absolute_uri(), self.page_query_param, nummer)

    def get_paginated_response(self, data):
        sida = self.page
        links = {
            "self": self._lank(sida.number),
            "first": self._lank(1),
            "prev": self._lank(sida.previous_page_number()) if sida.has_previous() else None,
            "next": self._lank(sida.next_page_number()) if sida.has_next() else None,
            "last": self._lank(sida.paginator.num_pages),
        }
        header = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)
        return Response(
            {
                "data": data,
                "links": links,
                "meta": {
                    "total": sida.paginator.count,
                    "page": sida.number,
                    "page_size": sida.paginator.per_page,
                },
            },
            headers={"Link": header},
        )

    def get_paginated_response_schema(self, schema):
        lank = {"type": "string", "format": "uri"}
        valfri = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["data", "links", "meta"],
            "properties": {
                "data": schema,
                "links": {
                    "type": "object",
                    "required": ["self", "first", "prev", "next", "last"],
                    "properties": {
                        "self": lank,
                        "first": lank,
                        "prev": valfri,
                        "next": valfri,
                        "last": lank,
                    },
                },
                "meta": {
                    "type": "object",
                    "required": ["total", "page", "page_size"],
                    "properties": {
                        "total": {"type": "integer"},
                        "page": {"type": "integer"},
                        "page_size": {"type": "integer"},
                    },
                },
            },
        }
