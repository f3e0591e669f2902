"""The scoped object lookup that every detail view uses, refusals, and the rules on
roles (`roller()` itself lives in `samverkan.roller`, which the audit trail reads too)."""

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from samverkan import audit, sakerhetslogg
from samverkan.models import Forbund
from samverkan.roller import roller


def kraver_mfa(user) -> bool:
    """Staff who can reach personal data must use TOTP (SAMVERKAN_MFA_REQUIRED)."""
    if not settings.SAMVERKAN_MFA_REQUIRED or not user.is_authenticated:
        return False
    r = roller(user)
    return user.is_superuser or r.ar_samordnare or r.ar_forbundsadmin


def ar_admin_for(user, forbund_id) -> bool:
    return user.is_superuser or forbund_id in roller(user).admin_forbund


def neka(request, obj=None, *, object_type: str = "", object_id: str = "", detail=None):
    """Record a refused access: an audit event filed under the actor's förbund (see
    `audit.record_access_denied`) and a line in the security log. The caller answers
    404 (or 403), exactly as for a missing object.

    `obj` is the existing object that was refused; without one, `object_type` and
    `object_id` say what was asked for (a page: "sida" and the path)."""
    if obj is not None:
        object_type = obj._meta.label_lower
    elif not object_type:
        object_type, object_id = "sida", request.path[:64]
    audit.record_access_denied(
        request=request,
        obj=obj,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
    )
    sakerhetslogg.handelse("atkomst_nekad", request, objekttyp=object_type)


def nekad(request, obj=None, **kwargs) -> Http404:
    """`raise nekad(request, obj)`: record the refusal, answer as for a missing object."""
    neka(request, obj, **kwargs)
    return Http404()


def get_object_for_user(queryset, request, *, scope="for_user", **lookup):
    """The object if the user may see it, else 404: the same answer as for a
    missing object. A hit outside the scope is written to the audit trail.

    `scope` names the queryset method that defines what the user may reach.
    """
    model = queryset.model
    try:
        return getattr(queryset, scope)(request.user).get(**lookup)
    except model.DoesNotExist:
        outside = model._base_manager.filter(**lookup).first()
        if outside is not None:
            raise nekad(request, outside) from None
        raise Http404 from None
    except (ValueError, TypeError, ValidationError):
        raise Http404 from None


class ObjektetForstMixin:
    """Looks up the object the URL names before the role and method checks, so an
    object out of the user's scope answers 404 (with its audit event) for every
    method and every role, exactly as a missing one. Put it first among the bases."""

    objekt_queryset = None  # a queryset whose `objekt_scope` method gives the user's reach
    objekt_scope = "for_user"
    objekt_kwarg = "uuid"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.objekt_kwarg in kwargs:
            self.objekt = get_object_for_user(
                self.objekt_queryset.all(),
                request,
                scope=self.objekt_scope,
                uuid=kwargs[self.objekt_kwarg],
            )
        return super().dispatch(request, *args, **kwargs)


class AdminOnlyMixin(LoginRequiredMixin):
    """Pages for the förbund's office: förbundsadministratör or superuser."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not (request.user.is_superuser or roller(request.user).ar_forbundsadmin):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def admin_forbund_ids(self):
        if self.request.user.is_superuser:
            return Forbund.objects.values("pk")
        return roller(self.request.user).admin_forbund
