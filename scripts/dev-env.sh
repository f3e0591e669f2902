#!/usr/bin/env bash
# Writes a development .env (DEBUG on, a fresh secret, MFA relaxed for the demo) if none exists.
set -euo pipefail
[ -f .env ] && exit 0
secret=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-60)
cat > .env <<ENV
# Development settings written by 'make run'. Never use these in production.
DEBUG=True
SECRET_KEY=$secret
# The demo lets staff in without TOTP; production always requires it.
SAMVERKAN_MFA_REQUIRED=False
ENV
echo "Skrev .env för utveckling." >&2
