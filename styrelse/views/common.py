"""What the board's pages share: who may enter, the office's förbund and
meetings, the page with one form, and the buttons that do one thing."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from samverkan.forms import add_errors
from samverkan.models import Forbund
from samverkan.permissions import ObjektetForstMixin, ar_admin_for, get_object_for_user, roller
from styrelse.models import Arende, Sammantrade
from styrelse.services.common import OPPNA


class StyrelseMixin(LoginRequiredMixin):
    """The office and the board of a förbund; 403 for everyone else."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            r = roller(request.user)
            if not (request.user.is_superuser or r.ar_forbundsadmin or r.ar_styrelse):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class KansliForbundMixin(LoginRequiredMixin):
    """A page of the office's about its förbund; 403 for anyone else."""

    def hamta_objekt(self, request) -> Forbund:
        forbund = Forbund.objects.filter(pk__in=roller(request.user).admin_forbund).first()
        if forbund is None:
            raise PermissionDenied
        return forbund


def till_motet(sammantrade) -> str:
    return reverse("styrelse:sammantrade-detail", kwargs={"uuid": sammantrade.uuid})


def _mote(request, uuid):
    return get_object_for_user(Sammantrade.objects.select_related("forbund"), request, uuid=uuid)


class SammantradeMixin(ObjektetForstMixin, StyrelseMixin):
    """A meeting of the user's förbund, for its office and its board."""

    objekt_queryset = Sammantrade.objects

    def hamta_objekt(self, request, uuid, **kwargs):
        return _mote(request, uuid)

    def tillbaka(self, sammantrade):
        return till_motet(sammantrade)


class KansliMixin(ObjektetForstMixin, LoginRequiredMixin):
    """A meeting, for the förbund's office: 403 for its board."""

    objekt_queryset = Sammantrade.objects

    def hamta_objekt(self, request, uuid, **kwargs):
        sammantrade = _mote(request, uuid)
        if not ar_admin_for(request.user, sammantrade.forbund_id):
            raise PermissionDenied
        return sammantrade

    def tillbaka(self, sammantrade):
        return till_motet(sammantrade)


class ArendeKansliMixin(ObjektetForstMixin, LoginRequiredMixin):
    """An agenda item, for the förbund's office: 404 for everyone else."""

    objekt_queryset = Arende.objects
    objekt_scope = "for_kansli"

    def hamta_objekt(self, request, uuid):
        return get_object_for_user(
            Arende.objects.select_related("sammantrade", "ansokan"),
            request,
            scope="for_kansli",
            uuid=uuid,
        )

    def tillbaka(self, arende):
        return till_motet(arende.sammantrade)


def oppet(request, sammantrade) -> bool:
    """Whether the meeting can still change; if not, say so on the meeting's page."""
    if sammantrade.status in OPPNA:
        return True
    messages.error(request, _("Protokollet är upprättat: sammanträdet kan inte ändras."))
    return False


class FormSidaView(View):
    """One form on the shared page (styrelse/form.html). GET shows it; POST
    validates it and calls `spara`, which saves through a service and answers
    with a redirect; a service's refusal is shown at its field (400)."""

    rubrik = ""
    intro = ""
    knapp = None
    multipart = False
    sparat = ""  # the message after a save, if any

    def hamta_objekt(self, request, **kwargs):
        """What the page is about, looked up first (403 or 404 if not the user's)."""
        return None

    def form(self, objekt, data=None, files=None):
        raise NotImplementedError

    def spara(self, request, objekt, form):
        raise NotImplementedError

    def tillbaka(self, objekt) -> str:
        raise NotImplementedError

    def get_rubrik(self, objekt):
        return self.rubrik

    def get_intro(self, objekt):
        return self.intro

    def visa_fel(self, form, fel: ValidationError) -> None:
        add_errors(form, fel)

    def sida(self, request, objekt, form, status=200):
        return render(
            request,
            "styrelse/form.html",
            {
                "form": form,
                "rubrik": self.get_rubrik(objekt),
                "tillbaka": self.tillbaka(objekt),
                "intro": self.get_intro(objekt),
                "knapp": self.knapp or _("Spara"),
                "multipart": self.multipart,
            },
            status=status,
        )

    def visa(self, request, objekt):
        return self.sida(request, objekt, self.form(objekt))

    def get(self, request, **kwargs):
        return self.visa(request, self.hamta_objekt(request, **kwargs))

    def post(self, request, **kwargs):
        objekt = self.hamta_objekt(request, **kwargs)
        form = self.form(objekt, request.POST, request.FILES)
        if form.is_valid():
            try:
                svar = self.spara(request, objekt, form)
            except ValidationError as fel:
                self.visa_fel(form, fel)
            else:
                if self.sparat:
                    messages.success(request, self.sparat)
                return svar
        return self.sida(request, objekt, form, status=400)


class KnappView(View):
    """A button: POST does one thing and goes back to the page, saying how it
    went (a refusal as an error message); GET only goes back."""

    fangar = (ValidationError,)

    def hamta_objekt(self, request, **kwargs):
        raise NotImplementedError

    def hamta_objekt_for_post(self, request, **kwargs):
        return self.hamta_objekt(request, **kwargs)

    def gor(self, request, objekt) -> str:
        """Call the service; the message on success."""
        raise NotImplementedError

    def tillbaka(self, objekt) -> str:
        raise NotImplementedError

    def visa_fel(self, request, fel) -> None:
        for text in getattr(fel, "messages", [str(fel)]):
            messages.error(request, text)

    def get(self, request, **kwargs):
        return redirect(self.tillbaka(self.hamta_objekt(request, **kwargs)))

    def post(self, request, **kwargs):
        objekt = self.hamta_objekt_for_post(request, **kwargs)
        try:
            meddelande = self.gor(request, objekt)
        except self.fangar as fel:
            self.visa_fel(request, fel)
        else:
            messages.success(request, meddelande)
        return redirect(self.tillbaka(objekt))
