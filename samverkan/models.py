"""The shared core: users, förbund, partner organisations, insatser, roles and the audit trail."""

import uuid

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import get_random_string, salted_hmac
from django.utils.translation import gettext_lazy as _

from samverkan.querysets import (
    AuditEventQuerySet,
    ForbundQuerySet,
    InsatsQuerySet,
    MedlemskapQuerySet,
    OrganisationQuerySet,
    UserQuerySet,
)
from samverkan.validators import (
    validate_aldersband,
    validate_epostdomaner,
    validate_organisationsnummer,
)


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


class Forbund(models.Model):
    """A samordningsförbund. Its data never mixes with another's."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    namn = models.CharField(_("namn"), max_length=200)
    organisationsnummer = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        unique=True,
        validators=[validate_organisationsnummer],
        help_text=_("Format NNNNNN-NNNN."),
    )
    smacellsgrans = models.PositiveSmallIntegerField(
        _("gräns för små celler"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
        help_text=_("Antal under denna gräns visas inte i styrelsematerial."),
    )
    gallring_ar = models.PositiveSmallIntegerField(
        _("gallring efter antal år"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Personuppgifter gallras så många år efter senaste avslut."),
    )
    anonyma_vid_skyddad_identitet = models.BooleanField(
        _("skyddad identitet registreras anonymt"),
        default=False,
        help_text=_("Deltagare med skyddade personuppgifter registreras med bara kön och startår."),
    )
    logggranskning_dagar = models.PositiveSmallIntegerField(
        _("logggranskning var (dagar)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text=_("Så ofta kansliet granskar loggen; startsidan påminner när det är dags."),
    )

    objects = ForbundQuerySet.as_manager()

    class Meta:
        verbose_name = _("samordningsförbund")
        verbose_name_plural = _("samordningsförbund")
        ordering = ["namn"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(smacellsgrans__gte=2), name="forbund_smacellsgrans_minst_2"
            ),
            models.CheckConstraint(
                condition=models.Q(gallring_ar__gte=1), name="forbund_gallring_ar_minst_1"
            ),
        ]

    def __str__(self):
        return self.namn


class Organisation(models.Model):
    """A partner agency of a förbund: AF, FK, a kommun, a region or another body."""

    class Typ(models.TextChoices):
        AF = "af", _("Arbetsförmedlingen")
        FK = "fk", _("Försäkringskassan")
        KOMMUN = "kommun", _("Kommun")
        REGION = "region", _("Region")
        ANNAN = "annan", _("Annan")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="organisationer", verbose_name=_("förbund")
    )
    typ = models.CharField(_("typ"), max_length=10, choices=Typ.choices)
    namn = models.CharField(_("namn"), max_length=200)
    kommunkod = models.CharField(
        _("kommunkod"),
        max_length=4,
        blank=True,
        help_text=_("Fyra siffror, för kommuner."),
    )
    epostdomaner = models.JSONField(
        _("e-postdomäner"),
        default=list,
        blank=True,
        validators=[validate_epostdomaner],
        help_text=_("Domäner som organisationens handläggare använder, t.ex. kommun.se."),
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["forbund", "typ", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="organisation_unikt_namn_per_forbund"
            ),
            models.CheckConstraint(
                condition=~models.Q(typ="kommun") | models.Q(kommunkod__regex=r"^[0-9]{4}$"),
                name="organisation_kommun_har_kommunkod",
            ),
        ]

    def __str__(self):
        return self.namn

    def clean(self):
        super().clean()
        if self.typ == self.Typ.KOMMUN and not (
            len(self.kommunkod) == 4 and self.kommunkod.isdigit()
        ):
            raise ValidationError(
                {"kommunkod": _("En kommun behöver en kommunkod med fyra siffror.")}
            )
        self.epostdomaner = sorted(
            {d.strip().lower().lstrip("@") for d in self.epostdomaner if d.strip()}
        )


DEFAULT_ALDERSBAND = [[16, 19], [20, 24], [25, 29], [30, 39], [40, 49], [50, 64], [65, None]]


def default_aldersband():
    return [list(band) for band in DEFAULT_ALDERSBAND]


class Insats(models.Model):
    """An insats funded by the förbund, with its process settings."""

    class Typ(models.TextChoices):
        INDIVID = "individ", _("Individinriktad")
        STRUKTUR = "struktur", _("Strukturövergripande")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="insatser", verbose_name=_("förbund")
    )
    namn = models.CharField(_("namn"), max_length=200)
    typ = models.CharField(_("typ"), max_length=10, choices=Typ.choices, default=Typ.INDIVID)
    beskrivning = models.TextField(_("beskrivning"), blank=True)
    startdatum = models.DateField(_("startdatum"))
    slutdatum = models.DateField(_("slutdatum"), null=True, blank=True)
    malgrupp_alder_min = models.PositiveSmallIntegerField(
        _("lägsta ålder"), default=16, validators=[MaxValueValidator(120)]
    )
    malgrupp_alder_max = models.PositiveSmallIntegerField(
        _("högsta ålder"), default=64, validators=[MaxValueValidator(120)]
    )
    inklusionskriterier = models.TextField(_("inklusionskriterier"), blank=True)
    exklusionskriterier = models.TextField(_("exklusionskriterier"), blank=True)
    svarsfrist_dagar = models.PositiveSmallIntegerField(
        _("svarsfrist för remisser (dagar)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    kartlaggning_samtal_min = models.PositiveSmallIntegerField(
        _("kartläggningssamtal, minst"), default=3, validators=[MinValueValidator(1)]
    )
    kartlaggning_samtal_max = models.PositiveSmallIntegerField(
        _("kartläggningssamtal, högst"), default=6, validators=[MaxValueValidator(30)]
    )
    max_manader = models.PositiveSmallIntegerField(
        _("längsta tid i insatsen (månader)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    forlangning_manader = models.PositiveSmallIntegerField(
        _("förlängning (månader)"),
        default=6,
        validators=[MaxValueValidator(36)],
        help_text=_("En förlängning som styrgruppen beslutar om. 0 betyder ingen förlängning."),
    )
    informationsmote_forst = models.BooleanField(
        _("informationsmöte före inskrivning"), default=False
    )
    min_antal_myndigheter = models.PositiveSmallIntegerField(
        _("minsta antal myndigheter personen är aktuell hos"),
        default=2,
        validators=[MaxValueValidator(4)],
    )
    remittentkontakt_dagar = models.PositiveSmallIntegerField(
        _("kontakt med remittenten minst var (dagar)"),
        default=30,
        validators=[MinValueValidator(7), MaxValueValidator(180)],
        help_text=_("Förbundens verksamhetsplaner anger ofta månatlig kontakt: 30 dagar."),
    )
    aldersband = models.JSONField(
        _("åldersband i rapporter"),
        default=default_aldersband,
        validators=[validate_aldersband],
        help_text=_("Par av [från, till]; till kan vara tomt för det sista bandet."),
    )

    objects = InsatsQuerySet.as_manager()

    # What the förbund office may set; the form and the services share it.
    EDITABLE_FIELDS = (
        "namn",
        "typ",
        "beskrivning",
        "startdatum",
        "slutdatum",
        "malgrupp_alder_min",
        "malgrupp_alder_max",
        "inklusionskriterier",
        "exklusionskriterier",
        "svarsfrist_dagar",
        "kartlaggning_samtal_min",
        "kartlaggning_samtal_max",
        "max_manader",
        "forlangning_manader",
        "informationsmote_forst",
        "min_antal_myndigheter",
        "remittentkontakt_dagar",
        "aldersband",
    )

    class Meta:
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")
        ordering = ["forbund", "namn"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "namn"], name="insats_unikt_namn_per_forbund"
            ),
            models.CheckConstraint(
                condition=models.Q(malgrupp_alder_min__lte=models.F("malgrupp_alder_max")),
                name="insats_alder_min_lte_max",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kartlaggning_samtal_min__lte=models.F("kartlaggning_samtal_max")
                ),
                name="insats_samtal_min_lte_max",
            ),
            models.CheckConstraint(
                condition=models.Q(slutdatum__isnull=True)
                | models.Q(slutdatum__gte=models.F("startdatum")),
                name="insats_slut_efter_start",
            ),
            models.CheckConstraint(
                condition=models.Q(svarsfrist_dagar__gte=1), name="insats_svarsfrist_minst_1"
            ),
            models.CheckConstraint(
                condition=models.Q(max_manader__gte=1), name="insats_max_manader_minst_1"
            ),
        ]

    def __str__(self):
        return self.namn

    def clean(self):
        super().clean()
        errors = {}
        lo, hi = self.malgrupp_alder_min, self.malgrupp_alder_max
        if lo is not None and hi is not None and lo > hi:
            errors["malgrupp_alder_max"] = _("Högsta ålder kan inte vara lägre än lägsta ålder.")
        lo, hi = self.kartlaggning_samtal_min, self.kartlaggning_samtal_max
        if lo is not None and hi is not None and lo > hi:
            errors["kartlaggning_samtal_max"] = _(
                "Högsta antal samtal kan inte vara lägre än lägsta antal."
            )
        if self.startdatum and self.slutdatum and self.slutdatum < self.startdatum:
            errors["slutdatum"] = _("Slutdatum kan inte vara före startdatum.")
        if errors:
            raise ValidationError(errors)

    @property
    def ar_individinriktad(self):
        return self.typ == self.Typ.INDIVID


class Roll(models.TextChoices):
    SAMORDNARE = "samordnare", _("Samordnare")
    HANDLAGGARE = "handlaggare", _("Handläggare")
    FORBUNDSADMIN = "forbundsadmin", _("Förbundsadministratör")
    STYRELSE = "styrelse", _("Styrelse")


class Medlemskap(models.Model):
    """A role a user holds: in an insats (samordnare), for an organisation
    (handläggare) or for the whole förbund (administratör, styrelse)."""

    class Befattning(models.TextChoices):
        SAMORDNARE = "samordnare", _("Samordnare")
        COACH = "coach", _("Coach")
        TEAMLEDARE = "teamledare", _("Teamledare")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="medlemskap", verbose_name=_("användare")
    )
    roll = models.CharField(_("roll"), max_length=20, choices=Roll.choices)
    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="medlemskap", verbose_name=_("förbund")
    )
    insats = models.ForeignKey(
        Insats,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medlemskap",
        verbose_name=_("insats"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medlemskap",
        verbose_name=_("organisation"),
    )
    befattning = models.CharField(
        _("befattning"), max_length=20, choices=Befattning.choices, blank=True
    )
    giltig_fran = models.DateField(_("giltig från"), default=timezone.localdate)
    giltig_till = models.DateField(_("giltig till"), null=True, blank=True)

    objects = MedlemskapQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = ["forbund", "roll"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(roll="samordnare")
                | models.Q(insats__isnull=False, organisation__isnull=True),
                name="medlemskap_samordnare_har_insats",
            ),
            models.CheckConstraint(
                condition=~models.Q(roll="handlaggare")
                | models.Q(organisation__isnull=False, insats__isnull=True),
                name="medlemskap_handlaggare_har_organisation",
            ),
            models.CheckConstraint(
                condition=~models.Q(roll="forbundsadmin")
                | models.Q(insats__isnull=True, organisation__isnull=True),
                name="medlemskap_admin_hela_forbundet",
            ),
            models.CheckConstraint(
                condition=~models.Q(roll="styrelse") | models.Q(organisation__isnull=True),
                name="medlemskap_styrelse_utan_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(giltig_till__isnull=True)
                | models.Q(giltig_till__gte=models.F("giltig_fran")),
                name="medlemskap_till_efter_fran",
            ),
            models.UniqueConstraint(
                fields=["user", "roll", "forbund", "insats", "organisation"],
                name="medlemskap_unik",
            ),
        ]

    def __str__(self):
        scope = self.insats or self.organisation or self.forbund
        return f"{self.user} – {self.get_roll_display()} – {scope}"

    def clean(self):
        super().clean()
        errors = {}
        if self.roll == Roll.SAMORDNARE and not self.insats_id:
            errors["insats"] = _("En samordnare hör till en insats.")
        if self.roll == Roll.HANDLAGGARE and not self.organisation_id:
            errors["organisation"] = _("En handläggare hör till en organisation.")
        if self.roll in (Roll.FORBUNDSADMIN, Roll.HANDLAGGARE) and self.insats_id:
            errors["insats"] = _("Den här rollen gäller inte en enskild insats.")
        if self.roll != Roll.HANDLAGGARE and self.organisation_id:
            errors["organisation"] = _("Bara handläggare hör till en organisation.")
        if self.insats_id and self.forbund_id and self.insats.forbund_id != self.forbund_id:
            errors["insats"] = _("Insatsen hör till ett annat förbund.")
        if (
            self.organisation_id
            and self.forbund_id
            and self.organisation.forbund_id != self.forbund_id
        ):
            errors["organisation"] = _("Organisationen hör till ett annat förbund.")
        if self.giltig_till and self.giltig_fran and self.giltig_till < self.giltig_fran:
            errors["giltig_till"] = _("Slutdatum kan inte vara före startdatum.")
        if errors:
            raise ValidationError(errors)


class Inbjudan(models.Model):
    """An address the förbund lets log in by code as handläggare, outside the
    organisation's registered domains (e.g. a consultant)."""

    epost = models.EmailField(_("e-postadress"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="inbjudningar"
    )
    giltig_till = models.DateField(_("giltig till"))
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        constraints = [
            models.UniqueConstraint(
                Lower("epost"), "organisation", name="inbjudan_unik_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.epost} – {self.organisation}"


class AuditEvent(models.Model):
    """One row per read, change, print, export, login or refused access.

    Append-only: triggers created in migration 0002 make the database refuse
    UPDATE and DELETE. Write only through samverkan.audit.record().
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("Inloggning")
        LOGIN_FAILED = "login_failed", _("Misslyckad inloggning")
        LOGIN_CODE = "login_code", _("Inloggningskod begärd")
        LOCKOUT = "lockout", _("Konto spärrat")
        LOGOUT = "logout", _("Utloggning")
        SESSION_EXPIRED = "session_expired", _("Session avslutad")
        MFA_ADDED = "mfa_added", _("Tvåstegsverifiering aktiverad")
        MFA_REMOVED = "mfa_removed", _("Tvåstegsverifiering borttagen")
        MFA_RESET = "mfa_reset", _("Återställningskoder skapade")
        ACCESS_DENIED = "access_denied", _("Åtkomst utanför behörighet")
        READ = "read", _("Läsning")
        CREATE = "create", _("Skapande")
        CHANGE = "change", _("Ändring")
        DELETE = "delete", _("Borttagning")
        PRINT = "print", _("Utskrift")
        EXPORT = "export", _("Export")

    tidpunkt = models.DateTimeField(_("tidpunkt"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("användare"),
    )
    action = models.CharField(_("händelse"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("objekttyp"), max_length=60, blank=True)
    object_id = models.CharField(_("objekt-id"), max_length=64, blank=True)
    forbund = models.ForeignKey(
        Forbund,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("förbund"),
    )
    # The participant the event concerns, by uuid (set by the deltagare app).
    deltagare_uuid = models.UUIDField(_("deltagare"), null=True, blank=True, db_index=True)
    ip = models.GenericIPAddressField(_("IP-adress"), null=True, blank=True)
    detail = models.JSONField(_("detaljer"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("logghändelse")
        verbose_name_plural = _("logghändelser")
        ordering = ["-tidpunkt", "-id"]
        indexes = [
            models.Index(fields=["forbund", "tidpunkt"], name="audit_forbund_tid"),
            models.Index(fields=["actor", "tidpunkt"], name="audit_actor_tid"),
            models.Index(fields=["object_type", "object_id"], name="audit_objekt"),
        ]

    def __str__(self):
        return f"{self.tidpunkt:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"


class Logggranskning(models.Model):
    """The office's record that it reviewed the audit trail (logguppföljning):
    who, when, which period and sample, and what was found. Never edited."""

    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    granskad_av = models.ForeignKey(
        "samverkan.User",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granskad av"),
    )
    granskad = models.DateField(_("granskningsdag"))
    period_fran = models.DateField(_("loggen från och med"))
    period_till = models.DateField(_("loggen till och med"))
    urval = models.TextField(
        _("urval"), help_text=_("Vilka händelser eller användare som granskades.")
    )
    fynd = models.TextField(
        _("fynd"), help_text=_("Vad granskningen visade; skriv inga personuppgifter.")
    )
    atgarder = models.TextField(_("åtgärder"), blank=True)
    skapad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("logggranskning")
        verbose_name_plural = _("logggranskningar")
        ordering = ["-granskad", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_till__gte=models.F("period_fran")),
                name="logggranskning_period_i_ordning",
            ),
        ]

    def __str__(self):
        return f"{self.forbund} {self.granskad:%Y-%m-%d}"


class Gallringskorning(models.Model):
    """One run of gallring for one förbund: counts only, never persons."""

    forbund = models.ForeignKey(
        Forbund, on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    tidpunkt = models.DateTimeField(_("tidpunkt"), default=timezone.now)
    provkorning = models.BooleanField(_("provkörning"), default=False)
    gransdatum = models.DateField(_("avslutade senast"))
    antal_deltagare = models.PositiveIntegerField(_("deltagare"), default=0)
    antal_inskrivningar = models.PositiveIntegerField(_("inskrivningar"), default=0)
    antal_remisser = models.PositiveIntegerField(_("remisser"), default=0)
    antal_filer = models.PositiveIntegerField(_("filer"), default=0)
    antal_stoppade = models.PositiveIntegerField(_("stoppade av gallringsstopp"), default=0)
    utford_av = models.ForeignKey(
        "samverkan.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utförd av"),
    )

    class Meta:
        verbose_name = _("gallringskörning")
        verbose_name_plural = _("gallringskörningar")
        ordering = ["-tidpunkt", "-pk"]

    def __str__(self):
        return f"{self.forbund} {self.tidpunkt:%Y-%m-%d}"
