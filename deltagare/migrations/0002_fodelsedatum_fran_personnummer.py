"""Fill Deltagare.fodelsedatum from the personnummer where it was left blank, so that
the statistics can compute age at inskrivning in the database from fodelsedatum alone.

The date is read here rather than through deltagare.personnummer: a migration must
keep working whatever later happens to the app's code.
"""

import datetime

from django.db import migrations

SAMORDNING_OFFSET = 60


def _fodelsedatum(nummer: str) -> datetime.date | None:
    if len(nummer) != 12 or not nummer.isdigit():
        return None
    day = int(nummer[6:8])
    if day > SAMORDNING_OFFSET:
        day -= SAMORDNING_OFFSET
    try:
        return datetime.date(int(nummer[:4]), int(nummer[4:6]), day)
    except ValueError:
        return None


def fyll_fodelsedatum(apps, schema_editor):
    Deltagare = apps.get_model("deltagare", "Deltagare")
    andrade = []
    rader = Deltagare.objects.filter(fodelsedatum__isnull=True).exclude(personnummer="")
    for deltagare in rader.only("pk", "personnummer").iterator(chunk_size=1000):
        fodd = _fodelsedatum(deltagare.personnummer)
        if fodd is not None:
            deltagare.fodelsedatum = fodd
            andrade.append(deltagare)
        if len(andrade) >= 1000:
            Deltagare.objects.bulk_update(andrade, ["fodelsedatum"])
            andrade = []
    Deltagare.objects.bulk_update(andrade, ["fodelsedatum"])


class Migration(migrations.Migration):
    dependencies = [
        ("deltagare", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(fyll_fodelsedatum, migrations.RunPython.noop, elidable=True),
    ]
