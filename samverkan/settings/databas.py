"""The database (SQLite, or PostgreSQL from DATABASE_URL) and the cache."""

from samverkan.settings.base import BASE_DIR, env

# Database: an SQLite file unless DATABASE_URL names another (PostgreSQL in production).
SQLITE_PATH = env.str("SQLITE_PATH", default=str(BASE_DIR / "db.sqlite3"))
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if "postgresql" in DATABASES["default"]["ENGINE"]:
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
        # JIT compiles the statistics' wide aggregates longer than they run; the default
        # random_page_cost (4, for spinning disks) makes the planner hash whole tables where
        # a few thousand index lookups on SSD or cached data are faster (docs/benchmarks.md).
        DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off -c random_page_cost=1.1")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }

# Caches: Redis when configured (shared by app servers), local memory otherwise.
if env.str("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.str("REDIS_URL"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long the participant list keeps a rendered result (deltagare/lista_cache.py);
# 0 turns it off. On by default only with Redis: a cache per process would not hear
# the other processes' writes.
SAMVERKAN_DELTAGARLISTA_SEKUNDER = env.int(
    "SAMVERKAN_DELTAGARLISTA_SEKUNDER", default=600 if env.str("REDIS_URL", default="") else 0
)
