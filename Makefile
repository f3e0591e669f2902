# Samverkan: `make run` starts the app with demo data, `make test` runs every test.
SHELL := /bin/bash
UV := $(shell scripts/ensure-uv.sh)
ifeq ($(UV),)
$(error uv saknas och kunde inte installeras, se meddelandet ovan)
endif
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install system migrate demo lint format messages ci clean

install:
	@$(UV) sync --locked --quiet --compile-bytecode

system:
	@scripts/check-system.sh

run: system install
	@scripts/dev-env.sh
	@$(UV) run --locked python manage.py migrate --noinput -v 0
	@$(UV) run --locked python manage.py demo --if-empty
	@echo ""
	@echo "Samverkan startar på http://$(HOST):$(PORT)/  (avsluta med Ctrl+C)"
	@$(UV) run --locked python manage.py runserver $(HOST):$(PORT)

test: system install
	@scripts/ensure-chromium.sh
	@$(UV) run --locked pytest $(PYTEST_ARGS)

lint: install
	@$(UV) run --locked ruff check .
	@$(UV) run --locked ruff format --check .

format: install
	@$(UV) run --locked ruff format .
	@$(UV) run --locked ruff check --fix .

messages: install
	@DEBUG=True $(UV) run --locked python manage.py makemessages -l en --ignore=.venv --ignore=static --no-obsolete
	@DEBUG=True $(UV) run --locked python manage.py compilemessages -l en --ignore=.venv

ci:
	@bash .ci/run

clean:
	rm -rf .venv .pytest_cache .ruff_cache staticfiles
