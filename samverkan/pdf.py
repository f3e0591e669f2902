"""PDF documents rendered from Django templates with WeasyPrint.

Why this way: WeasyPrint writes tagged PDF/UA-1 (accessible: structure tree, document
language and title), needs no headless browser, and (with the fetcher in
``samverkan.pdf_hamtare``) never touches the network. Fonts come from files bundled
under ``static/fonts/``, so the output looks the same on every server and Swedish
characters are always embedded.

Usage::

    pdf_bytes = render_pdf("pdf/handlingsplan.html", {"deltagare": d}, title="Handlingsplan")

Templates extend ``pdf/base.html``. Only static files (``{% static %}``) can be
referenced; every other URL (``http(s)://``, ``file://``, ``data:`` …) is refused, and
WeasyPrint then leaves that resource out (an image is simply not drawn).
"""

from __future__ import annotations

import importlib
import threading

from django.template.loader import render_to_string
from django.utils import translation

PDF_VARIANT = "pdf/ua-1"


def ladda_i_bakgrunden() -> threading.Thread:
    """Import WeasyPrint in a thread, for a process that renders one PDF and starts cold
    (``manage.py rapport``): the half second of importing then overlaps the database
    queries that come first, which wait on the socket without the GIL. ``render_pdf``
    imports as usual and waits only for what is left of the import."""
    traad = threading.Thread(
        target=importlib.import_module, args=("samverkan.pdf_hamtare",), daemon=True
    )
    traad.start()
    return traad


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
    # Imported here: WeasyPrint takes about a second to load, which every web and
    # command process paid at start-up through the URLconf (docs/benchmarks.md).
    from weasyprint import HTML

    from samverkan.pdf_hamtare import BASE_URL, StaticFilesFetcher

    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render(
        **options
    )
    document.metadata.title = title
    document.metadata.lang = lang
    return document.write_pdf(**options)
