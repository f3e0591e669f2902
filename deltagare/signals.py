"""Writes that change what the participant list shows start new versions of its
cached results (deltagare/lista_cache.py)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_migrate, post_save

from deltagare import lista_cache
from deltagare.models import Deltagare, Inskrivning
from samverkan.models import Insats

# What the list shows of a user: the contact person's name (and e-mail as fallback).
_ANVANDARFALT = frozenset({"fornamn", "efternamn", "email"})


def _inskrivning(sender, instance, **kwargs):
    if "insats_id" not in instance.__dict__:
        lista_cache.ny_generation()
        return
    # No code moves an enrolment to another insats (and it is not in the admin).
    lista_cache.ny_version_insats(instance.insats_id)


def _deltagare(sender, instance, **kwargs):
    if "forbund_id" not in instance.__dict__:
        lista_cache.ny_generation()
        return
    lista_cache.ny_version_forbund(instance.forbund_id)


def _insats(sender, instance, **kwargs):
    lista_cache.ny_version_insats(instance.pk)


def _anvandare(sender, instance, update_fields=None, **kwargs):
    if update_fields is None or _ANVANDARFALT & set(update_fields):
        lista_cache.ny_generation()


def _migrerat(sender, **kwargs):
    lista_cache.ny_generation()


def connect(app_config):
    user = get_user_model()
    for signal in (post_save, post_delete):
        signal.connect(_inskrivning, sender=Inskrivning, dispatch_uid="lista_inskrivning")
        signal.connect(_deltagare, sender=Deltagare, dispatch_uid="lista_deltagare")
        signal.connect(_insats, sender=Insats, dispatch_uid="lista_insats")
        signal.connect(_anvandare, sender=user, dispatch_uid="lista_anvandare")
    post_migrate.connect(_migrerat, sender=app_config, dispatch_uid="lista_migrerat")
