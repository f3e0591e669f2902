"""What the rapporter pages share: the förbund in view and who may see it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404

from rapporter.permissions import statistik_forbund
from samverkan.models import Forbund
from samverkan.permissions import nekad


class ForbundMixin(LoginRequiredMixin):
    """The förbund whose figures the page shows: chosen with ?forbund=<uuid> when the
    user has roles in several, else the only one. No role here answers 404."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        valbara = statistik_forbund(request.user).order_by("namn")
        vald = request.GET.get("forbund") or request.POST.get("forbund")
        forbund = None
        if vald:
            try:
                forbund = valbara.filter(uuid=vald).first()
            except Exception:  # a malformed uuid is just "no such förbund"
                forbund = None
        else:
            forbund = valbara.first()
        if forbund is None:
            # Another förbund named, or no förbund of one's own: refused and audited.
            # A förbund that does not exist is no attempt on anything.
            annat = _forbund_med_uuid(vald) if vald else None
            if vald and annat is None:
                raise Http404
            raise nekad(request, annat)
        self.forbund = forbund
        self.valbara_forbund = valbara
        return super().dispatch(request, *args, **kwargs)


def _forbund_med_uuid(vald):
    try:
        return Forbund.objects.filter(uuid=vald).first()
    except (ValueError, ValidationError):
        return None
