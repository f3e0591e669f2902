"""The shapes of the API's bodies. They check JSON types and document the schema;
the rules of a remiss are the form's and the services', not repeated here."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from deltagare.koder import Kon
from remisser.models import AvbojdOrsak, Status
from samverkan.models import Insats


class FaltFelSerializer(serializers.Serializer):
    pointer = serializers.CharField(help_text="JSON Pointer (RFC 6901) till fältet i begäran.")
    detail = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    errors = FaltFelSerializer(many=True, required=False)


class SamtyckeFilSerializer(serializers.Serializer):
    filnamn = serializers.CharField(max_length=200, required=False, default="samtycke")
    innehall = serializers.CharField(
        help_text="Filen base64-kodad (PDF, JPEG eller PNG, högst 10 MB; typen kontrolleras "
        "utifrån innehållet)."
    )


class RemissInSerializer(serializers.Serializer):
    """A remiss sent by an agency system. For it to be sent, the fields that the
    form requires must be filled in: förnamn, efternamn, kön, anledning,
    personnummer (or födelsedatum), skriven_tillsammans and samtycke_fil."""

    insats = serializers.UUIDField(help_text="Insatsens uuid (se /api/v1/insatser/).")
    fornamn = serializers.CharField(required=False, allow_blank=True)
    efternamn = serializers.CharField(required=False, allow_blank=True)
    personnummer = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN; saknas det: lämna tomt och ange födelsedatum.",
    )
    fodelsedatum = serializers.DateField(required=False, allow_null=True)
    kon = serializers.ChoiceField(choices=Kon.choices, required=False, allow_blank=True)
    telefon = serializers.CharField(required=False, allow_blank=True)
    epost = serializers.CharField(required=False, allow_blank=True)
    tolk_tillganglighet = serializers.CharField(required=False, allow_blank=True)
    anledning = serializers.CharField(required=False, allow_blank=True)
    aktuell_af = serializers.BooleanField(required=False, default=False)
    aktuell_fk = serializers.BooleanField(required=False, default=False)
    aktuell_socialtjanst = serializers.BooleanField(required=False, default=False)
    aktuell_halso_sjukvard = serializers.BooleanField(required=False, default=False)
    tidigare_insatser = serializers.CharField(required=False, allow_blank=True)
    andra_kontakter = serializers.CharField(required=False, allow_blank=True)
    egna_mal = serializers.CharField(required=False, allow_blank=True)
    skriven_tillsammans = serializers.BooleanField(required=False, default=False)
    informationsmote_onskas = serializers.BooleanField(required=False, default=False)
    forslag_tider = serializers.CharField(required=False, allow_blank=True)
    samtycke_uppfoljning = serializers.BooleanField(required=False, default=False)
    samtycke_fil = SamtyckeFilSerializer(required=False)
    skicka_anda = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Skicka trots att personen redan har en öppen remiss eller ett pågående "
        "ärende i insatsen.",
    )


class BeslutSerializer(serializers.Serializer):
    utfall = serializers.ChoiceField(choices=[Status.ANTAGEN, Status.AVBOJD])
    beslutad = serializers.DateTimeField()
    skal = serializers.ChoiceField(choices=AvbojdOrsak.choices, allow_null=True)
    skal_text = serializers.CharField(allow_null=True)
    motivering = serializers.CharField(allow_blank=True)


class KompletteringSerializer(serializers.Serializer):
    begard = serializers.DateTimeField()
    text = serializers.CharField()


class RemissLankarSerializer(serializers.Serializer):
    self = serializers.URLField()


class RemissSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    insats = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Status.choices)
    status_text = serializers.CharField()
    inkommen = serializers.DateTimeField(allow_null=True)
    svarsfrist_dagar = serializers.IntegerField()
    beslut = BeslutSerializer(allow_null=True)
    komplettering = KompletteringSerializer(allow_null=True)
    links = RemissLankarSerializer()


class InsatsSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    namn = serializers.CharField()
    typ = serializers.ChoiceField(choices=Insats.Typ.choices)
    startdatum = serializers.DateField()
    slutdatum = serializers.DateField(allow_null=True)
    tar_emot_remisser = serializers.BooleanField()


@extend_schema_field({"type": ["integer", "number", "string", "null"]})
class CellField(serializers.Field):
    def to_representation(self, value):
        return value


class KolumnSerializer(serializers.Serializer):
    nyckel = serializers.CharField()
    rubrik = serializers.CharField()
    typ = serializers.CharField()


class SpannSerializer(serializers.Serializer):
    min = serializers.IntegerField()
    max = serializers.IntegerField()


class RadSerializer(serializers.Serializer):
    nyckel = serializers.CharField()
    etikett = serializers.CharField()
    varden = serializers.DictField(child=CellField(), help_text="Kolumnens nyckel → värde.")
    dolda = serializers.DictField(
        child=serializers.CharField(),
        help_text="Undertryckta celler: kolumnens nyckel → markering (<N eller ..); "
        "värdet i varden är då null.",
    )
    spann = serializers.DictField(
        child=SpannSerializer(),
        help_text="Undertryckta celler (..) som de visade talen redan avgränsar: kolumnens "
        "nyckel → lägsta och högsta möjliga värde. Säger inget mer än resten av tabellen.",
    )


class TabellSerializer(serializers.Serializer):
    nyckel = serializers.CharField()
    rubrik = serializers.CharField()
    radrubrik = serializers.CharField()
    kolumner = KolumnSerializer(many=True)
    rader = RadSerializer(many=True)
    summa = RadSerializer(allow_null=True)
    undanhallen = serializers.BooleanField()


class PeriodSerializer(serializers.Serializer):
    kod = serializers.CharField()
    start = serializers.DateField()
    slut = serializers.DateField()


class StatistikSerializer(serializers.Serializer):
    period = PeriodSerializer()
    insats = serializers.UUIDField(allow_null=True)
    smacellsgrans = serializers.IntegerField(
        help_text="Celler under gränsen (och de som skulle avslöja dem) är undertryckta."
    )
    tabeller = TabellSerializer(many=True)


class FinsamSerializer(serializers.Serializer):
    ar = serializers.IntegerField()
    smacellsgrans = serializers.IntegerField()
    tabeller = TabellSerializer(many=True)
