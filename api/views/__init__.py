"""The API's views (`/api/v1/`), one module per resource. Thin, like the pages: the
rules live in the remiss services and the report selectors; these translate JSON to them."""
