"""Re-encrypt every stored TOTP secret and recovery-code seed under the current key.

Run after rotating SECRET_KEY (or MFA_ENCRYPTION_KEY), while the old key is still
listed among the fallbacks; afterwards the old key may be removed.
"""

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from samverkan.mfa import reencrypt_data


class Command(BaseCommand):
    help = "Krypterar om alla TOTP-hemligheter och reservkoder med den aktuella nyckeln."

    @transaction.atomic
    def handle(self, *args, **options):
        count = 0
        for authenticator in Authenticator.objects.select_for_update().iterator():
            authenticator.data = reencrypt_data(authenticator.data)
            authenticator.save(update_fields=["data"])
            count += 1
        self.stdout.write(f"{count} omkrypterade.")
