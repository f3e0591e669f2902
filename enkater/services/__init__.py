"""Every write of the enkäter, by domain: `enkat` (questionnaires, versions,
questions), `lankar` (one-time links and the mailing), `svar` (answering)."""

# demo_enkater (moving to the demo app) still calls these through the package.
from enkater.services.enkat import standardenkater_skapa
from enkater.services.lankar import _ny_lank
from enkater.services.svar import svara

__all__ = ["_ny_lank", "standardenkater_skapa", "svara"]
