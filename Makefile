# Two entry points for a fresh clone: `make demo` and `make test` (see README.md).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
EXAMPLE := examples/main_report.txt

GOLD    := ../shared/seed/gold.jsonl ../shared/eval/dev_gold.jsonl

.PHONY: demo test eval bench install gazetteer clean fuzz

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

# The development set: the seed and the Syrian Archive reports, one table per set and overall.
eval: gazetteer
	mkdir -p out/eval
	$(BIN)/python -m rasd.evaluate inputs $(GOLD) -o out/eval/input.jsonl
	$(BIN)/rasd extract out/eval/input.jsonl -o out/eval/pred.jsonl --no-progress
	$(BIN)/rasd eval $(GOLD) --pred out/eval/pred.jsonl --input out/eval/input.jsonl

# Speed and memory against a tokenising baseline measured in the same run (bench/run.py).
BENCH_ARGS ?=
bench: gazetteer
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Coverage-guided fuzzing of rasd.extract and input decoding (optional atheris extra).
FUZZ_RUNS ?= 20000
fuzz: gazetteer
	$(BIN)/pip install -q -e '.[dev,fuzz]'
	mkdir -p out/fuzz
	cd out/fuzz && ../../$(BIN)/python ../../fuzz/fuzz_extract.py -runs=$(FUZZ_RUNS) -max_len=4096

clean:
	rm -rf $(VENV) out .pytest_cache
