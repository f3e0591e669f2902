"""The pages of the enkäter, by domain: `redigera` (the office's editor), `resultat`,
`lankar` (handing out links), `svar` (the public answer pages)."""
