"""What the coordinators' pages share: who may enter, the case named in the URL, and
the form page of a step that hands its data to one service."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View

from deltagare.models import Inskrivning
from deltagare.services.common import logga
from samverkan import audit
from samverkan.forms import add_errors
from samverkan.models import Insats
from samverkan.permissions import get_object_for_user, roller


def utfor(request, tjanst, lyckat, **kwargs):
    """A button's POST: the service's refusal, or `lyckat`, as the message to show."""
    try:
        tjanst(actor=request.user, request=request, **kwargs)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, lyckat)


def pdf_svar(pdf: bytes, filename: str):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class StaffMixin(LoginRequiredMixin):
    """Pages for the staff of an insats (samordnare, coach, teamledare)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not roller(request.user).ar_samordnare:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def insatser(self):
        return Insats.objects.staff_of(self.request.user).order_by("namn")


class InskrivningMixin(StaffMixin):
    """The enrolment named in the URL, or 404 (missing and out of scope alike).

    Every page that shows the participant writes a read event; prints write their own.
    """

    audit_read = True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.inskrivning = get_object_for_user(
                Inskrivning.objects.select_related(
                    "deltagare",
                    "insats__forbund",
                    "kontaktperson",
                    "kontaktperson2",
                    "remittent_organisation",
                ),
                request,
                uuid=kwargs["uuid"],
            )
            if request.method == "GET" and self.audit_read:
                logga(
                    actor=request.user,
                    inskrivning=self.inskrivning,
                    action=audit.Action.READ,
                    request=request,
                    detail={"vy": request.resolver_match.url_name},
                )
        return super().dispatch(request, *args, **kwargs)

    def utskrift(self, pdf: bytes, filename: str, detail, obj=None):
        """A printed document as an attachment; the print event says the page was read."""
        logga(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            action=audit.Action.PRINT,
            obj=obj,
            request=self.request,
            detail=detail,
        )
        return pdf_svar(pdf, filename)

    @property
    def detail_url(self):
        return reverse("deltagare:inskrivning-detail", kwargs={"uuid": self.inskrivning.uuid})

    def personal(self):
        return (
            get_user_model()
            .objects.filter(
                medlemskap__insats=self.inskrivning.insats, medlemskap__roll="samordnare"
            )
            .distinct()
            .order_by("efternamn", "fornamn")
        )


class StegFormView(InskrivningMixin, View):
    """GET shows the form; POST validates it and calls the service, in one transaction.

    `tjanst` is the service, called with actor, inskrivning and request besides
    `argument(form)`: the form's fields, unless a step says otherwise."""

    form_class = None
    rubrik = ""
    intro = ""
    lyckat = gettext_lazy("Sparat.")
    template_name = "deltagare/steg_form.html"
    tjanst = None

    def get_form_kwargs(self):
        return {}

    def get_initial(self):
        return None

    def argument(self, form):
        return form.cleaned_data

    def perform(self, form):
        self.tjanst(
            actor=self.request.user,
            inskrivning=self.inskrivning,
            request=self.request,
            **self.argument(form),
        )

    def get(self, request, uuid):
        return self.show(self.form_class(initial=self.get_initial(), **self.get_form_kwargs()))

    def post(self, request, uuid):
        form = self.form_class(request.POST, request.FILES, **self.get_form_kwargs())
        if form.is_valid():
            try:
                self.perform(form)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, self.lyckat)
                return redirect(self.detail_url)
        return self.show(form)

    def show(self, form):
        context = {
            "form": form,
            "inskrivning": self.inskrivning,
            "deltagare": self.inskrivning.deltagare,
            "rubrik": self.rubrik,
            "intro": self.intro,
        }
        return render(self.request, self.template_name, context)
