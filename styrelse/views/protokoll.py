"""The protocol: drawn up and published by the office, justerat by each
justerare, downloaded by the board, and the protokollsutdrag of one §."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from samverkan.permissions import ObjektetForstMixin, get_object_for_user
from styrelse import forms
from styrelse.models import Protokollversion
from styrelse.services import protokoll as protokoll_services
from styrelse.views.common import (
    ArendeKansliMixin,
    FormSidaView,
    KansliMixin,
    KnappView,
    SammantradeMixin,
    StyrelseMixin,
)


class SammantradeUpprattaView(KansliMixin, KnappView):
    def gor(self, request, sammantrade):
        protokoll_services.protokoll_uppratta(
            actor=request.user, sammantrade=sammantrade, request=request
        )
        return _("Protokollet är upprättat och paragraferna numrerade.")


class SammantradeJusteraView(SammantradeMixin, KnappView):
    """A justerare confirms the protocol in the app."""

    fangar = (ValidationError, PermissionDenied)

    def gor(self, request, sammantrade):
        protokoll_services.protokoll_justera(
            actor=request.user, sammantrade=sammantrade, request=request
        )
        return _("Du har justerat protokollet.")


class SammantradePubliceraView(KansliMixin, FormSidaView):
    knapp = gettext_lazy("Publicera")
    sparat = gettext_lazy("Protokollet är publicerat.")

    def get_rubrik(self, sammantrade):
        return _("Publicera protokoll: %(mote)s") % {"mote": sammantrade}

    def form(self, sammantrade, data=None, files=None):
        return forms.PubliceraForm(data)

    def spara(self, request, sammantrade, form):
        protokoll_services.protokoll_publicera(
            actor=request.user, sammantrade=sammantrade, request=request, **form.cleaned_data
        )
        return redirect(self.tillbaka(sammantrade))


class ProtokollPdfView(ObjektetForstMixin, StyrelseMixin, View):
    """The frozen file exactly as published; every download is an audit event."""

    objekt_queryset = Protokollversion.objects

    def get(self, request, uuid):
        protokoll = get_object_for_user(
            Protokollversion.objects.select_related("sammantrade"), request, uuid=uuid
        )
        protokoll_services.protokoll_hamtat(
            actor=request.user, protokoll=protokoll, request=request
        )
        return FileResponse(
            protokoll.fil.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"protokoll-{protokoll.sammantrade.datum:%Y-%m-%d}-v{protokoll.version}.pdf",
        )


class ArendeUtdragView(ArendeKansliMixin, View):
    """A protokollsutdrag of one § (for an applicant); printing it is audited."""

    def get(self, request, uuid):
        arende = self.hamta_objekt(request, uuid)
        try:
            pdf = protokoll_services.protokollsutdrag_pdf(
                actor=request.user, arende=arende, request=request
            )
        except ValidationError:
            raise Http404 from None
        svar = HttpResponse(pdf, content_type="application/pdf")
        svar["Content-Disposition"] = (
            f'attachment; filename="protokollsutdrag-{arende.paragraf}.pdf"'
        )
        return svar
