"""Every write of the enkäter, by domain: `enkat` (questionnaires, versions,
questions), `lankar` (one-time links and the mailing), `svar` (answering)."""
