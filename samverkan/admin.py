"""Django admin for superusers: set up förbund, organisations, insatser and users.

Every save and delete here writes an audit event, like the services do.
"""

from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan import audit
from samverkan.models import AuditEvent, Forbund, Inbjudan, Insats, Medlemskap, Organisation, User


def _superuser_only(request):
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superuser_only


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit.record(
                action=audit.Action.CHANGE if change else audit.Action.CREATE,
                request=request,
                obj=obj,
                detail={"falt": sorted(form.changed_data)[:30], "via": "admin"},
            )

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit.record(
                action=audit.Action.DELETE, request=request, obj=obj, detail={"via": "admin"}
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The list's "delete selected" action: one event per object, as one at a time.
        with transaction.atomic():
            for obj in queryset:
                audit.record(
                    action=audit.Action.DELETE, request=request, obj=obj, detail={"via": "admin"}
                )
            super().delete_queryset(request, queryset)


class MedlemskapInline(admin.TabularInline):
    model = Medlemskap
    extra = 0
    autocomplete_fields = ["forbund", "insats", "organisation"]


class SamverkanUserCreationForm(forms.ModelForm):
    """No password field: the new user chooses one through a mailed link (ASVS 6.4.1)."""

    class Meta:
        model = User
        fields = ("email", "fornamn", "efternamn")

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class SamverkanUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.action(description=_("Logga ut från alla sessioner"))
def logga_ut_overallt(modeladmin, request, queryset):
    """End every session of the chosen users at once (a lost phone, a suspicion)."""
    from django.utils.crypto import get_random_string

    with transaction.atomic():
        for user in queryset:
            User.objects.filter(pk=user.pk).update(session_nyckel=get_random_string(32))
            audit.record(
                action=audit.Action.SESSION_EXPIRED,
                request=request,
                obj=user,
                detail={"via": "admin", "alla_sessioner": True},
            )


# allauth's own admin shows the encrypted secret and writes no audit event.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(AuditedAdmin):
    """A user's TOTP and recovery codes: seen, and deleted when a phone is lost (the
    user then sets TOTP up again at the next login). Only the user creates them."""

    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__email"]
    fields = ["user", "type", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    actions = [logga_ut_overallt]
    form = SamverkanUserChangeForm
    add_form = SamverkanUserCreationForm
    ordering = ["email"]
    list_display = ["email", "fornamn", "efternamn", "is_active", "is_superuser", "last_login"]
    list_filter = ["is_active", "is_superuser", "medlemskap__roll"]
    search_fields = ["email", "fornamn", "efternamn"]
    inlines = [MedlemskapInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Namn"), {"fields": ["fornamn", "efternamn"]}),
        (_("Behörighet"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Datum"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "fornamn", "efternamn"],
                "description": _(
                    "Kontot skapas utan lösenord. Användaren får ett mejl med en länk "
                    "för att välja sitt eget."
                ),
            },
        )
    ]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            from samverkan.konto import skicka_valkomstlank

            transaction.on_commit(lambda: skicka_valkomstlank(user=obj, request=request))


@admin.register(Forbund)
class ForbundAdmin(AuditedAdmin):
    list_display = ["namn", "organisationsnummer", "smacellsgrans", "gallring_ar"]
    search_fields = ["namn", "organisationsnummer"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["namn", "typ", "forbund", "kommunkod", "aktiv"]
    list_filter = ["typ", "forbund", "aktiv"]
    search_fields = ["namn"]


@admin.register(Insats)
class InsatsAdmin(AuditedAdmin):
    list_display = ["namn", "forbund", "typ", "startdatum", "slutdatum"]
    list_filter = ["forbund", "typ"]
    search_fields = ["namn"]


@admin.register(Medlemskap)
class MedlemskapAdmin(AuditedAdmin):
    list_display = [
        "user",
        "roll",
        "forbund",
        "insats",
        "organisation",
        "giltig_fran",
        "giltig_till",
    ]
    list_filter = ["roll", "forbund"]
    search_fields = ["user__email", "user__efternamn"]
    autocomplete_fields = ["user", "forbund", "insats", "organisation"]


@admin.register(Inbjudan)
class InbjudanAdmin(AuditedAdmin):
    list_display = ["epost", "organisation", "giltig_till"]
    search_fields = ["epost"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail cannot be changed, here or in the database."""

    list_display = ["tidpunkt", "action", "actor", "object_type", "object_id", "forbund", "ip"]
    list_filter = ["action", "forbund"]
    search_fields = ["object_id", "actor__email"]
    date_hierarchy = "tidpunkt"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
