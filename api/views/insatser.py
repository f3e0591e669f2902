"""The förbund's insatser, page by page."""

from drf_spectacular.utils import extend_schema

from api import serializers as s
from api.pagination import SidPaginering
from api.views.bas import FEL, KlientView
from samverkan import audit
from samverkan.models import Insats


class InsatsListView(KlientView):
    pagination_class = SidPaginering

    @extend_schema(
        operation_id="insatser_lista",
        summary="Förbundets insatser",
        description="Sida för sida med länkar; tar_emot_remisser visar vart en remiss kan skickas.",
        responses={200: s.InsatsSerializer(many=True), **FEL},
        parameters=SidPaginering.parametrar(),
        tags=["insatser"],
    )
    def get(self, request):
        insatser = Insats.objects.filter(forbund=self.klient.forbund).order_by("namn", "pk")
        aktiva = set(insatser.aktiva().values_list("pk", flat=True))
        paginering = self.pagination_class()
        sida = paginering.paginate_queryset(insatser, request, view=self)
        data = s.InsatsSerializer(
            [
                {
                    "uuid": i.uuid,
                    "namn": i.namn,
                    "typ": i.typ,
                    "startdatum": i.startdatum,
                    "slutdatum": i.slutdatum,
                    "tar_emot_remisser": i.typ == Insats.Typ.INDIVID and i.pk in aktiva,
                }
                for i in sida
            ],
            many=True,
        ).data
        self.logga(action=audit.Action.READ, object_type="api.insatser")
        return paginering.get_paginated_response(data)
