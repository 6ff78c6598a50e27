# Two entry points (see README): `make demo` opens Satchel on a demo vault; `make test` runs
# the whole test suite. Both create .venv and install what they need on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_VAULT ?= $(CURDIR)/.demo-vault
DEMO_PASSPHRASE ?= demo passphrase

.PHONY: demo test venv system-deps translations bench screenshots lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $@

venv: $(VENV)/.installed

system-deps:
	bash tools/install-system-deps

translations: venv
	$(PY) tools/build_translations.py

demo: venv translations
	@test -d $(DEMO_VAULT) || { printf '%s\n' '$(DEMO_PASSPHRASE)' | $(VENV)/bin/satchel --vault $(DEMO_VAULT) demo --passphrase-file - --cases 12 --seed 7; }
	@echo "Demo vault: $(DEMO_VAULT)   passphrase: $(DEMO_PASSPHRASE)"
	$(VENV)/bin/satchel --vault $(DEMO_VAULT)

test: venv system-deps translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

screenshots: venv translations
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

lint: venv
	$(VENV)/bin/ruff check src tests bench tools
	$(VENV)/bin/ruff format --check src tests bench tools
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) .demo-vault build src/*.egg-info
