"""PDF documents rendered from Django templates with WeasyPrint.

Why this way: WeasyPrint writes tagged PDF/UA-1 (accessible: structure tree, document
language and title), needs no headless browser, and — with the fetcher below — never
touches the network. Fonts come from files bundled under ``static/fonts/``, so the output
looks the same on every server and Swedish characters are always embedded.

Usage::

    pdf_bytes = render_pdf("pdf/handlingsplan.html", {"deltagare": d}, title="Handlingsplan")

Templates extend ``pdf/base.html``. Only static files (``{% static %}``) can be
referenced; every other URL (``http(s)://``, ``file://``, ``data:`` …) is refused, and
WeasyPrint then leaves that resource out (an image is simply not drawn).
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Relative URLs in the HTML (such as "/static/...") are resolved against this origin. The
# reserved ".invalid" domain never resolves, and the fetcher never opens a connection.
BASE_URL = "https://samverkan.invalid/"
PDF_VARIANT = "pdf/ua-1"


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


def render_pdf(
    template_name: str, context: dict, *, request=None, title: str, lang: str = "sv"
) -> bytes:
    """Render ``template_name`` with ``context`` to an accessible (PDF/UA-1) PDF.

    ``title`` and ``lang`` become the document's title and language metadata and are also
    put into the template context (they override keys of the same name in ``context``).
    The template is rendered with ``lang`` as the active language. ``request`` is passed to
    the template engine so that context processors run.
    """
    with translation.override(lang):
        html = render_to_string(
            template_name, {**context, "title": title, "lang": lang}, request=request
        )
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render(
        **options
    )
    document.metadata.title = title
    document.metadata.lang = lang
    return document.write_pdf(**options)
