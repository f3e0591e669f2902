"""A published questionnaire version never changes, enforced by the database too.

Triggers refuse UPDATE and DELETE of a published `enkater_enkatversion` row, and
any INSERT, UPDATE or DELETE of its questions, options and texts, on PostgreSQL
and on SQLite alike. Publishing itself (NULL -> a time) passes: the old row is
a draft.
"""

from django.db import migrations

MESSAGE = "enkätversionen är publicerad och kan inte ändras"
DELAR = ["enkater_fraga", "enkater_alternativ", "enkater_text"]

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION enkater_version_refuse() RETURNS trigger AS $$
BEGIN
    IF OLD.publicerad IS NOT NULL THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER enkater_enkatversion_fryst BEFORE UPDATE OR DELETE ON enkater_enkatversion
    FOR EACH ROW EXECUTE FUNCTION enkater_version_refuse();
CREATE OR REPLACE FUNCTION enkater_del_refuse() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND EXISTS (
        SELECT 1 FROM enkater_enkatversion WHERE id = OLD.version_id AND publicerad IS NOT NULL
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP <> 'DELETE' AND EXISTS (
        SELECT 1 FROM enkater_enkatversion WHERE id = NEW.version_id AND publicerad IS NOT NULL
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
""" + "".join(
    f"""CREATE TRIGGER {t}_fryst BEFORE INSERT OR UPDATE OR DELETE ON {t}
    FOR EACH ROW EXECUTE FUNCTION enkater_del_refuse();
"""
    for t in DELAR
)
POSTGRES_DOWN = (
    "DROP TRIGGER IF EXISTS enkater_enkatversion_fryst ON enkater_enkatversion;"
    + "".join(f"DROP TRIGGER IF EXISTS {t}_fryst ON {t};" for t in DELAR)
    + "DROP FUNCTION IF EXISTS enkater_version_refuse(); DROP FUNCTION IF EXISTS enkater_del_refuse();"
)

_PUBLICERAD = "(SELECT publicerad FROM enkater_enkatversion WHERE id = {rad}.version_id) IS NOT NULL"
SQLITE_UP = [
    f"""CREATE TRIGGER enkater_enkatversion_fryst_u BEFORE UPDATE ON enkater_enkatversion
    WHEN OLD.publicerad IS NOT NULL BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER enkater_enkatversion_fryst_d BEFORE DELETE ON enkater_enkatversion
    WHEN OLD.publicerad IS NOT NULL BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
for _t in DELAR:
    SQLITE_UP += [
        f"""CREATE TRIGGER {_t}_fryst_i BEFORE INSERT ON {_t}
        WHEN {_PUBLICERAD.format(rad="NEW")} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
        f"""CREATE TRIGGER {_t}_fryst_u BEFORE UPDATE ON {_t}
        WHEN {_PUBLICERAD.format(rad="OLD")} OR {_PUBLICERAD.format(rad="NEW")}
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
        f"""CREATE TRIGGER {_t}_fryst_d BEFORE DELETE ON {_t}
        WHEN {_PUBLICERAD.format(rad="OLD")} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    ]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS enkater_enkatversion_fryst_u;",
    "DROP TRIGGER IF EXISTS enkater_enkatversion_fryst_d;",
] + [f"DROP TRIGGER IF EXISTS {_t}_fryst_{op};" for _t in DELAR for op in "iud"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"No triggers for database vendor {vendor!r}")
        statements = statements_by_vendor[vendor]
        for sql in [statements] if isinstance(statements, str) else statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("enkater", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
