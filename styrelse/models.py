"""Board work: applications for funds, board meetings with their agenda, decisions
per paragraph (§), protocols frozen when published, and the förbund's economy.

Nothing here is about participants: applications and protocols are public
documents of a public authority (see docs/styrelse.md).
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.validators import validate_organisationsnummer
from styrelse.querysets import (
    AnsokanQuerySet,
    ArendeQuerySet,
    ForbundsradQuerySet,
    ProtokollversionQuerySet,
    SammantradeQuerySet,
)

HUVUDMAN_TYPER = ("af", "fk", "kommun", "region")


class Forbundsinstallning(models.Model):
    """The förbund's board settings and its paragraph counter.

    `senaste_paragraf` is the counter row: drawing up a protocol locks it
    (SELECT … FOR UPDATE), so two protocols never get the same number."""

    forbund = models.OneToOneField(
        "samverkan.Forbund",
        on_delete=models.PROTECT,
        related_name="styrelseinstallning",
        verbose_name=_("förbund"),
    )
    senaste_paragraf = models.PositiveIntegerField(_("senast använda paragraf"), default=0)
    eget_kapital_grans_procent = models.DecimalField(
        _("rekommenderat högsta eget kapital (% av årets intäkter)"),
        max_digits=5,
        decimal_places=1,
        default=20,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Nationella rådets rekommendation: vanligen 20 % för större förbund."),
    )
    anslagstavla = models.CharField(
        _("anslagstavla"), max_length=200, default="kommunens digitala anslagstavla"
    )
    forvaringsplats = models.CharField(
        _("förvaringsplats för protokollet"), max_length=200, default="Förbundets kansli"
    )

    class Meta:
        verbose_name = _("styrelseinställning")
        verbose_name_plural = _("styrelseinställningar")

    def __str__(self):
        return str(self.forbund)


class ForbundEkonomiAr(models.Model):
    """The förbund's own income for a year. FINSAM: the state (through
    Försäkringskassan) pays half, the region a quarter, the kommuner a quarter."""

    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    ar = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    statligt_bidrag = models.DecimalField(
        _("statens bidrag via Försäkringskassan (kr)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    ovriga_intakter = models.DecimalField(
        _("övriga intäkter (kr)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    ingaende_eget_kapital = models.DecimalField(
        _("eget kapital vid årets början (kr)"), max_digits=12, decimal_places=0, default=0
    )
    administration = models.DecimalField(
        _("kansli och administration (kr)"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )

    objects = ForbundsradQuerySet.as_manager()

    class Meta:
        verbose_name = _("förbundets ekonomi")
        verbose_name_plural = _("förbundets ekonomi")
        ordering = ["forbund", "-ar"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "ar"], name="forbundekonomi_en_per_ar"),
        ]

    def __str__(self):
        return f"{self.forbund} {self.ar}"


class Kommunandel(models.Model):
    """A kommun's share (per cent) of the kommuner's quarter, e.g. by population."""

    ekonomi_ar = models.ForeignKey(
        ForbundEkonomiAr, on_delete=models.CASCADE, related_name="kommunandelar"
    )
    organisation = models.ForeignKey(
        "samverkan.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    andel_procent = models.DecimalField(
        _("andel (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("kommunandel")
        verbose_name_plural = _("kommunandelar")
        constraints = [
            models.UniqueConstraint(fields=["ekonomi_ar", "organisation"], name="kommunandel_unik"),
        ]

    def __str__(self):
        return f"{self.organisation_id} {self.andel_procent} %"


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
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
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
    projekt_total_finansiering = models.DecimalField(
        _("projektets totala finansiering (kr)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
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
    ar = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    personal = models.DecimalField(
        _("personal"), max_digits=12, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )
    lokal = models.DecimalField(
        _("lokal"), max_digits=12, decimal_places=0, default=0, validators=[MinValueValidator(0)]
    )
    ovrigt = models.DecimalField(
        _("övriga kostnader"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    utvardering = models.DecimalField(
        _("utvärdering"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )
    intakter = models.DecimalField(
        _("intäkter utöver förbundets bidrag"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
    )

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


class Sammantrade(models.Model):
    """A board meeting. Its protocol is drawn up (paragraphs numbered), justerat
    by each justerare, then published as a frozen PDF."""

    class Typ(models.TextChoices):
        ORDINARIE = "ordinarie", _("Ordinarie sammanträde")
        EXTRA = "extra", _("Extra sammanträde")
        PLANERINGSDAG = "planeringsdag", _("Planeringsdag")

    class Status(models.TextChoices):
        PLANERAT = "planerat", _("Planerat")
        KALLAT = "kallat", _("Kallelse skickad")
        UPPRATTAT = "upprattat", _("Protokoll upprättat")
        JUSTERAT = "justerat", _("Protokoll justerat")
        PUBLICERAT = "publicerat", _("Protokoll publicerat")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    forbund = models.ForeignKey(
        "samverkan.Forbund", on_delete=models.PROTECT, related_name="+", verbose_name=_("förbund")
    )
    datum = models.DateField(_("datum"))
    starttid = models.TimeField(_("starttid"))
    sluttid = models.TimeField(_("sluttid"), null=True, blank=True)
    plats = models.CharField(_("plats"), max_length=200)
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices, default=Typ.ORDINARIE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANERAT
    )
    upprattat = models.DateTimeField(_("protokollet upprättat"), null=True, blank=True)
    anslag_uppsatt = models.DateField(_("anslaget sattes upp"), null=True, blank=True)
    anslag_nedtas = models.DateField(_("anslaget tas ner"), null=True, blank=True)

    objects = SammantradeQuerySet.as_manager()

    class Meta:
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        ordering = ["-datum", "-starttid"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sluttid__isnull=True)
                | models.Q(sluttid__gt=models.F("starttid")),
                name="sammantrade_slut_efter_start",
            ),
        ]
        indexes = [models.Index(fields=["forbund", "datum"], name="sammantrade_lista")]

    def __str__(self):
        return f"{self.get_typ_display()} {self.datum:%Y-%m-%d}"

    @property
    def paragrafer(self):
        nummer = [a.paragraf for a in self.arenden.all() if a.paragraf is not None]
        return (min(nummer), max(nummer)) if nummer else None

    @property
    def ar_publicerat(self):
        return self.status == self.Status.PUBLICERAT


class Narvaro(models.Model):
    """Someone present at a meeting: a member with a role, or another person."""

    class Roll(models.TextChoices):
        ORDFORANDE = "ordforande", _("ordförande")
        VICE = "vice_ordforande", _("vice ordförande")
        LEDAMOT = "ledamot", _("ledamot")
        ERSATTARE = "ersattare", _("ersättare")
        SEKRETERARE = "sekreterare", _("sekreterare")
        OVRIG = "ovrig", _("övrig")

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="narvaro")
    namn = models.CharField(_("namn"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("användare"),
    )
    roll = models.CharField(_("roll"), max_length=20, choices=Roll.choices)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    beslutande = models.BooleanField(_("beslutande"), default=False)
    justerare = models.BooleanField(_("justerare"), default=False)
    ankom = models.TimeField(_("ankom"), null=True, blank=True)
    lamnade = models.TimeField(_("lämnade"), null=True, blank=True)
    justerat = models.DateTimeField(_("justerat"), null=True, blank=True)

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        ordering = ["sammantrade", "roll", "namn"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(justerare=False) | models.Q(user__isnull=False),
                name="narvaro_justerare_har_anvandare",
            ),
            models.CheckConstraint(
                condition=models.Q(justerat__isnull=True) | models.Q(justerare=True),
                name="narvaro_bara_justerare_justerar",
            ),
        ]

    def __str__(self):
        return f"{self.namn}, {self.get_roll_display()}"


class Arende(models.Model):
    """An item on the agenda. Its paragraph number is given when the protocol
    is drawn up, from the förbund's running counter, and never reused."""

    class Typ(models.TextChoices):
        BESLUT = "beslut", _("Beslutsärende")
        INFORMATION = "information", _("Informationsärende")
        OVRIGT = "ovrigt", _("Övriga frågor")

    class Utfall(models.TextChoices):
        ALLMANT = "allmant", _("Beslut")
        BEVILJA = "bevilja", _("Bevilja")
        DELVIS = "delvis", _("Bevilja delvis")
        AVSLA = "avsla", _("Avslå")
        ATERREMITTERA = "aterremittera", _("Återremittera")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.PROTECT, related_name="arenden")
    # Denormalised from the meeting so that the database keeps § unique per förbund.
    forbund = models.ForeignKey("samverkan.Forbund", on_delete=models.PROTECT, related_name="+")
    ordning = models.PositiveSmallIntegerField(_("ordning"))
    typ = models.CharField(_("typ"), max_length=20, choices=Typ.choices)
    rubrik = models.CharField(_("rubrik"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    forslag = models.TextField(_("förslag till beslut"), blank=True)
    ansokan = models.ForeignKey(
        Ansokan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="arenden",
        verbose_name=_("ansökan"),
    )
    visa_ekonomi = models.BooleanField(_("förbundets ekonomi som bilaga"), default=False)
    rapport = models.ForeignKey(
        "rapporter.Rapport",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publicerad rapport som bilaga"),
    )
    paragraf = models.PositiveIntegerField(_("paragraf"), null=True, blank=True)
    # The decision, recorded at the meeting.
    utfall = models.CharField(_("beslut"), max_length=20, choices=Utfall.choices, blank=True)
    beslutad = models.DateTimeField(_("beslut registrerat"), null=True, blank=True)

    objects = ArendeQuerySet.as_manager()

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["sammantrade", "ordning"]
        constraints = [
            models.UniqueConstraint(
                fields=["forbund", "paragraf"], name="arende_paragraf_unik_per_forbund"
            ),
            models.UniqueConstraint(fields=["sammantrade", "ordning"], name="arende_ordning_unik"),
        ]

    def __str__(self):
        if self.paragraf:
            return f"§ {self.paragraf} {self.rubrik}"
        return self.rubrik


class Attsats(models.Model):
    """One "att"-clause of a decision: "att bevilja …"."""

    arende = models.ForeignKey(Arende, on_delete=models.CASCADE, related_name="attsatser")
    ordning = models.PositiveSmallIntegerField()
    text = models.TextField(_("att-sats"))

    class Meta:
        verbose_name = _("att-sats")
        verbose_name_plural = _("att-satser")
        ordering = ["arende", "ordning"]
        constraints = [
            models.UniqueConstraint(fields=["arende", "ordning"], name="attsats_ordning_unik"),
        ]

    def __str__(self):
        return self.text


class Beviljning(models.Model):
    """A grant decided under an agenda item: the amounts per year become the
    insats's granted funds (rapporter.Ekonomi.beviljat)."""

    arende = models.OneToOneField(Arende, on_delete=models.PROTECT, related_name="beviljning")
    ansokan = models.ForeignKey(Ansokan, on_delete=models.PROTECT, related_name="beviljningar")
    insats = models.ForeignKey("samverkan.Insats", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("period från"))
    period_slut = models.DateField(_("period till"))
    villkor = models.TextField(_("villkor"), blank=True)

    class Meta:
        verbose_name = _("beviljning")
        verbose_name_plural = _("beviljningar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_slut__gte=models.F("period_start")),
                name="beviljning_period_i_ordning",
            ),
        ]

    def __str__(self):
        return f"{self.ansokan} ({self.period_start:%Y}–{self.period_slut:%Y})"

    @property
    def totalt(self) -> int:
        return int(sum(b.belopp for b in self.belopp_per_ar.all()))


class BeviljatBelopp(models.Model):
    beviljning = models.ForeignKey(
        Beviljning, on_delete=models.CASCADE, related_name="belopp_per_ar"
    )
    ar = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    belopp = models.DecimalField(
        _("belopp (kr)"), max_digits=12, decimal_places=0, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["ar"]
        constraints = [
            models.UniqueConstraint(fields=["beviljning", "ar"], name="beviljat_belopp_per_ar"),
            models.CheckConstraint(condition=models.Q(belopp__gte=0), name="beviljat_ej_negativt"),
        ]

    def __str__(self):
        return f"{self.ar}: {self.belopp}"


class Uppdrag(models.Model):
    """ "Uppdra till förbundschef att till nästa möte återkomma med …": shown on
    every agenda until it is reported back."""

    forbund = models.ForeignKey("samverkan.Forbund", on_delete=models.PROTECT, related_name="+")
    arende = models.ForeignKey(Arende, on_delete=models.PROTECT, related_name="uppdrag")
    text = models.TextField(_("uppdrag"))
    mottagare = models.CharField(_("till"), max_length=200, default="förbundschef")
    aterrapport_till = models.ForeignKey(
        Sammantrade,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vantade_aterrapporter",
        verbose_name=_("återrapport till sammanträde"),
    )
    aterrapporterat_i = models.ForeignKey(
        Arende,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aterrapporterade_uppdrag",
        verbose_name=_("återrapporterat i ärende"),
    )

    objects = ForbundsradQuerySet.as_manager()

    class Meta:
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]


def protokoll_path(instance, filename):
    return f"styrelse/protokoll/{instance.sammantrade.forbund_id}/{instance.uuid}.pdf"


class Protokollversion(models.Model):
    """A published protocol: the stored PDF and its SHA-256 never change; a
    correction publishes a new version."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sammantrade = models.ForeignKey(
        Sammantrade, on_delete=models.PROTECT, related_name="protokollversioner"
    )
    version = models.PositiveSmallIntegerField()
    fil = models.FileField(upload_to=protokoll_path)
    sha256 = models.CharField(max_length=64)
    storlek = models.PositiveIntegerField()
    rattelse = models.TextField(_("rättelse"), blank=True)
    publicerad = models.DateTimeField()
    publicerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = ProtokollversionQuerySet.as_manager()

    class Meta:
        verbose_name = _("protokollversion")
        verbose_name_plural = _("protokollversioner")
        ordering = ["sammantrade", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["sammantrade", "version"], name="protokollversion_unik"
            ),
        ]

    def __str__(self):
        return f"{self.sammantrade} v{self.version}"

    @property
    def forbund_id(self):
        # The audit trail files a refused download under the meeting's förbund.
        return self.sammantrade.forbund_id


class Kallelseutskick(models.Model):
    """One sending of a meeting's kallelse to the board: when, by whom, to how
    many. Sending again is allowed and is one more row."""

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="kallelser")
    skickad = models.DateTimeField(_("skickad"), auto_now_add=True)
    skickad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("skickad av"),
    )
    antal_mottagare = models.PositiveIntegerField(_("antal mottagare"))

    class Meta:
        verbose_name = _("utskick av kallelse")
        verbose_name_plural = _("utskick av kallelser")
        ordering = ["sammantrade", "-skickad"]

    def __str__(self):
        return f"{self.sammantrade} {self.skickad:%Y-%m-%d %H:%M}"

    @property
    def forbund_id(self):
        return self.sammantrade.forbund_id


class Ansokningsinbjudan(models.Model):
    """An external applicant (a folkhögskola, a social enterprise: no partner
    organisation) the office invited to write one application. The account
    (created for the address if it had none) logs in by e-mail code and sees
    and writes that application only: it holds no role in the förbund."""

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="inbjudningar")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    epost = models.EmailField(_("e-postadress"))
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("inbjudan att ansöka")
        verbose_name_plural = _("inbjudningar att ansöka")
        constraints = [
            models.UniqueConstraint(fields=["ansokan", "user"], name="ansokningsinbjudan_unik"),
        ]

    def __str__(self):
        return f"{self.epost} – {self.ansokan}"

    @property
    def forbund_id(self):
        return self.ansokan.forbund_id
