"""Applications for funds (ansökan om medel), their budget and attachments."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.validators import validate_organisationsnummer
from styrelse.models import falt
from styrelse.querysets import AnsokanQuerySet

HUVUDMAN_TYPER = ("af", "fk", "kommun", "region")


class Ansokan(models.Model):
    """An application for funds (ansökan om medel), written in sections."""

    class Typ(models.TextChoices):
        NY = "ny", _("Ny insats")
        FORTSATTNING = "fortsattning", _("Fortsättning av befintlig insats")
        TILLAGG = "tillagg", _("Tilläggsansökan")
        MEDFINANSIERING = "medfinansiering", _("Medfinansiering av externt projekt")

    class Status(models.TextChoices):
        UTKAST = "utkast", _("Utkast")
        INKOMMEN = "inkommen", _("Inkommen")
        UNDER_BEREDNING = "under_beredning", _("Under beredning")
        PA_DAGORDNINGEN = "pa_dagordningen", _("På dagordningen")
        BEVILJAD = "beviljad", _("Beviljad")
        DELVIS_BEVILJAD = "delvis_beviljad", _("Delvis beviljad")
        AVSLAGEN = "avslagen", _("Avslagen")
        ATERREMITTERAD = "aterremitterad", _("Återremitterad")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = falt.forbund(verbose_name=_("förbund"))
    typ = models.CharField(_("typ av ansökan"), max_length=20, choices=Typ.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UTKAST
    )
    # The partner organisation whose staff wrote it; empty for an external applicant.
    organisation = models.ForeignKey(
        "samverkan.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    pappersansokan = models.BooleanField(_("registrerad från papper"), default=False)
    insats = models.ForeignKey(
        "samverkan.Insats",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("befintlig insats"),
        help_text=_("För fortsättning och tilläggsansökan; för en ny insats när den beviljats."),
    )
    # Sökande organisation
    sokande_namn = models.CharField(_("sökande organisation"), max_length=200, blank=True)
    organisationsnummer = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_organisationsnummer],
        help_text=_("Format NNNNNN-NNNN."),
    )
    adress = models.CharField(_("adress"), max_length=300, blank=True)
    firmatecknare = models.CharField(_("firmatecknare"), max_length=200, blank=True)
    kontaktperson = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    kontakt_epost = models.EmailField(_("kontaktpersonens e-post"), blank=True)
    kontakt_telefon = models.CharField(_("kontaktpersonens telefon"), max_length=40, blank=True)
    plusgiro_bankgiro = models.CharField(_("plusgiro eller bankgiro"), max_length=20, blank=True)
    # Insatsen
    insats_namn = models.CharField(_("insatsens namn"), max_length=200, blank=True)
    period_start = models.DateField(_("period från"), null=True, blank=True)
    period_slut = models.DateField(_("period till"), null=True, blank=True)
    bakgrund = models.TextField(_("bakgrund och problembeskrivning"), blank=True)
    syfte = models.TextField(_("syfte"), blank=True)
    mal = models.TextField(_("mål"), blank=True)
    malgrupp = models.TextField(_("målgrupp"), blank=True)
    malgrupp_storlek = models.PositiveIntegerField(_("antal i målgruppen"), null=True, blank=True)
    jamstalldhet = models.TextField(_("jämställdhet"), blank=True)
    tillganglighet = models.TextField(_("tillgänglighet"), blank=True)
    mangfald = models.TextField(_("mångfald"), blank=True)
    avgransningar = models.TextField(_("avgränsningar"), blank=True)
    mervarde = models.TextField(_("mervärde"), blank=True)
    genomforande = models.TextField(_("genomförande och samverkan"), blank=True)
    huvudman = models.ManyToManyField(
        "samverkan.Organisation",
        blank=True,
        related_name="+",
        verbose_name=_("huvudmän som deltar"),
    )
    tidplan = models.TextField(_("tid- och aktivitetsplan"), blank=True)
    uppfoljning = models.TextField(_("uppföljning och utvärdering"), blank=True)
    implementering = models.TextField(_("implementering"), blank=True)
    # Medfinansiering of an external project
    projekt_total_finansiering = falt.kronor(
        _("projektets totala finansiering (kr)"), null=True, blank=True
    )
    projekt_villkor = models.TextField(
        _("villkor som finansieringen beror på"),
        blank=True,
        help_text=_("T.ex. att Europeiska socialfonden beviljar projektet."),
    )
    signerad_kopia = models.FileField(
        _("underskriven ansökan"), upload_to="styrelse/ansokningar/", blank=True
    )
    # Beredning
    inkommen = models.DateTimeField(_("inkommen"), null=True, blank=True)
    lsg_tillstyrkt = models.BooleanField(
        _("tillstyrkt av lokala samverkansgruppen"), null=True, blank=True
    )
    lsg_datum = models.DateField(_("lokala samverkansgruppens datum"), null=True, blank=True)
    beredning = models.TextField(_("kansliets beredning"), blank=True)
    beslutstext = models.TextField(_("beslut"), blank=True)
    skapad = models.DateTimeField(auto_now_add=True)
    andrad = models.DateTimeField(auto_now=True)

    objects = AnsokanQuerySet.as_manager()

    # The form's sections, each saved on its own (the draft).
    SEKTIONER = {
        "sokande": (
            "sokande_namn",
            "organisationsnummer",
            "adress",
            "firmatecknare",
            "kontaktperson",
            "kontakt_epost",
            "kontakt_telefon",
            "plusgiro_bankgiro",
        ),
        "insats": ("typ", "insats", "insats_namn", "period_start", "period_slut"),
        "bakgrund": ("bakgrund", "syfte", "mal"),
        "malgrupp": ("malgrupp", "malgrupp_storlek", "jamstalldhet", "tillganglighet", "mangfald"),
        "genomforande": ("avgransningar", "mervarde", "genomforande", "huvudman"),
        "plan": ("tidplan", "uppfoljning", "implementering"),
        "medfinansiering": ("projekt_total_finansiering", "projekt_villkor"),
    }
    # Filled in before the application can be sent.
    KRAVS = (
        "sokande_namn",
        "organisationsnummer",
        "kontaktperson",
        "insats_namn",
        "period_start",
        "period_slut",
        "bakgrund",
        "syfte",
        "mal",
        "malgrupp",
        "genomforande",
    )

    class Meta:
        verbose_name = _("ansökan om medel")
        verbose_name_plural = _("ansökningar om medel")
        ordering = ["-skapad"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_slut__isnull=True)
                | models.Q(period_slut__gte=models.F("period_start")),
                name="ansokan_period_i_ordning",
            ),
            models.CheckConstraint(
                condition=models.Q(status="utkast") | models.Q(inkommen__isnull=False),
                name="ansokan_inskickad_har_datum",
            ),
        ]
        indexes = [models.Index(fields=["forbund", "status"], name="ansokan_lista")]

    def __str__(self):
        return self.insats_namn or str(_("Ansökan utan namn"))

    @property
    def sokt_totalt(self) -> int:
        return sum(rad.netto for rad in self.budgetrader.all())

    @property
    def ar_beslutad(self):
        return self.status in (
            self.Status.BEVILJAD,
            self.Status.DELVIS_BEVILJAD,
            self.Status.AVSLAGEN,
        )


class Budgetrad(models.Model):
    """One year of the application's budget. Sums and the net cost (what the
    förbund is asked for) are computed, never typed."""

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="budgetrader")
    ar = falt.ar()
    personal = falt.kronor(_("personal"), default=0)
    lokal = falt.kronor(_("lokal"), default=0)
    ovrigt = falt.kronor(_("övriga kostnader"), default=0)
    utvardering = falt.kronor(_("utvärdering"), default=0)
    intakter = falt.kronor(_("intäkter utöver förbundets bidrag"), default=0)

    KOSTNADER = ("personal", "lokal", "ovrigt", "utvardering")

    class Meta:
        verbose_name = _("budgetrad")
        verbose_name_plural = _("budgetrader")
        ordering = ["ar"]
        constraints = [
            models.UniqueConstraint(fields=["ansokan", "ar"], name="budgetrad_ett_per_ar"),
            models.CheckConstraint(
                condition=models.Q(personal__gte=0)
                & models.Q(lokal__gte=0)
                & models.Q(ovrigt__gte=0)
                & models.Q(utvardering__gte=0)
                & models.Q(intakter__gte=0),
                name="budgetrad_ej_negativ",
            ),
        ]

    def __str__(self):
        return str(self.ar)

    @property
    def kostnader(self) -> int:
        return int(sum(getattr(self, f) or 0 for f in self.KOSTNADER))

    @property
    def netto(self) -> int:
        return self.kostnader - int(self.intakter or 0)


class Ansokningsbilaga(models.Model):
    """A file attached to an application, checked from its content and scanned."""

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="bilagor")
    fil = models.FileField(upload_to="styrelse/bilagor/")
    namn = models.CharField(_("namn"), max_length=200)
    content_type = models.CharField(max_length=50)
    storlek = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uppladdad = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        ordering = ["uppladdad"]

    def __str__(self):
        return self.namn
