# Two commands set up everything on a fresh machine (see README.md):
#   make site   create .venv, install the pinned dependencies, build site/ strictly
#   make test   install the test dependencies and a Chromium, run the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
export CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve validate deps test-deps browser clean

site: deps
	$(PY) scripts/build

serve: deps
	$(PY) -m mkdocs serve

validate: deps
	$(PY) scripts/validate

test: test-deps browser
	$(PY) -m pytest

deps: $(VENV)/.deps-installed

test-deps: $(VENV)/.test-deps-installed

browser:
	scripts/install-browser

clean:
	rm -rf site .site.building .site.old

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.deps-installed: requirements.txt | $(VENV)/bin/python
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.test-deps-installed: requirements-test.txt $(VENV)/.deps-installed
	$(PIP) -r requirements-test.txt
	touch $@
