"""The coordinator's overview, the list of cases with its filters, and the search."""

import secrets

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View

from deltagare import lista_cache, selectors, startsida
from deltagare.filters import InskrivningFilter
from deltagare.forms.lista import SokForm
from deltagare.personnummer import parse
from deltagare.views.gemensamt import StaffMixin

SOK_SESSION_KEY = "deltagare_sok"


class OversiktView(StaffMixin, View):
    def get(self, request):
        insatser = list(self.insatser())
        return render(
            request,
            "deltagare/oversikt.html",
            {
                **startsida.oversikt(request.user, insatser),
                "handelser": selectors.senaste_handelser(request.user),
                "insatser": insatser,
            },
        )


class InskrivningListView(StaffMixin, View):
    """The page comes from the shared cache where it can (deltagare/lista_cache.py)."""

    paginate_by = 25

    def get(self, request):
        token = request.GET.get("sok", "")
        sok = request.session.get(SOK_SESSION_KEY, {}).get(token, "") if token else ""
        return HttpResponse(
            lista_cache.sida(request, sok, lambda csrf: self.rendera(request, sok, token, csrf))
        )

    def rendera(self, request, sok, token, csrf_token):
        qs = selectors.inskrivningar_for(request.user)
        if sok:
            qs = qs.filter(_search(sok))
        filterset = InskrivningFilter(request.GET, queryset=qs, request=request)
        page = Paginator(filterset.qs, self.paginate_by).get_page(request.GET.get("page"))
        context = {"filter": filterset, "page_obj": page, "sok": sok, "sok_token": token}
        if csrf_token is not None:
            context["csrf_token"] = csrf_token
        return render_to_string("deltagare/inskrivning_list.html", context, request)


def _search(text):
    """Name parts, or a personnummer in any accepted format."""
    try:
        return Q(deltagare__personnummer=parse(text).nummer)
    except ValidationError:
        pass
    query = Q()
    for part in text.split()[:4]:
        query &= Q(deltagare__fornamn__icontains=part) | Q(deltagare__efternamn__icontains=part)
    return query


class SokView(StaffMixin, View):
    """Search goes by POST; the URL carries only a random token, never the search text."""

    def post(self, request):
        form = SokForm(request.POST)
        if not form.is_valid():
            return redirect("deltagare:inskrivning-list")
        token = secrets.token_urlsafe(8)
        stored = request.session.get(SOK_SESSION_KEY, {})
        stored = dict(list(stored.items())[-9:])  # keep the session small
        stored[token] = form.cleaned_data["q"].strip()
        request.session[SOK_SESSION_KEY] = stored
        return redirect(f"{reverse('deltagare:inskrivning-list')}?sok={token}")
