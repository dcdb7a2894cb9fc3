# The two commands: `make run` and `make test`. Everything they need is
# installed into this folder by `make install` (idempotent): the locked
# production dependencies (requirements.txt) and what development and the
# tests add (requirements-dev.txt).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` is the local demo: debug on, embedded SQLite unless DATABASE_URL
# says otherwise.
RUN_ENV := DEBUG=1

.PHONY: install run test lint format lock messages seed clean stack stack-stop

install: $(VENV)/.installed vendor/.installed locale/en/LC_MESSAGES/django.mo locale/de/LC_MESSAGES/django.mo

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

vendor/.installed: package.json package-lock.json Makefile
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf vendor && mkdir -p vendor/leaflet vendor/htmx
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images vendor/leaflet/
	cp node_modules/htmx.org/dist/htmx.min.js vendor/htmx/
	touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -d locale -D django -l $*

run: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

seed: install
	$(RUN_ENV) $(BIN)/python manage.py seed_demo

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The production topology of deploy/ on loopback ports (PostgreSQL, Redis,
# nginx, two gunicorn, the task worker, an SMTP sink): needs postgresql,
# redis-server and nginx from Debian. `make test` runs the stack tests
# against a stack of its own.
stack: install
	$(BIN)/python deploy/stack.py start

stack-stop:
	$(BIN)/python deploy/stack.py stop

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check smartregion/templates
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=smartregion.settings_test

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml smartregion/templates

# Developers only: refresh the English catalogue (needs GNU gettext) and the
# Python lock files. The development lock is constrained to the production
# one (`-c requirements.txt`), so production's lock comes first.
messages: install
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=node_modules --ignore=vendor
	$(BIN)/pybabel compile --use-fuzzy -d locale -D django -l en

lock:
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf $(VENV) node_modules vendor staticfiles
