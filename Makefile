# Two commands set up everything on a fresh machine (see README.md):
#   make site   create .venv, install the pinned dependencies, build site/ strictly
#   make test   install the test dependencies, Chromium and the Kiwix tools, run the whole suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
export CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve validate bench a11y deps node-deps test-deps browser clean

site: deps node-deps
	$(PY) scripts/build

# One reading language (and the default) per preview: `make serve LANG=fa`. Only a LANG given
# on the command line counts; the shell's own LANG (en_US.UTF-8) is a locale, not a choice.
PREVIEW_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),en)

serve: deps
	OSM_PREVIEW_LANG=$(PREVIEW_LANG) $(PY) -m mkdocs serve

validate: deps
	$(PY) scripts/validate

test: lint test-deps browser
	$(PY) -m pytest

# Spelling of the English pages (translations, name.<lang>.md, are not English) and Python style.
ENGLISH_PAGES = README.md CONTRIBUTING.md $(shell find docs -name '*.md' ! -name '*.??.md' | sort)

lint: test-deps
	$(PY) -m codespell_lib --ignore-words=.codespell-words.txt $(ENGLISH_PAGES)
	$(PY) -m ruff check hooks scripts tests
	$(PY) -m ruff format --check hooks scripts

deps: $(VENV)/.deps-installed

# Build-time tools from the npm registry (CSS trimming, script minifying), pinned in package-lock.json.
node-deps: node_modules/.installed

test-deps: $(VENV)/.test-deps-installed node-deps

# Chromium, zimcheck and kiwix-serve, from Debian (as root; see README otherwise).
browser:
	scripts/install-system-tools

# axe-core over every built page of every language (make test checks one page of each kind).
a11y: site test-deps browser
	$(PY) scripts/a11y

# Page weight and build time against vanilla Material; it reports and never fails on a number.
bench: test-deps browser
	$(PY) scripts/bench

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

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@
