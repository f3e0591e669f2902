"""Accessible PDFs from templates (samverkan.pdf): PDF/UA-1 markers, Swedish text, the
bundled font, and a URL fetcher that never reaches the network or the file system."""

import io
import socket
import urllib.request

import pytest
from PIL import Image
from pypdf import PdfReader

from samverkan.pdf import render_pdf
from samverkan.pdf_hamtare import BASE_URL, ResourceRefused, StaticFilesFetcher

TITEL = "Handlingsplan för Test Testsson"


def _render(**kwargs):
    kwargs.setdefault("title", TITEL)
    context = kwargs.pop("context", {})
    return render_pdf("pdf/test_exempel.html", context, **kwargs)


def _catalog(reader):
    return reader.trailer["/Root"]


def _fonts(reader):
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return [font.get_object() for font in fonts.values()]


def _images(reader):
    xobjects = reader.pages[0]["/Resources"].get("/XObject", {})
    return [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]


@pytest.fixture(scope="module")
def exempel():
    return _render()


@pytest.fixture(scope="module")
def reader(exempel):
    return PdfReader(io.BytesIO(exempel))


def test_is_a_pdf(exempel):
    assert exempel.startswith(b"%PDF-")


def test_swedish_text_is_extractable(reader):
    text = reader.pages[0].extract_text()
    assert "Handlingsplan för Test Testsson" in text
    assert "Målet är att börja arbeta på ett café" in text
    assert "Öva på arbetsintervju" in text  # from the table
    assert "Sida 1 av 1" in text  # page footer from the CSS counters


def test_title_and_language_metadata(reader):
    assert reader.metadata.title == TITEL
    assert _catalog(reader)["/Lang"] == "sv"
    assert _catalog(reader)["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_title_and_language_come_from_the_arguments():
    reader = PdfReader(io.BytesIO(_render(title="Other title", lang="en", context={"lang": "x"})))
    assert reader.metadata.title == "Other title"
    assert _catalog(reader)["/Lang"] == "en"


def test_declares_pdf_ua_1_in_xmp(reader):
    xmp = _catalog(reader)["/Metadata"].get_object().get_data().decode()
    assert 'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' in xmp
    assert 'pdfuaid:part="1"' in xmp
    assert TITEL in xmp  # dc:title
    assert reader.pdf_header == "%PDF-1.7"


def test_is_tagged(reader):
    catalog = _catalog(reader)
    assert catalog["/MarkInfo"]["/Marked"].value is True
    tree = catalog["/StructTreeRoot"].get_object()
    document = tree["/K"][0].get_object()
    assert document["/S"] == "/Document"
    tags = set()
    pending = [document]
    while pending:
        element = pending.pop().get_object()
        if not isinstance(element, dict):
            continue  # marked-content id
        tags.add(element.get("/S"))
        kids = element.get("/K", [])
        pending.extend(kids if isinstance(kids, list) else [kids])
    assert {"/H1", "/H2", "/P", "/Table", "/TH", "/TD"} <= tags


def test_embeds_the_bundled_font(reader):
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        # Subset prefix, then the bundled family (not installed on the system).
        assert "+Source-Sans-3" in font["/BaseFont"]
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded TrueType
    assert any(font["/BaseFont"].endswith("-Bold") for font in fonts)  # h1, th


@pytest.fixture
def no_network(monkeypatch):
    """Record (and block) any attempt to open a connection or a URL."""
    attempts = []

    def blocked(name):
        def record(*args, **kwargs):
            attempts.append((name, args))
            raise OSError("network disabled in test")

        return record

    monkeypatch.setattr(socket, "getaddrinfo", blocked("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", blocked("create_connection"))
    monkeypatch.setattr(socket.socket, "connect", blocked("connect"))
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", blocked("open"))
    return attempts


@pytest.fixture
def fetched(monkeypatch):
    """Every URL WeasyPrint asks for, with whether it was served or refused."""
    calls = []
    original = StaticFilesFetcher.fetch

    def spy(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except ResourceRefused:
            calls.append((url, "refused"))
            raise
        calls.append((url, "served"))
        return response

    monkeypatch.setattr(StaticFilesFetcher, "fetch", spy)
    return calls


def test_remote_and_file_urls_are_refused_and_rendering_continues(
    tmp_path, no_network, fetched, caplog
):
    png = tmp_path / "bild.png"
    Image.new("RGB", (20, 20), "red").save(png)
    extra = (
        '<img src="https://example.org/x.png" alt="Fjärrbild">'
        '<img src="file:///etc/passwd" alt="Lösenordsfil">'
        f'<img src="{png.as_uri()}" alt="Lokal bild">'
        '<link rel="stylesheet" href="https://example.org/stil.css">'
        '<p style="background: url(http://example.org/bg.png)">Slut på planen</p>'
    )
    with caplog.at_level("WARNING", logger="samverkan.pdf"):
        data = _render(context={"extra_html": extra})

    reader = PdfReader(io.BytesIO(data))
    assert "Slut på planen" in reader.pages[0].extract_text()
    assert _images(reader) == []  # every image was left out, including the readable PNG
    assert no_network == []

    refused = {url for url, outcome in fetched if outcome == "refused"}
    assert {
        "https://example.org/x.png",
        "file:///etc/passwd",
        png.as_uri(),
        "http://example.org/bg.png",
    } <= refused
    served = {url for url, outcome in fetched if outcome == "served"}
    assert served and all(url.startswith(BASE_URL + "static/fonts/") for url in served)
    assert "refused to fetch https://example.org/x.png" in caplog.text


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/fonts/source-sans-3/SourceSans3-Regular.ttf",
        "http://samverkan.invalid/static/fonts/source-sans-3/SourceSans3-Regular.ttf",
        "file:///work/main/static/fonts/source-sans-3/SourceSans3-Regular.ttf",
        "file:///etc/passwd",
        "data:text/plain,hej",
        BASE_URL + "pyproject.toml",
        BASE_URL + "static/../pyproject.toml",
        BASE_URL + "static/%2e%2e/pyproject.toml",
        BASE_URL + "static/fonts/../../pyproject.toml",
        BASE_URL + "static//etc/passwd",
        BASE_URL + "static/%2Fetc%2Fpasswd",
        BASE_URL + "static/fonts",
        BASE_URL + "static/finns-inte.css",
    ],
)
def test_fetcher_refuses_everything_but_static_files(url):
    fetcher = StaticFilesFetcher()
    assert fetcher.static_path(url) is None
    with pytest.raises(ResourceRefused):
        fetcher.fetch(url)


def test_fetcher_serves_static_files_from_disk():
    fetcher = StaticFilesFetcher()
    url = BASE_URL + "static/fonts/source-sans-3/SourceSans3-Regular.ttf?v=1#x"
    response = fetcher.fetch(url)
    try:
        assert response.read(4) == b"\x00\x01\x00\x00"  # TrueType signature
    finally:
        response.close()
    assert fetcher.fetch(BASE_URL + "static/css/samverkan.css").content_type == "text/css"


def test_weasyprint_loads_in_the_background_for_a_cold_process():
    """manage.py rapport starts the import before its queries; in a fresh interpreter
    the thread brings in WeasyPrint and the fetcher, which render_pdf then finds."""
    import subprocess
    import sys

    kod = (
        "import sys\n"
        "from samverkan.pdf import ladda_i_bakgrunden\n"
        "assert 'weasyprint' not in sys.modules\n"
        "t = ladda_i_bakgrunden(); t.join(60)\n"
        "assert 'weasyprint' in sys.modules and 'samverkan.pdf_hamtare' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", kod], check=True, timeout=120)
