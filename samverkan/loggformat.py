"""JSON lines for a log processor (ASVS 16.2.4): ``LOG_FORMAT=json``.

One object per line with fixed keys, the time in ISO 8601 with its offset, and
the security log's fields (``samverkan.sakerhet``) as keys of their own, so
that journald, Vector, Filebeat or Loki read them without a pattern.
"""

import datetime
import json
import logging


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "tid": datetime.datetime.fromtimestamp(record.created).astimezone().isoformat(),
            "niva": record.levelname,
            "logger": record.name,
            "meddelande": record.getMessage(),
        }
        entry.update(getattr(record, "sakerhet", {}))
        if record.exc_info:
            entry["undantag"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
