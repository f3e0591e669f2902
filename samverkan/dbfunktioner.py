"""SQL functions shared by the apps' reads."""

from django.db.models import Func, IntegerField


class DagarMellan(Func):
    """Whole days from the date `fran` to the date `till`, the same on SQLite and
    PostgreSQL (Django has no portable date difference that yields an integer)."""

    arity = 2
    output_field = IntegerField()
    # PostgreSQL: date − date is an integer number of days.
    template = "((%(expressions)s)::date)"
    arg_joiner = ")::date - ("

    def __init__(self, fran, till, **extra):
        super().__init__(till, fran, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(ROUND(julianday(%(expressions)s)) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )
