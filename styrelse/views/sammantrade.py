"""Meetings: the board portal, a meeting's page, and the office's meeting,
närvaro and kallelse."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from samverkan.models import Roll, User
from samverkan.permissions import ar_admin_for, roller
from styrelse import forms
from styrelse.models import Protokollversion, Sammantrade, Uppdrag
from styrelse.services import kallelse as kallelse_services
from styrelse.services import sammantrade as sammantrade_services
from styrelse.services.common import OPPNA
from styrelse.views.common import (
    FormSidaView,
    KansliForbundMixin,
    KansliMixin,
    KnappView,
    SammantradeMixin,
    StyrelseMixin,
    oppet,
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
        uppdrag = (
            Uppdrag.objects.for_user(request.user)
            .filter(aterrapporterat_i__isnull=True)
            .select_related("arende", "aterrapport_till")
        )
        return render(
            request,
            "styrelse/sammantrade_list.html",
            {
                "sammantraden": sammantraden,
                "uppdrag": uppdrag,
                "ar_kansli": roller(request.user).ar_forbundsadmin,
            },
        )


class SammantradeDetailView(SammantradeMixin, View):
    def get(self, request, uuid):
        sammantrade = self.hamta_objekt(request, uuid)
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
                "kallelser": sammantrade.kallelser.select_related("skickad_av"),
                "ar_kansli": ar_admin_for(request.user, sammantrade.forbund_id),
                "oppet": sammantrade.status in OPPNA,
                "kan_justera": sammantrade.status == Sammantrade.Status.UPPRATTAT
                and any(
                    n.user_id == request.user.pk and n.justerare and not n.justerat for n in narvaro
                ),
            },
        )


class SammantradeCreateView(KansliForbundMixin, FormSidaView):
    rubrik = gettext_lazy("Nytt sammanträde")

    def form(self, forbund, data=None, files=None):
        return forms.SammantradeForm(data)

    def tillbaka(self, forbund):
        return reverse("styrelse:sammantrade-list")

    def spara(self, request, forbund, form):
        sammantrade = sammantrade_services.sammantrade_skapa(
            actor=request.user, forbund=forbund, request=request, **form.cleaned_data
        )
        return redirect("styrelse:sammantrade-detail", uuid=sammantrade.uuid)


class SammantradeTillaggView(KansliMixin, FormSidaView):
    """A row added to a meeting (närvaro, ärende): one form, one service, back to the meeting."""

    service = None

    def get_rubrik(self, sammantrade):
        return self.rubrik % {"mote": sammantrade}

    def spara(self, request, sammantrade, form):
        self.service(
            actor=request.user, sammantrade=sammantrade, request=request, **form.cleaned_data
        )
        return redirect(self.tillbaka(sammantrade))


class NarvaroCreateView(SammantradeTillaggView):
    rubrik = gettext_lazy("Närvaro: %(mote)s")
    service = staticmethod(sammantrade_services.narvaro_lagg_till)

    def form(self, sammantrade, data=None, files=None):
        anvandare = User.objects.filter(
            medlemskap__forbund=sammantrade.forbund_id, medlemskap__roll=Roll.STYRELSE
        ).distinct()
        return forms.NarvaroForm(data, anvandare=anvandare)


def _narvaro(sammantrade, pk):
    narvaro = sammantrade.narvaro.filter(pk=pk).first()
    if narvaro is None:
        raise Http404
    return narvaro


class NarvaroUpdateView(NarvaroCreateView):
    """Correct a närvaro row; refused once the protocol is drawn up."""

    rubrik = gettext_lazy("Ändra närvaro: %(mote)s")

    def form(self, sammantrade, data=None, files=None):
        form = super().form(sammantrade, data)
        form.instance = _narvaro(sammantrade, self.kwargs["pk"])
        if data is None:
            form.initial = {f: getattr(form.instance, f) for f in form.fields}
            form.initial["user"] = form.instance.user_id
        return form

    def service(self, *, actor, sammantrade, request, **falt):
        return sammantrade_services.narvaro_andra(
            actor=actor, narvaro=_narvaro(sammantrade, self.kwargs["pk"]), request=request, **falt
        )

    def visa(self, request, sammantrade):
        if not oppet(request, sammantrade):
            return redirect(self.tillbaka(sammantrade))
        return super().visa(request, sammantrade)


class NarvaroDeleteView(KansliMixin, KnappView):
    def gor(self, request, sammantrade):
        sammantrade_services.narvaro_ta_bort(
            actor=request.user, narvaro=_narvaro(sammantrade, self.kwargs["pk"]), request=request
        )
        return _("Närvaron är borttagen.")


class SammantradeKallelseView(KansliMixin, KnappView):
    """The office sends (or sends again) the kallelse to the board."""

    def gor(self, request, sammantrade):
        utskick = kallelse_services.kallelse_skicka(
            actor=request.user, sammantrade=sammantrade, request=request
        )
        return _("Kallelsen skickas till %(antal)s styrelseledamöter.") % {
            "antal": utskick.antal_mottagare
        }
