"""Signed forms: uploads checked from their content, not their name or the browser's
word, and handed out again as attachments of that checked type."""

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

from samverkan.virusskanning import skanna

MAX_BYTES = 10 * 1024 * 1024

# The smallest valid PDF: the "signed consent" of demo data and benchmarks.
EXEMPEL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)

# Leading bytes of the formats a signed consent may come in.
_SIGNATURES = [
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
]


def kontrollera_blankett(upload):
    """Return (content_type, extension) of a signed form, or raise a Swedish ValidationError."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("Filen är större än 10 MB."), code="storlek")
    if upload.size == 0:
        raise ValidationError(_("Filen är tom."), code="tom")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, content_type, extension in _SIGNATURES:
        if head.startswith(signature):
            skanna(upload)  # refuses an infected file, or one the scanner could not read
            return content_type, extension
    raise ValidationError(
        _("Filen måste vara en PDF, JPEG eller PNG (kontrolleras utifrån innehållet)."),
        code="filtyp",
    )


def blankett_svar(fil, content_type: str, namn: str) -> FileResponse:
    """The stored file as an attachment `namn` with the extension of its checked type."""
    extension = next((e for _s, typ, e in _SIGNATURES if typ == content_type), ".bin")
    response = FileResponse(
        fil.open("rb"),
        content_type=content_type or "application/octet-stream",
        as_attachment=True,
        filename=f"{namn}{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
