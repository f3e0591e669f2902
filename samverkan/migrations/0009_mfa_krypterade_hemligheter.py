"""Encrypt the TOTP secrets and recovery-code seeds stored before the MFA adapter did."""

from django.db import migrations


def kryptera(apps, schema_editor):
    from samverkan.mfa import reencrypt_data

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all().iterator():
        authenticator.data = reencrypt_data(authenticator.data)
        authenticator.save(update_fields=["data"])


def dekryptera(apps, schema_editor):
    from samverkan.mfa import decrypt, is_encrypted

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all().iterator():
        data = dict(authenticator.data)
        for field in ("secret", "seed"):
            if is_encrypted(data.get(field)):
                data[field] = decrypt(data[field])
        if "migrated_codes" in data:
            data["migrated_codes"] = [
                decrypt(c) if is_encrypted(c) else c for c in data["migrated_codes"]
            ]
        authenticator.data = data
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("samverkan", "0008_gallring"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(kryptera, dekryptera)]
