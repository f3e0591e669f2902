"""The URL fetcher of samverkan.pdf: static files from disk, nothing else.

samverkan.pdf imports this module only when it renders, for WeasyPrint loads slowly;
this module imports nothing of samverkan.pdf."""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("samverkan.pdf")

# Relative URLs in the HTML (such as "/static/...") are resolved against this origin. The
# reserved ".invalid" domain never resolves, and the fetcher never opens a connection.
BASE_URL = "https://samverkan.invalid/"


class ResourceRefused(ValueError):
    """A template asked WeasyPrint for a URL that is not one of our static files."""


class StaticFilesFetcher(URLFetcher):
    """Serve static files from disk; refuse every other URL.

    A refusal is an ordinary exception, which WeasyPrint logs and then renders without the
    resource (no image, fallback font). Nothing is ever fetched over the network, and no
    file outside the static folders can be read.
    """

    def __init__(self):
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.static_prefix = urljoin(BASE_URL, settings.STATIC_URL)

    def fetch(self, url, headers=None):
        path = self.static_path(url)
        if path is None:
            logger.warning("PDF: refused to fetch %s", url[:200])
            raise ResourceRefused(f"Only static files can be used in PDFs: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def __call__(self, url):
        return self.fetch(url)

    def static_path(self, url: str) -> Path | None:
        """The file on disk for a static URL, or None if the URL is not allowed."""
        if not url.startswith(self.static_prefix):
            return None
        name = unquote(urlsplit(url[len(self.static_prefix) :]).path)
        parts = name.split("/")
        if not name or "\\" in name or "\0" in name or any(p in ("", ".", "..") for p in parts):
            return None
        found = finders.find(name)
        if found is None:
            # Production: hashed names from the manifest storage, collected to STATIC_ROOT.
            try:
                found = staticfiles_storage.path(name)
            except (ImproperlyConfigured, NotImplementedError, SuspiciousFileOperation):
                return None
        path = Path(found)
        return path if path.is_file() else None
