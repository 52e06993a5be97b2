# Two commands on a fresh Debian machine:
#   make build   system packages, .venv, the package, then the sample talk into output/
#   make test    the same plus the test needs, then the test suite
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
DECKGEN := $(VENV)/bin/deckgen
TALK   ?= content/autour-de-docker

# Debian packages the renderers need at run time (graphviz for graph layout, the theme's fonts
# and their metric-compatible faces, Noto faces for CJK, Arabic and Hebrew, librsvg for PNG
# diagrams in any script, cairo for SVG pictures in PPTX and PDF, FriBidi for right-to-left
# text in the PDFs).
SYSTEM_BUILD := graphviz fonts-crosextra-carlito fonts-liberation2 fonts-noto-cjk fonts-noto-core \
                libcairo2 librsvg2-bin libfribidi0
# What the tests need on top: gettext's msgfmt checks the catalogs, poppler reads PDFs and qpdf
# checks their structure, Chromium runs the HTML deck (driven by Playwright, never downloaded),
# LibreOffice opens the PPTX decks as a real client would.
SYSTEM_TEST  := $(SYSTEM_BUILD) gettext poppler-utils qpdf chromium libreoffice-impress unicode-data

.PHONY: build test check system-build system-test bench clean help constraints docs pictures

help:
	@echo "make build   install what is missing and build the sample talk into output/"
	@echo "make test    install the test needs and run the test suite"
	@echo "make bench   run the benchmarks in bench/"
	@echo "make docs    build the documentation site from docs/ into site/"
	@echo "make pictures  make the documentation's pictures again from the sample talk"

system-build:
	@scripts/ensure-system-packages $(SYSTEM_BUILD)

system-test:
	@scripts/ensure-system-packages $(SYSTEM_TEST)

$(VENV)/.installed: pyproject.toml setup.py constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $@

# Pin the newest versions the floors in pyproject.toml allow, installed into a fresh environment.
constraints:
	rm -rf .constraints-venv && $(PYTHON) -m venv .constraints-venv
	.constraints-venv/bin/pip install --quiet -e '.[test]'
	{ echo "# The versions make installs and the tests run against (pip install -c constraints.txt)."; \
	  echo "# Refresh: make constraints (a fresh environment, the newest versions the floors allow)."; \
	  .constraints-venv/bin/pip freeze --exclude-editable | grep -iv '^deckgen'; } > constraints.txt
	rm -rf .constraints-venv

build: system-build $(VENV)/.installed
	$(DECKGEN) check $(TALK)
	$(DECKGEN) build $(TALK)


check: $(VENV)/.installed
	$(DECKGEN) check $(TALK)

test: system-test $(VENV)/.installed-test
	$(PY) -m pytest -q

bench: system-build $(VENV)/.installed
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# The documentation site (MkDocs) from docs/ into site/; the tests build it with --strict.
docs: $(VENV)/.installed-test
	$(VENV)/bin/mkdocs build --strict

# The pictures of the README and docs/, made from the sample talk with the current code
# (LibreOffice, poppler and Chromium, which the test needs install).
pictures: system-test $(VENV)/.installed-test
	$(PY) scripts/make_pictures.py

clean:
	rm -rf output/*/ .pytest_cache
