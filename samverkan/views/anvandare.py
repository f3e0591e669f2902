"""The office's registers: partner organisations, users and their roles, invitations."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from samverkan import services
from samverkan.forms import InbjudanForm
from samverkan.models import Inbjudan, Medlemskap, Organisation, Roll
from samverkan.permissions import AdminOnlyMixin


class OrganisationListView(AdminOnlyMixin, ListView):
    template_name = "samverkan/organisation_list.html"
    context_object_name = "organisationer"

    def get_queryset(self):
        return (
            Organisation.objects.for_user(self.request.user)
            .filter(forbund_id__in=self.admin_forbund_ids())
            .select_related("forbund")
            .annotate(
                antal_handlaggare=Count(
                    "medlemskap", filter=Q(medlemskap__roll=Roll.HANDLAGGARE), distinct=True
                )
            )
            .order_by("forbund__namn", "typ", "namn")
        )


class MedlemskapListView(AdminOnlyMixin, ListView):
    template_name = "samverkan/medlemskap_list.html"
    context_object_name = "medlemskap"
    paginate_by = 50

    def get_queryset(self):
        return (
            Medlemskap.objects.for_user(self.request.user)
            .filter(forbund_id__in=self.admin_forbund_ids())
            .select_related("user", "forbund", "insats", "organisation")
            .order_by("forbund__namn", "user__efternamn", "user__fornamn", "roll")
        )


class InbjudanView(AdminOnlyMixin, View):
    """Invitations for handläggare whose address is outside the registered domains."""

    template_name = "samverkan/inbjudan_list.html"

    def organisationer(self):
        return Organisation.objects.for_user(self.request.user).filter(
            forbund_id__in=self.admin_forbund_ids(), aktiv=True
        )

    def render_page(self, form):
        inbjudningar = (
            Inbjudan.objects.filter(organisation__in=self.organisationer())
            .select_related("organisation")
            .order_by("-giltig_till")
        )
        return render(
            self.request, self.template_name, {"form": form, "inbjudningar": inbjudningar}
        )

    def get(self, request):
        return self.render_page(InbjudanForm(organisationer=self.organisationer()))

    def post(self, request):
        form = InbjudanForm(request.POST, organisationer=self.organisationer())
        if not form.is_valid():
            return self.render_page(form)
        services.inbjudan_skapa(actor=request.user, request=request, **form.cleaned_data)
        messages.success(request, _("Inbjudan är sparad."))
        return redirect("samverkan:inbjudan-list")
