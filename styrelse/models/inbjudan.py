"""An external applicant's invitation to write one application."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Ansokningsinbjudan(models.Model):
    """An external applicant (a folkhögskola, a social enterprise: no partner
    organisation) the office invited to write one application. The account
    (created for the address if it had none) logs in by e-mail code and sees
    and writes that application only: it holds no role in the förbund."""

    ansokan = models.ForeignKey(
        "styrelse.Ansokan", on_delete=models.CASCADE, related_name="inbjudningar"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    epost = models.EmailField(_("e-postadress"))
    skapad = models.DateTimeField(auto_now_add=True)
    skapad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("inbjudan att ansöka")
        verbose_name_plural = _("inbjudningar att ansöka")
        constraints = [
            models.UniqueConstraint(fields=["ansokan", "user"], name="ansokningsinbjudan_unik"),
        ]

    def __str__(self):
        return f"{self.epost} – {self.ansokan}"

    @property
    def forbund_id(self):
        return self.ansokan.forbund_id
