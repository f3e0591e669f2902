"""Background jobs: Celery's broker and its periodic schedule."""

from celery.schedules import crontab

from samverkan.settings.base import TIME_ZONE, env

# Celery: Redis when CELERY_BROKER_URL is set; otherwise tasks run in-process at once.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task whose worker died goes back to the queue after this long (Redis); longer than
# any render, far shorter than Redis's default hour, so a report is never stuck.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=15 * 60)
}
CELERY_TIMEZONE = TIME_ZONE
# celery -A samverkan beat: periodic jobs, also management commands for cron.
CELERY_BEAT_SCHEDULE = {
    "gallring": {"task": "deltagare.tasks.gallra", "schedule": 24 * 60 * 60},
    # Expired sessions go: they may hold a search text (a personnummer) until then.
    "sessioner": {"task": "samverkan.tasks.rensa_sessioner", "schedule": 24 * 60 * 60},
    # Import files never imported go after SAMVERKAN_INLASNING_DAGAR days (inlasning/).
    "inlasningar": {"task": "inlasning.tasks.rensa_inlasningar", "schedule": 24 * 60 * 60},
    # The reminder digests: daily, each user's own frequency decides (paminnelser/).
    "paminnelser": {
        "task": "paminnelser.tasks.skicka_paminnelser",
        "schedule": crontab(hour=6, minute=30),
    },
}
SAMVERKAN_INLASNING_DAGAR = env.int("SAMVERKAN_INLASNING_DAGAR", default=7)
