"""The user: a person who logs in (staff, handläggare and board members alike)."""

import uuid

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import get_random_string, salted_hmac
from django.utils.translation import gettext_lazy as _

from samverkan.querysets import UserQuerySet


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("E-postadress krävs.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


def _new_session_key():
    return get_random_string(32)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in. Staff, handläggare and board members alike."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-postadress"), unique=True)
    fornamn = models.CharField(_("förnamn"), max_length=100, blank=True)
    efternamn = models.CharField(_("efternamn"), max_length=100, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_staff = models.BooleanField(
        _("tillgång till Django-admin"),
        default=False,
        help_text=_("Endast för systemförvaltare."),
    )
    date_joined = models.DateTimeField(_("skapad"), default=timezone.now)
    # Rotated at logout: every session of the user stops verifying at once.
    session_nyckel = models.CharField(max_length=32, default=_new_session_key, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unik_skiftlage"),
        ]

    def __str__(self):
        return self.namn or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def namn(self):
        return f"{self.fornamn} {self.efternamn}".strip()

    def get_full_name(self):
        return self.namn or self.email

    def get_short_name(self):
        return self.fornamn or self.email

    def get_session_auth_hash(self):
        return self._session_hash(settings.SECRET_KEY)

    def get_session_auth_fallback_hash(self):
        # SECRET_KEY_FALLBACKS: rotating the key does not sign everyone out.
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._session_hash(secret)

    def _session_hash(self, secret):
        return salted_hmac(
            "samverkan.User.session",
            f"{self.password}:{self.session_nyckel}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()
