"""The public answer pages: no login, no staff menu, the token only in the path."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from enkater import begransning, selectors
from enkater.forms import SvarForm
from enkater.models import HTML_LANG, SPRAK
from enkater.services import svar as services

FEL_STATUS = {"ogiltig": 404, "anvand": 410, "utgangen": 410}


def _sprak(request) -> str:
    sprak = request.POST.get("sprak") or request.GET.get("sprak") or "sv"
    return sprak if sprak in SPRAK else "sv"


def _ui_sprak(sprak: str) -> str:
    return "en" if sprak == "en" else "sv"


def _publik(request, template, ctx, *, sprak="sv", status=200):
    with translation.override(_ui_sprak(sprak)):
        response = render(
            request,
            template,
            {**ctx, "sprak": sprak, "html_lang": HTML_LANG.get(sprak, sprak), "sprakval": SPRAK},
            status=status,
        )
    response["Cache-Control"] = "no-store"
    # The token is in the path: no other site may see it (and a form post keeps its Origin).
    response["Referrer-Policy"] = "same-origin"
    return response


@method_decorator([never_cache, csrf_protect], name="dispatch")
class SvaraView(View):
    """The questionnaire behind a one-time link, in the participant's language."""

    def dispatch(self, request, *args, **kwargs):
        if begransning.over_grans(request):
            return _publik(request, "enkater/publik_fel.html", {"orsak": "grans"}, status=429)
        return super().dispatch(request, *args, **kwargs)

    def _las(self, request, token):
        sprak = _sprak(request)
        try:
            lank = services.lank_hamta(token)
        except services.LankFel as fel:
            return (
                None,
                sprak,
                _publik(
                    request,
                    "enkater/publik_fel.html",
                    {"orsak": fel.orsak},
                    sprak=sprak,
                    status=FEL_STATUS[fel.orsak],
                ),
            )
        return lank, sprak, None

    def _form(self, lank, sprak, data=None):
        fragor = list(lank.version.fragor.prefetch_related("alternativ"))
        txt = selectors.texter([lank.version_id], sprak)
        return SvarForm(data, fragor=fragor, txt=txt), txt

    def _sida(self, request, lank, sprak, form, txt, status=200):
        return _publik(
            request,
            "enkater/svara.html",
            {
                "form": form,
                "rubrik": txt.get(("rubrik", None, None), ""),
                "inledning": txt.get(("inledning", None, None), ""),
                "finns_sprak": [(k, v) for k, v in SPRAK.items()],
            },
            sprak=sprak,
            status=status,
        )

    def get(self, request, token):
        lank, sprak, fel = self._las(request, token)
        if fel:
            return fel
        form, txt = self._form(lank, sprak)
        return self._sida(request, lank, sprak, form, txt)

    def post(self, request, token):
        lank, sprak, fel = self._las(request, token)
        if fel:
            return fel
        form, txt = self._form(lank, sprak, request.POST)
        if not form.is_valid():
            return self._sida(request, lank, sprak, form, txt, status=400)
        try:
            services.svara(token=token, sprak=sprak, rader=form.rader())
        except services.LankFel as fel:
            return _publik(
                request,
                "enkater/publik_fel.html",
                {"orsak": fel.orsak},
                sprak=sprak,
                status=FEL_STATUS[fel.orsak],
            )
        return redirect(reverse("enkater:tack") + f"?sprak={sprak}")


class TackView(View):
    def get(self, request):
        return _publik(request, "enkater/tack.html", {}, sprak=_sprak(request))
