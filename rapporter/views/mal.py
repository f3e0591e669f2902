"""The office's pages for an insats's goals: list, add, change, delete."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from rapporter.forms.mal import MalForm
from rapporter.models import MAL_I_PROCENT, Mal
from rapporter.selectors.mal import maltext
from rapporter.services import mal as services
from samverkan.forms import add_errors
from samverkan.models import Insats
from samverkan.permissions import get_object_for_user, nekad


class InsatsAdminMixin(LoginRequiredMixin):
    """Pages of one insats for its förbund's office (or a superuser); 404 for everyone
    else, exactly as for a missing insats."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.insats = get_object_for_user(
            Insats.objects.select_related("forbund"),
            request,
            scope="administrable_by",
            uuid=kwargs["uuid"],
        )
        self.las_objekt(request, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def las_objekt(self, request, **kwargs):
        """The object under the insats named in the URL, read before the method."""


class MalMixin(InsatsAdminMixin):
    def las_objekt(self, request, **kwargs):
        pk = kwargs["pk"]
        try:
            self.objekt = Mal.objects.select_related("insats__forbund").get(
                insats=self.insats, pk=pk
            )
        except Mal.DoesNotExist:
            # A goal of another insats (of another förbund) named under this one.
            annat = Mal.objects.filter(pk=pk).first()
            raise (nekad(request, annat) if annat else Http404()) from None

    def mal(self, pk):
        return self.objekt


class MalListView(InsatsAdminMixin, View):
    template_name = "rapporter/mal_list.html"

    def get(self, request, uuid):
        mal = Mal.objects.filter(insats=self.insats).order_by("typ", "aktivitetstyp", "pk")
        rader = [(m, maltext(m), m.typ in MAL_I_PROCENT) for m in mal]
        return render(request, self.template_name, {"insats": self.insats, "rader": rader})


class MalCreateView(InsatsAdminMixin, View):
    template_name = "rapporter/mal_form.html"

    def get(self, request, uuid):
        form = MalForm(insats=self.insats)
        return render(request, self.template_name, {"insats": self.insats, "form": form})

    def post(self, request, uuid):
        form = MalForm(request.POST, insats=self.insats, instance=Mal(insats=self.insats))
        if form.is_valid():
            try:
                services.mal_skapa(
                    actor=request.user, insats=self.insats, data=form.cleaned_data, request=request
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Målet är sparat."))
                return redirect("rapporter:mal-list", uuid=self.insats.uuid)
        return render(
            request, self.template_name, {"insats": self.insats, "form": form}, status=400
        )


class MalUpdateView(MalMixin, View):
    template_name = "rapporter/mal_form.html"

    def get(self, request, uuid, pk):
        mal = self.mal(pk)
        form = MalForm(insats=self.insats, instance=mal)
        return render(
            request, self.template_name, {"insats": self.insats, "form": form, "objekt": mal}
        )

    def post(self, request, uuid, pk):
        mal = self.mal(pk)
        # The form works on its own copy; the service re-reads the row under lock.
        form = MalForm(request.POST, insats=self.insats, instance=Mal.objects.get(pk=mal.pk))
        if form.is_valid():
            try:
                services.mal_uppdatera(
                    actor=request.user, mal=mal, data=form.cleaned_data, request=request
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, _("Ändringarna är sparade."))
                return redirect("rapporter:mal-list", uuid=self.insats.uuid)
        return render(
            request,
            self.template_name,
            {"insats": self.insats, "form": form, "objekt": mal},
            status=400,
        )


class MalDeleteView(MalMixin, View):
    """GET asks for confirmation; POST deletes."""

    template_name = "rapporter/mal_delete.html"

    def get(self, request, uuid, pk):
        mal = self.mal(pk)
        return render(
            request,
            self.template_name,
            {"insats": self.insats, "objekt": mal, "text": maltext(mal)},
        )

    def post(self, request, uuid, pk):
        services.mal_ta_bort(actor=request.user, mal=self.mal(pk), request=request)
        messages.success(request, _("Målet är borttaget."))
        return redirect("rapporter:mal-list", uuid=self.insats.uuid)
