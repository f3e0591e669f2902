"""The office's pages: the template, the upload with its dry run, the import's progress."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from inlasning.forms import MappningForm, UppladdningForm
from inlasning.mall import skapa_mall
from inlasning.models import Inlasning, Kolumnmappning, Status
from inlasning.provkorning.rubriker import forslag, rubriknyckel
from inlasning.services import genomforande, uppladdning
from samverkan.forms import add_errors
from samverkan.models import Forbund
from samverkan.permissions import get_object_for_user, roller

RADER_PER_SIDA = 100


class KansliMixin(LoginRequiredMixin):
    """The förbund office's pages; the förbund is the one the user administers."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        admin = roller(request.user).admin_forbund
        if not admin:
            raise PermissionDenied
        self.forbund = Forbund.objects.filter(pk__in=admin).order_by("namn", "pk").first()
        return super().dispatch(request, *args, **kwargs)


class InlasningListView(KansliMixin, View):
    template_name = "inlasning/inlasning_list.html"

    def get(self, request, form=None):
        inlasningar = (
            Inlasning.objects.for_user(request.user)
            .select_related("skapad_av")
            .defer("provkorning")
        )
        sida = Paginator(inlasningar, 25).get_page(request.GET.get("page"))
        return render(
            request,
            self.template_name,
            {
                "form": form or UppladdningForm(),
                "forbund": self.forbund,
                "page_obj": sida,
                "is_paginated": sida.has_other_pages(),
                "inlasningar": sida.object_list,
            },
        )

    def post(self, request):
        form = UppladdningForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                inlasning = uppladdning.inlasning_ladda_upp(
                    actor=request.user,
                    forbund=self.forbund,
                    upload=form.cleaned_data["fil"],
                    request=request,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                if inlasning.status == Status.MAPPAS:
                    return redirect("inlasning:inlasning-mappning", uuid=inlasning.uuid)
                return redirect("inlasning:inlasning-detail", uuid=inlasning.uuid)
        return self.get(request, form=form)


class InlasningMallView(KansliMixin, View):
    def get(self, request):
        response = HttpResponse(
            skapa_mall(forbund=self.forbund),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="inlasningsmall.xlsx"'
        return response


class InlasningMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.inlasning = get_object_for_user(
            Inlasning.objects.select_related("forbund", "skapad_av"), request, uuid=kwargs["uuid"]
        )
        return super().dispatch(request, *args, **kwargs)


class InlasningDetailView(InlasningMixin, View):
    template_name = "inlasning/inlasning_detail.html"

    def get(self, request, uuid):
        inlasning = self.inlasning
        resultat = inlasning.provkorning or {}
        sida = Paginator(resultat.get("rader", []), RADER_PER_SIDA).get_page(
            request.GET.get("page")
        )
        pagar = inlasning.status in (Status.KOAD, Status.PAGAR)
        klara = genomforande.framsteg(inlasning)
        procent = round(100 * klara / inlasning.antal_nya) if inlasning.antal_nya else 0
        return render(
            request,
            self.template_name,
            {
                "inlasning": inlasning,
                "fel": resultat.get("fel", []),
                "page_obj": sida,
                "is_paginated": sida.has_other_pages(),
                "pagar": pagar,
                "klara": klara,
                "procent": procent,
            },
        )


class InlasningStartView(InlasningMixin, View):
    def post(self, request, uuid):
        try:
            uppladdning.inlasning_starta(
                actor=request.user, inlasning=self.inlasning, request=request
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Inläsningen har startat."))
        return redirect("inlasning:inlasning-detail", uuid=uuid)


class InlasningMappningView(InlasningMixin, View):
    """The mapping step: the file's own columns to the template's fields."""

    template_name = "inlasning/inlasning_mappning.html"

    def get(self, request, uuid, form=None):
        inlasning = self.inlasning
        if not uppladdning.kan_mappas(inlasning):
            return redirect("inlasning:inlasning-detail", uuid=uuid)
        if form is None:
            initial = inlasning.mappning
            if not initial:
                sparad = (
                    Kolumnmappning.objects.filter(
                        forbund=inlasning.forbund, rubriknyckel=rubriknyckel(inlasning.rubriker)
                    )
                    .values_list("mappning", flat=True)
                    .first()
                )
                initial = sparad or forslag(inlasning.rubriker)
            form = MappningForm(rubriker=inlasning.rubriker, initial=initial)
        return render(request, self.template_name, {"inlasning": inlasning, "form": form})

    def post(self, request, uuid):
        form = MappningForm(request.POST, rubriker=self.inlasning.rubriker)
        if uppladdning.kan_mappas(self.inlasning) and form.is_valid():
            try:
                uppladdning.inlasning_mappa(
                    actor=request.user,
                    inlasning=self.inlasning,
                    mappning=form.cleaned_data,
                    request=request,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Kolumnerna är mappade och filen provkörd."))
                return redirect("inlasning:inlasning-detail", uuid=uuid)
        return self.get(request, uuid, form=form)
