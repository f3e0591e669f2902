"""The consent: registered, withdrawn, and its signed form."""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from deltagare import services
from deltagare.forms.samtycke import SamtyckeForm
from deltagare.models import Samtycke
from deltagare.services.common import logga
from deltagare.uploads import blankett_svar
from deltagare.views.gemensamt import StaffMixin, StegFormView, utfor
from samverkan import audit
from samverkan.models import Organisation
from samverkan.permissions import get_object_for_user


class SamtyckeView(StegFormView):
    form_class = SamtyckeForm
    rubrik = gettext_lazy("Registrera samtycke")
    intro = gettext_lazy(
        "Samtycket lyfter sekretessen bara mellan de organisationer och för de syften "
        "som anges. Ett samtycke som redan gäller ersätts av det nya."
    )
    lyckat = gettext_lazy("Samtycket är registrerat.")
    tjanst = staticmethod(services.samtycke_registrera)

    def get_form_kwargs(self):
        return {
            "organisationer": Organisation.objects.filter(
                forbund=self.inskrivning.insats.forbund
            ).order_by("namn")
        }

    def get_initial(self):
        if self.inskrivning.remittent_organisation_id:
            return {"organisationer": [self.inskrivning.remittent_organisation_id]}
        return None

    def argument(self, form):
        return {**form.cleaned_data, "syften": set(form.cleaned_data["syften"])}


class SamtyckeMixin(StaffMixin):
    """The consent named in the URL, or 404 (missing and out of scope alike)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.samtycke = get_object_for_user(
                Samtycke.objects.select_related(
                    "inskrivning__insats__forbund", "inskrivning__deltagare"
                ),
                request,
                uuid=kwargs["uuid"],
            )
        return super().dispatch(request, *args, **kwargs)


class SamtyckeAterkallaView(SamtyckeMixin, View):
    def post(self, request, uuid):
        samtycke = self.samtycke
        utfor(
            request,
            services.samtycke_aterkalla,
            _("Samtycket är återkallat. Det gäller från och med i dag."),
            samtycke=samtycke,
        )
        return redirect("deltagare:inskrivning-detail", uuid=samtycke.inskrivning.uuid)


class SamtyckeBlankettView(SamtyckeMixin, View):
    """The signed form, only through this checked view, as an attachment."""

    def get(self, request, uuid):
        samtycke = self.samtycke
        if not samtycke.fil:
            raise Http404
        logga(
            actor=request.user,
            inskrivning=samtycke.inskrivning,
            action=audit.Action.READ,
            obj=samtycke,
            request=request,
            detail={"fil": True},
        )
        return blankett_svar(samtycke.fil, samtycke.fil_typ, f"samtycke-{samtycke.givet:%Y%m%d}")
