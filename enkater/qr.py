"""A QR code of a link as inline SVG, drawn on the server (segno)."""

import io

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str, *, titel: str) -> SafeString:
    """An SVG image with a title, black on white, without an XML declaration."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(
        buffer,
        kind="svg",
        scale=6,
        border=4,
        xmldecl=False,
        svgns=True,
        title=titel,
        svgclass="qr",
        lineclass=None,
        dark="#000",
        light="#fff",
    )
    svg = buffer.getvalue().decode()
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 - segno output
