"""The insatser of the förbund: list, page, and the office's create and change."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from samverkan import services
from samverkan.forms import InsatsForm
from samverkan.models import Forbund, Insats, Medlemskap, Roll
from samverkan.permissions import get_object_for_user, roller


class InsatsListView(LoginRequiredMixin, ListView):
    template_name = "samverkan/insats_list.html"
    context_object_name = "insatser"

    def get_queryset(self):
        return (
            Insats.objects.for_user(self.request.user)
            .select_related("forbund")
            .annotate(
                antal_personal=Count(
                    "medlemskap", filter=Q(medlemskap__roll=Roll.SAMORDNARE), distinct=True
                )
            )
            .order_by("forbund__namn", "namn")
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        r = roller(self.request.user)
        ctx["kan_skapa"] = self.request.user.is_superuser or r.ar_forbundsadmin
        return ctx


class InsatsDetailView(LoginRequiredMixin, View):
    template_name = "samverkan/insats_detail.html"

    def dispatch(self, request, *args, **kwargs):
        # Looked up before the method: another förbund's insats is 404 for every method.
        if request.user.is_authenticated:
            self.insats = get_object_for_user(
                Insats.objects.select_related("forbund"), request, uuid=kwargs["uuid"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, uuid):
        insats = self.insats
        personal = (
            Medlemskap.objects.filter(insats=insats, roll=Roll.SAMORDNARE)
            .aktiva()
            .select_related("user")
            .order_by("user__efternamn", "user__fornamn")
        )
        kan_andra = Insats.objects.administrable_by(request.user).filter(pk=insats.pk).exists()
        return render(
            request,
            self.template_name,
            {"insats": insats, "personal": personal, "kan_andra": kan_andra},
        )


class InsatsCreateView(LoginRequiredMixin, View):
    template_name = "samverkan/insats_form.html"

    def _form(self, request, data=None):
        choices = Forbund.objects.for_user(request.user).order_by("namn")
        if not request.user.is_superuser:
            choices = choices.filter(pk__in=roller(request.user).admin_forbund)
        if not choices.exists():
            raise PermissionDenied
        return InsatsForm(data, forbund_choices=choices)

    def get(self, request):
        return render(request, self.template_name, {"form": self._form(request)})

    def post(self, request):
        form = self._form(request, request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        insats = services.insats_skapa(
            actor=request.user, forbund=form.forbund, data=form.cleaned_data, request=request
        )
        messages.success(request, _("Insatsen %(namn)s är skapad.") % {"namn": insats.namn})
        return redirect("samverkan:insats-detail", uuid=insats.uuid)


class InsatsUpdateView(LoginRequiredMixin, View):
    template_name = "samverkan/insats_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.insats = get_object_for_user(
                Insats.objects.select_related("forbund"),
                request,
                scope="administrable_by",
                uuid=kwargs["uuid"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, uuid):
        insats = self.insats
        return render(
            request, self.template_name, {"form": InsatsForm(instance=insats), "insats": insats}
        )

    def post(self, request, uuid):
        insats = self.insats
        # The service re-reads the row under lock, so the form may change this copy.
        form = InsatsForm(request.POST, instance=insats)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form, "insats": insats})
        services.insats_uppdatera(
            actor=request.user, insats=insats, data=form.cleaned_data, request=request
        )
        messages.success(request, _("Ändringarna är sparade."))
        return redirect("samverkan:insats-detail", uuid=insats.uuid)
