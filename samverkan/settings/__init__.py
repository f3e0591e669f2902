"""Settings for Samverkan, read from the environment (see .env.example), one module
per concern. DJANGO_SETTINGS_MODULE stays `samverkan.settings`: this package.

- `base`: the environment and secret files, DEBUG, SECRET_KEY, hosts, apps,
  middleware, templates, language, static and uploaded files, e-mail
- `databas`: the database and the cache
- `inloggning`: users, passwords, allauth, MFA, OIDC, django-axes, sessions
- `sakerhet`: limits per user, the audit trail, headers, cookies, CSP, and the
  refusal of an unsafe production setup
- `api`: the REST API
- `celery`: background jobs and their schedule
- `loggning`: logs and error reports

Each module imports what it reads from the ones before it; the order below is the
order the refusals are checked in.
"""

from samverkan.settings.api import *  # noqa: F403
from samverkan.settings.base import *  # noqa: F403
from samverkan.settings.celery import *  # noqa: F403
from samverkan.settings.databas import *  # noqa: F403
from samverkan.settings.inloggning import *  # noqa: F403
from samverkan.settings.loggning import *  # noqa: F403
from samverkan.settings.sakerhet import *  # noqa: F403
