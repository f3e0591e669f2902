"""The office's pages for API clients: list, create (the secret shown once), revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from api import services
from api.forms import ApiKlientForm
from api.models import ApiKlient
from samverkan.models import Organisation
from samverkan.permissions import AdminOnlyMixin, ObjektetForstMixin, get_object_for_user


class ApiKlientListView(AdminOnlyMixin, View):
    template_name = "api/apiklient_list.html"

    def organisationer(self):
        return Organisation.objects.for_user(self.request.user).filter(
            forbund_id__in=self.admin_forbund_ids(), aktiv=True
        )

    def render_page(self, form, *, ny=None, token=None, status=200):
        klienter = (
            ApiKlient.objects.filter(forbund_id__in=self.admin_forbund_ids())
            .select_related("organisation")
            .order_by("-skapad")
        )
        return render(
            self.request,
            self.template_name,
            {"form": form, "klienter": klienter, "ny": ny, "token": token},
            status=status,
        )

    def get(self, request):
        return self.render_page(ApiKlientForm(organisationer=self.organisationer()))

    def post(self, request):
        form = ApiKlientForm(request.POST, organisationer=self.organisationer())
        if form.is_valid():
            try:
                klient, token = services.api_klient_skapa(
                    actor=request.user, request=request, **form.cleaned_data
                )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                # Shown on this answer only (no redirect): the token is stored nowhere else.
                # 201, not 200: a POST answered 200 with a page is a refused form to the
                # security log.
                return self.render_page(
                    ApiKlientForm(organisationer=self.organisationer()),
                    ny=klient,
                    token=token,
                    status=201,
                )
        return self.render_page(form, status=400)


class ApiKlientAterkallaView(ObjektetForstMixin, AdminOnlyMixin, View):
    objekt_queryset = ApiKlient.objects

    def get(self, request, uuid):
        # Another förbund's client is missing (404) before the method is wrong (405).
        get_object_for_user(ApiKlient.objects, request, uuid=uuid)
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, uuid):
        klient = get_object_for_user(ApiKlient.objects, request, uuid=uuid)
        services.api_klient_aterkalla(actor=request.user, klient=klient, request=request)
        messages.success(request, _("Klienten är återkallad. Dess nyckel fungerar inte längre."))
        return redirect("apiklient:list")
