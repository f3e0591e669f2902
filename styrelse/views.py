"""The board's pages: the applicant's and the office's application lists, the
board portal of meetings and published protocols. Thin: reads through for_user(),
writes through the services, 404 for anything out of scope."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from samverkan import audit
from samverkan.permissions import get_object_for_user, roller
from styrelse.models import Ansokan, Protokollversion, Sammantrade
from styrelse.services import protokoll as protokoll_services
from styrelse.services import sammantrade as sammantrade_services


class StyrelseMixin(LoginRequiredMixin):
    """The office and the board of a förbund; 403 for everyone else."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            r = roller(request.user)
            if not (request.user.is_superuser or r.ar_forbundsadmin or r.ar_styrelse):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AnsokanListView(LoginRequiredMixin, View):
    def get(self, request):
        ansokningar = (
            Ansokan.objects.for_user(request.user)
            .select_related("organisation")
            .prefetch_related("budgetrader")
            .order_by("-skapad")
        )
        return render(request, "styrelse/ansokan_list.html", {"ansokningar": ansokningar})


class AnsokanDetailView(LoginRequiredMixin, View):
    def get(self, request, uuid):
        ansokan = get_object_for_user(
            Ansokan.objects.select_related("organisation", "insats").prefetch_related(
                "budgetrader", "huvudman", "bilagor"
            ),
            request,
            uuid=uuid,
        )
        audit.record(action=audit.Action.READ, actor=request.user, obj=ansokan, request=request)
        rader = list(ansokan.budgetrader.all())
        summa = {
            "kostnader": sum(r.kostnader for r in rader),
            "intakter": sum(int(r.intakter) for r in rader),
            "netto": sum(r.netto for r in rader),
        }
        return render(
            request,
            "styrelse/ansokan_detail.html",
            {"ansokan": ansokan, "rader": rader, "summa": summa},
        )


class SammantradeListView(StyrelseMixin, View):
    def get(self, request):
        sammantraden = (
            Sammantrade.objects.for_user(request.user)
            .select_related("forbund")
            .prefetch_related(
                Prefetch(
                    "protokollversioner",
                    queryset=Protokollversion.objects.order_by("-version"),
                )
            )
            .order_by("-datum")
        )
        return render(request, "styrelse/sammantrade_list.html", {"sammantraden": sammantraden})


class SammantradeDetailView(StyrelseMixin, View):
    def hamta(self, request, uuid):
        return get_object_for_user(
            Sammantrade.objects.select_related("forbund"), request, uuid=uuid
        )

    def get(self, request, uuid):
        sammantrade = self.hamta(request, uuid)
        arenden = sammantrade.arenden.select_related("ansokan", "rapport").prefetch_related(
            "attsatser"
        )
        narvaro = list(sammantrade.narvaro.all())
        return render(
            request,
            "styrelse/sammantrade_detail.html",
            {
                "sammantrade": sammantrade,
                "arenden": arenden,
                "narvaro": narvaro,
                "protokoll": sammantrade.protokollversioner.order_by("-version"),
                "kan_justera": sammantrade.status == Sammantrade.Status.UPPRATTAT
                and any(
                    n.user_id == request.user.pk and n.justerare and not n.justerat for n in narvaro
                ),
            },
        )


class SammantradeJusteraView(SammantradeDetailView):
    def get(self, request, uuid):
        self.hamta(request, uuid)
        return redirect("styrelse:sammantrade-detail", uuid=uuid)

    def post(self, request, uuid):
        sammantrade = self.hamta(request, uuid)
        try:
            sammantrade_services.protokoll_justera(
                actor=request.user, sammantrade=sammantrade, request=request
            )
        except (ValidationError, PermissionDenied) as fel:
            messages.error(request, " ".join(getattr(fel, "messages", [str(fel)])))
        else:
            messages.success(request, _("Du har justerat protokollet."))
        return redirect("styrelse:sammantrade-detail", uuid=uuid)


class ProtokollPdfView(StyrelseMixin, View):
    """The frozen file exactly as published; every download is an audit event."""

    def get(self, request, uuid):
        sammantrade_qs = Sammantrade.objects.for_user(request.user)
        protokoll = (
            Protokollversion.objects.filter(sammantrade__in=sammantrade_qs, uuid=uuid)
            .select_related("sammantrade")
            .first()
        )
        if protokoll is None:
            raise Http404
        protokoll_services.protokoll_hamtat(
            actor=request.user, protokoll=protokoll, request=request
        )
        return FileResponse(
            protokoll.fil.open("rb"),
            content_type="application/pdf",
            as_attachment=True,
            filename=f"protokoll-{protokoll.sammantrade.datum:%Y-%m-%d}-v{protokoll.version}.pdf",
        )
