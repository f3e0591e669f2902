"""Helpers of the remiss tests."""

from deltagare import services as d_services


def skriv_in(inskrivning, samordnare, kollega):
    """The case an accepted remiss became, enrolled by the team."""
    return d_services.inskrivning_skriv_in(
        actor=samordnare,
        inskrivning=inskrivning,
        datum=inskrivning.aktualiserad,
        kontaktperson=samordnare,
        kontaktperson2=kollega,
        sus={
            "utbildning": "okand",
            "tid_offentlig_forsorjning": "okand",
            "sysselsattning": "ingen",
            "aktuell_af": True,
            "aktuell_socialtjanst": True,
        },
        forsorjning=["okand"],
    )
