# Two commands for a newcomer: `make run` and `make test`. Everything else is
# set up on the way: Python >= 3.12, the virtualenv, packages, front-end files,
# the database, translations and the demo data.

SHELL := /bin/bash
VENV ?= .venv
VENV_PY := $(VENV)/bin/python
MANAGE := $(VENV_PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

# A Python >= 3.12: $(PYTHON) if given, else the usual names, else pyenv's
# installed versions (its shims refuse to run versions that are not selected).
FIND_PYTHON = \
  ok() { "$$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }; \
  if [ -n "$(PYTHON)" ]; then ok "$(PYTHON)" && { echo "$(PYTHON)"; exit 0; }; \
    echo "PYTHON=$(PYTHON) is not a Python >= 3.12." >&2; exit 1; fi; \
  for c in python3.14 python3.13 python3.12 python3 python; do \
    p=$$(command -v $$c 2>/dev/null) && ok "$$p" && { echo "$$p"; exit 0; }; done; \
  root=$$(pyenv root 2>/dev/null || echo "$$HOME/.pyenv"); \
  for p in $$(ls -d "$$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
    ok "$$p" && { echo "$$p"; exit 0; }; done; \
  echo "No Python >= 3.12 found. Install one (e.g. 'pyenv install 3.13' or your system's python3.13)," >&2; \
  echo "or give its path: make run PYTHON=/path/to/python3.13" >&2; exit 1

.PHONY: run test test-tools setup install messages migrate seed lint format worker periodic bench fuzz clean vendor

# Card payments in the demo go to localstripe (a local fake of Stripe, test
# cards such as 4242 4242 4242 4242) unless STRIPE_SECRET_KEY is set.
STRIPE_FAKE_PORT ?= 8420
run: setup seed
	@if [ -n "$$STRIPE_SECRET_KEY" ]; then exec $(MANAGE) runserver $(HOST):$(PORT); fi; \
	$(VENV_PY) -m tests.localstripe_harness --port $(STRIPE_FAKE_PORT) \
	  --webhook http://$(HOST):$(PORT)/stripe/webhook/ --secret whsec_local & fake=$$!; \
	trap 'kill $$fake 2>/dev/null' EXIT INT TERM; \
	STRIPE_API_BASE=http://127.0.0.1:$(STRIPE_FAKE_PORT) \
	STRIPE_JS_URL=http://127.0.0.1:$(STRIPE_FAKE_PORT)/js.stripe.com/v3/ \
	STRIPE_WEBHOOK_SECRET=whsec_local \
	$(MANAGE) runserver $(HOST):$(PORT)

# The system tools the tests call, checked before anything runs.
TEST_TOOLS = chromium:chromium pdftotext:poppler-utils pdftoppm:poppler-utils pdfinfo:poppler-utils \
  zbarimg:zbar-tools msgfmt:gettext fc-list:fontconfig
test-tools:
	@missing=""; for pair in $(TEST_TOOLS); do command -v $${pair%%:*} >/dev/null || missing="$$missing $${pair##*:}"; done; \
	fc-list 2>/dev/null | grep -q "NotoSansArabic\|Noto Sans Arabic" || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ]; then echo "make test needs these system packages: $$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' ')" >&2; \
	  echo "On Debian or Ubuntu: sudo apt-get install$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' ' | sed 's/^/ /')" >&2; exit 1; fi

test: test-tools install messages
	$(VENV_PY) -m pytest $(PYTEST_ARGS)

setup: install messages migrate

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-test.txt
	@python=$$( $(FIND_PYTHON) ) || exit 1; \
	if [ ! -x $(VENV_PY) ] || ! $(VENV_PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  echo "Creating $(VENV) with $$python"; rm -rf $(VENV); "$$python" -m venv $(VENV) || exit 1; fi
	$(VENV_PY) -m pip install --quiet --upgrade pip
	$(VENV_PY) -m pip install --quiet -r requirements-test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is required for the front-end files: install nodejs and npm." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Front-end libraries are shipped as static files (no CDN, no Node.js on the
# server); after changing a version in package.json, refresh them with this.
vendor: node_modules/.installed
	mkdir -p static/vendor/jsqr
	cp node_modules/jsqr/dist/jsQR.js node_modules/jsqr/LICENSE static/vendor/jsqr/

messages: install
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --ignore=$(VENV) --ignore=node_modules -v 0; \
	else $(VENV)/bin/pybabel compile --domain=django --directory=locale --statistics; fi

migrate: install
	$(MANAGE) migrate --no-input

seed: migrate messages
	$(MANAGE) seed_demo

worker: setup
	$(MANAGE) db_worker

# The minute sweep of every app (cron it every minute in production).
periodic: setup
	$(MANAGE) run_periodic

bench: install messages
	$(VENV_PY) bench/http_bench.py
	$(VENV_PY) bench/badges_checkin.py
	$(VENV_PY) bench/challenge_bench.py
	$(VENV_PY) bench/judging_bench.py
	@if [ -n "$$DATABASE_URL" ]; then $(VENV_PY) bench/registration_race.py; \
	else echo "bench/registration_race.py needs PostgreSQL: set DATABASE_URL=postgres://..."; fi

# The API fuzzed harder than in the suite (Schemathesis, from the OpenAPI document).
fuzz: install
	FUZZ_EXAMPLES=500 $(VENV_PY) -m pytest -q tests/events/test_api_fuzz.py

# Style (ruff) and the layering contracts of pyproject.toml (import-linter).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles var
