"""The office's writes of API clients: create (the secret is returned once), revoke."""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import ApiKlient, Scope, hash_nyckel, ny_nyckel
from samverkan import audit
from samverkan.models import Medlemskap, Organisation, Roll, User
from samverkan.permissions import ar_admin_for


@transaction.atomic
def api_klient_skapa(
    *,
    actor,
    organisation: Organisation,
    namn: str,
    scopes: list[str],
    giltig_till: datetime.date,
    request=None,
) -> tuple[ApiKlient, str]:
    """A new client and its token. The token is returned here and never again."""
    if not ar_admin_for(actor, organisation.forbund_id):
        raise PermissionDenied
    if not namn.strip():
        raise ValidationError({"namn": _("Ange systemets namn.")})
    if not scopes or set(scopes) - set(Scope.values):
        raise ValidationError({"scopes": _("Välj minst en behörighet.")})
    if giltig_till <= timezone.localdate():
        raise ValidationError({"giltig_till": _("Datumet måste ligga efter i dag.")})
    # The system's own account: it cannot log in (inactive, no password), and it is the
    # referrer of the remisser the system sends, as a handläggare of the organisation.
    anvandare = User(
        email=f"api-{uuid.uuid4().hex}@klient.invalid",
        fornamn="API",
        efternamn=namn.strip()[:100],
        is_active=False,
    )
    anvandare.set_unusable_password()
    anvandare.save()
    Medlemskap.objects.create(
        user=anvandare,
        roll=Roll.HANDLAGGARE,
        forbund=organisation.forbund,
        organisation=organisation,
        insats=None,
        giltig_till=giltig_till,
    )
    token = ny_nyckel()
    slut = datetime.datetime.combine(giltig_till, datetime.time.max)
    klient = ApiKlient.objects.create(
        forbund=organisation.forbund,
        organisation=organisation,
        namn=namn.strip(),
        scopes=sorted(set(scopes)),
        nyckel_hash=hash_nyckel(token),
        nyckel_borjan=token[:8],
        anvandare=anvandare,
        giltig_till=timezone.make_aware(slut),
        skapad_av=actor,
    )
    audit.record(
        action=audit.Action.CREATE,
        actor=actor,
        obj=klient,
        forbund=organisation.forbund,
        request=request,
        detail={"scopes": klient.scopes},
    )
    return klient, token


@transaction.atomic
def api_klient_aterkalla(*, actor, klient: ApiKlient, request=None) -> ApiKlient:
    """Revoke at once: the next call with the token is a 401. Revoking twice is a no-op."""
    klient = ApiKlient.objects.select_for_update().get(pk=klient.pk)
    if not ar_admin_for(actor, klient.forbund_id):
        raise PermissionDenied
    if klient.aterkallad is not None:
        return klient
    klient.aterkallad = timezone.now()
    klient.aterkallad_av = actor
    klient.save(update_fields=["aterkallad", "aterkallad_av"])
    Medlemskap.objects.filter(
        user=klient.anvandare_id, giltig_till__gt=timezone.localdate()
    ).update(giltig_till=timezone.localdate())
    audit.record(
        action=audit.Action.CHANGE,
        actor=actor,
        obj=klient,
        forbund=klient.forbund,
        request=request,
        detail={"aterkallad": True},
    )
    return klient
