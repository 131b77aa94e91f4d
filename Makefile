# The CSTO Record: `make book` builds the web edition, `make test` tests everything, `make pdf`
# prints the PDF edition. Each creates the virtual environment from requirements.lock if it is
# missing or out of date. The README lists what each target needs besides Python 3.11.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := _build
# Left out of requirements.lock: rfc3987-syntax (and lark, which only it needs) is an optional
# URL-format checker of jsonschema, pulled in by jupyter-events; when installed, jsonschema builds
# its 39 grammars on import, which costs every process that imports nbformat (the execution step
# and Sphinx) about 1.7 s. jsonschema skips that one format check without it. The lock holds
# setuptools and wheel too (`--all`), since it is installed with --no-deps; pip itself is not
# pinned (`make venv` upgrades it first).
LOCK_EXCLUDE := rfc3987-syntax lark
SPACE := $() $()
# Python's default, whatever the machine says: compiled modules are kept in __pycache__ (git
# ignores it; the execution inputs' fingerprint skips it). A machine that sets
# PYTHONDONTWRITEBYTECODE makes every kernel and test worker compile the package and the tests
# again: collecting the tests took 12 s instead of 3 s here.
unexport PYTHONDONTWRITEBYTECODE
# Sphinx flags for every build: nitpicky, warnings are errors, report all before failing.
JB_FLAGS := --warningiserror --nitpick --keep-going

.PHONY: book test test-fast lint check serve lab clean lock benchmark venv browsers chromium pdf

venv: $(STAMP)

# The project's own packages (analysis, bookbuild) are put on the environment's path with a .pth
# file, which is what an editable install does, without running a build backend (setuptools
# printed three warnings doing it). pyproject.toml still builds a wheel for `pip install .`.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.lock
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()["purelib"], "csto-record.pth").write_text("$(CURDIR)\n")'
	@touch $(STAMP)

## book: build the HTML book into _build/html (executes changed chapters only, in parallel);
## needs no npm and no network once the environment exists
book: $(STAMP)
	$(BIN)/python -m bookbuild execute
	$(BIN)/jupyter-book build . $(JB_FLAGS)
	@echo "The book is at $(CURDIR)/$(BUILD)/html/index.html (or run: make serve)"

# Tests run on all cores (pytest-xdist); the built book they share is built once per run
# (tests/conftest.py). In `make test` the browser tests of one page are one group, run by one
# worker (loadgroup), and keep their order (--no-loadscope-reorder), so the tests that read the
# built book still run last; test-fast has no groups and hands out tests in batches (load).
PYTEST := $(BIN)/python -m pytest -n auto
GROUPED := --dist loadgroup --no-loadscope-reorder
FAST   := not book and not browser

## pdf: the reader's edition as one PDF, _build/pdf/csto-record.pdf (chapters, cases, methods
## and the works they cite), printed offline by Chromium at /usr/bin/chromium; a later
## `make book` links it from every page while it is current
pdf: $(STAMP) chromium
	$(BIN)/python -m bookbuild execute
	$(BIN)/python -m bookbuild pdf

## test: the linters, then every test (data, analysis, notebooks, the built book, the book in a
## browser); CI runs this
test: $(STAMP) lint browsers
	$(PYTEST) $(GROUPED)

## test-fast: the quick loop: the linters (ruff, import-linter's layer contracts), then every
## test except the book builds, the browser and Lighthouse
test-fast: $(STAMP) lint
	$(PYTEST) -m "$(FAST)"

## lint: ruff (style, imports, docstrings) and import-linter (the layers: pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/lint-imports --no-cache --no-logo

## browsers: Chromium and the pinned npm checkers (axe-core, lighthouse, vnu-jar) for `make test`
browsers:
	@tools/setup-browser.sh

## chromium: Chromium at /usr/bin/chromium, for `make pdf` (installed from Debian if missing)
chromium:
	@tools/setup-browser.sh --chromium-only

## check: validate every table in data/
check: $(STAMP)
	$(BIN)/python -m analysis check

## serve: the built book on http://localhost:8000
serve: book
	$(BIN)/python -m http.server --directory $(BUILD)/html --bind 127.0.0.1 8000

## benchmark: build and analysis timings, page weights; prints them and writes _build/benchmark.json
benchmark: $(STAMP)
	$(BIN)/python tools/benchmark.py

## lab: JupyterLab; a chapter's .md opens as a notebook (jupytext); as root (a container) it
## adds --allow-root, which Jupyter otherwise asks for
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=book $(if $(filter 0,$(shell id -u)),--allow-root)

## lock: re-resolve requirements.in into requirements.lock (needs the network)
lock:
	rm -rf $(BUILD)/lockenv
	$(PYTHON) -m venv $(BUILD)/lockenv
	$(BUILD)/lockenv/bin/python -m pip install --quiet --upgrade pip
	$(BUILD)/lockenv/bin/python -m pip install --quiet -r requirements.in
	(echo "# Generated by 'make lock' from requirements.in with Python 3.11; do not edit by hand."; \
	 echo "# Installed with --no-deps: this list is complete. Left out: $(LOCK_EXCLUDE)"; \
	 $(BUILD)/lockenv/bin/python -m pip freeze --all --exclude-editable | \
	   grep -v -i -E '^(pip|$(subst $(SPACE),|,$(LOCK_EXCLUDE)))==') > requirements.lock
	rm -rf $(BUILD)/lockenv

## clean: remove the built book, caches and generated files (keeps the environment)
clean:
	rm -rf $(BUILD) book/_generated .pytest_cache .hypothesis artifacts
