# Two commands for newcomers: `make run` and `make test`. Everything else is for operators.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
APPS := portal community_pages library webinars glossary news programmes events search surveys insights

.PHONY: run test test-elasticsearch services install migrate demo messages compilemessages lint format bench e2e clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

compilemessages: install
	$(PY) manage.py compilemessages --ignore=.venv -v0

migrate: install compilemessages
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin

# Links in emails, feeds, the API and hreflang name the address the portal is served at.
run demo: export BASE_URL ?= http://127.0.0.1:$(PORT)
run: demo
	@echo "Serving the portal at http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	@echo "Emails by hand, in another terminal: $(PY) manage.py send_follow_updates, $(PY) manage.py send_search_alerts, $(PY) manage.py send_survey_emails, $(PY) manage.py send_moderation_digest, then $(PY) manage.py send_digests (and --weekly)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# `make test` measures the suite's coverage of the apps' code ([tool.coverage] in pyproject.toml)
# and fails below this floor, in percent. A run of part of the suite sets COVERAGE_FLOOR=0: the
# figure is shown, not enforced.
COVERAGE_FLOOR ?= 90
test: install compilemessages
	$(PY) -m pytest --cov --cov-fail-under=$(COVERAGE_FLOOR) $(PYTEST_ARGS)

# PostgreSQL, Redis, Chromium and a local Elasticsearch, started (and installed) if needed.
services:
	scripts/services

# The engine-neutral search suites on the local Elasticsearch (after `make services`).
test-elasticsearch: install compilemessages
	ELASTICSEARCH_URL=http://127.0.0.1:9200 $(PY) -m pytest $(shell cat .ci/elasticsearch-suites) $(PYTEST_ARGS)

e2e: install compilemessages
	$(PY) -m pytest tests/e2e -m e2e

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Refresh the translation catalogues: portal strings in locale/, each app's in <app>/locale/.
messages: install
	$(PY) scripts/make_messages.py

bench: install
	$(PY) bench/run.py $(BENCH)

clean:
	rm -rf $(VENV) db.sqlite3 test-artifacts
