# The README's two commands: `make demo` sets up and opens Satchel on a demo vault of
# fictional cases; `make test` sets up and runs the whole test suite. Both work on a fresh
# clone with only Python 3.11+ (venv, pip), git and make: they create .venv/ and install
# what they need. `.ci/run` runs `make test` and nothing else.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SATCHEL := $(VENV)/bin/satchel
DEMO_VAULT ?= $(CURDIR)/.demo-vault
# Fictional data under a passphrase printed on screen: this vault is for looking around only.
DEMO_PASSPHRASE ?= demo passphrase
DEMO_CASES ?= 12
BENCH_ARGS ?=

.PHONY: demo demo-cli test venv system-deps translations ts icons package bench bench-quick \
	screenshots lint clean proof proof-long

# Reinstall whenever pyproject.toml changes (new dependency, new entry point).
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Satchel needs Python 3.11 or newer (PYTHON=$(PYTHON))" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev,package]'
	@touch $@

venv: $(VENV)/.installed

system-deps:
	@bash tools/install-system-deps

# resources/translations/satchel_<lang>.ts -> src/satchel/resources/translations/*.qm, and
# the app icon into the package (generated, never committed; the wheel build does the same).
translations: venv
	@$(PY) tools/build_translations.py

# Refresh the .ts from the code (pyside6-lupdate; existing translations kept), then compile.
ts: venv
	@$(PY) tools/build_translations.py --update

# The PNG set, .ico and .icns from resources/icons/satchel.svg (committed; run after an edit).
icons: venv
	QT_QPA_PLATFORM=offscreen $(PY) tools/make_icons.py

# The Linux release (PyInstaller onedir -> .tar.xz and .deb) in dist/, then its figures.
package: venv system-deps translations
	@bash packaging/linux/build.sh

# The demo vault is made once (deterministic: seed 7), then reused; `make clean` removes it.
$(DEMO_VAULT)/keyslots: | venv
	@echo "Creating the demo vault in $(DEMO_VAULT) ($(DEMO_CASES) fictional cases)..."
	@printf '%s\n' '$(DEMO_PASSPHRASE)' | $(SATCHEL) --vault '$(DEMO_VAULT)' demo \
	  --passphrase-file - --cases $(DEMO_CASES) --seed 7 >/dev/null

demo: venv system-deps translations $(DEMO_VAULT)/keyslots
	@echo
	@echo "  Demo vault:  $(DEMO_VAULT)"
	@echo "  Passphrase:  $(DEMO_PASSPHRASE)"
	@echo
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "No display for the desktop client here; the demo vault through the command line:"; \
	  $(MAKE) --no-print-directory demo-cli; \
	else \
	  $(SATCHEL) --vault '$(DEMO_VAULT)'; \
	fi

# The same demo vault shown in a terminal: cases, the agenda, and a search across scripts.
demo-cli: $(DEMO_VAULT)/keyslots
	@set -e; S() { printf '%s\n' '$(DEMO_PASSPHRASE)' \
	    | $(SATCHEL) --vault '$(DEMO_VAULT)' --passphrase-file - "$$@"; }; \
	  echo; echo '$$ satchel case list'; S case list; \
	  echo; echo '$$ satchel deadline list'; S deadline list; \
	  echo; echo '$$ satchel search Zhuravlyova   # also finds Журавлёва, Zhuravleva, Žuravljova'; \
	  S search Zhuravlyova

test: venv system-deps translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --dist loadscope

# Every benchmark, on a cached 2,000-case vault built on first use (bench/out/).
bench: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py $(BENCH_ARGS)

bench-quick: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --quick $(BENCH_ARGS)

# The proof report (issue 15): every part under tools/proof/ in its short mode, kept in
# docs/proof-figures.json and written to docs/proof.md with the machine it ran on; LONG=1 (or
# `make proof-long`) runs the parts that have a long mode (1,000 kills, 10^5 fuzz inputs per
# target, five sessions at the real key derivation, a whole 4 GiB document): hours. One part
# alone: `python -m tools.proof.run --long --only crash [--minutes 60]`. The report keeps the
# short figures beside the last long ones, each part with its date.
proof: venv system-deps translations
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.proof.run $(if $(LONG),--long)

proof-long:
	@$(MAKE) --no-print-directory proof LONG=1

screenshots: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

# ruff; the layer rules as import contracts (pyproject's [tool.importlinter]); mypy.
lint: venv
	$(VENV)/bin/ruff check src tests bench tools packaging setup.py
	$(VENV)/bin/ruff format --check src tests bench tools packaging setup.py
	$(VENV)/bin/lint-imports --no-logo
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) '$(DEMO_VAULT)' build dist src/*.egg-info bench/out
