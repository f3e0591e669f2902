"""Make the audit table append-only in the database itself.

UPDATE and DELETE on samverkan_auditevent are refused by triggers, on
PostgreSQL and on SQLite alike, so not even a bug or a shell can rewrite history.
"""

from django.db import migrations

MESSAGE = "samverkan_auditevent är skrivskyddad: händelser kan inte ändras eller tas bort"

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION samverkan_auditevent_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER samverkan_auditevent_no_update BEFORE UPDATE ON samverkan_auditevent
    FOR EACH ROW EXECUTE FUNCTION samverkan_auditevent_refuse();
CREATE TRIGGER samverkan_auditevent_no_delete BEFORE DELETE ON samverkan_auditevent
    FOR EACH ROW EXECUTE FUNCTION samverkan_auditevent_refuse();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS samverkan_auditevent_no_update ON samverkan_auditevent;
DROP TRIGGER IF EXISTS samverkan_auditevent_no_delete ON samverkan_auditevent;
DROP FUNCTION IF EXISTS samverkan_auditevent_refuse();
"""
SQLITE_UP = [
    f"""CREATE TRIGGER samverkan_auditevent_no_update BEFORE UPDATE ON samverkan_auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER samverkan_auditevent_no_delete BEFORE DELETE ON samverkan_auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS samverkan_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS samverkan_auditevent_no_delete;",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements_by_vendor:
            raise RuntimeError(f"No append-only triggers for database vendor {vendor!r}")
        statements = statements_by_vendor[vendor]
        for sql in [statements] if isinstance(statements, str) else statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("samverkan", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_UP, "sqlite": SQLITE_UP}),
            _run({"postgresql": POSTGRES_DOWN, "sqlite": SQLITE_DOWN}),
        )
    ]
