# Two entry points for a fresh clone: `make demo` and `make test` (see README.md).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
EXAMPLE := examples/main_report.txt

.PHONY: demo test install gazetteer clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Dev extras are installed for both targets so one venv serves demo and tests.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(STAMP)

gazetteer: $(STAMP)
	$(BIN)/rasd gazetteer build --if-missing

demo: gazetteer
	mkdir -p out
	$(BIN)/rasd extract examples/ --published 2024-03-12 -o out/demo.jsonl
	$(BIN)/rasd show $(EXAMPLE) --published 2024-03-12

test: gazetteer
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out .pytest_cache
