# Two entry points for a fresh clone: `make demo` and `make test` (see README.md).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
EXAMPLE := examples/main_report.txt

# Team-written short news reports (eval/news/) score beside the seed and the dev set.
GOLD    := ../shared/seed/gold.jsonl ../shared/eval/dev_gold.jsonl $(sort $(wildcard eval/news/*_gold.jsonl))

.PHONY: demo test eval bench install gazetteer clean browser screenshot serve fuzz

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Dev extras are installed for both targets so one venv serves demo and tests; the ray
# extra too, so CI tests the Ray engine against the local runner.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,serve,webtest,ray]'
	touch $@

install: $(STAMP)

gazetteer: $(STAMP)
	$(BIN)/rasd gazetteer build --if-missing

demo: gazetteer
	mkdir -p out
	$(BIN)/rasd extract examples/ --published 2024-03-12 -o out/demo.jsonl
	$(BIN)/rasd show $(EXAMPLE) --published 2024-03-12

test: gazetteer browser
	$(BIN)/python -m pytest

# The browser tests drive the system Chromium (Debian's package, never a downloaded build).
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium for the browser tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; \
	else echo "note: $(CHROMIUM) missing and not root: browser tests will be skipped (apt-get install chromium chromium-driver)"; fi

# The README screenshot docs/serve.png, taken by the browser test on demand.
screenshot: gazetteer browser
	RASD_SCREENSHOT=docs/serve.png $(BIN)/python -m pytest tests/test_browser.py -k example_article

# `rasd serve` on the bundled examples: http://127.0.0.1:8000/
serve: gazetteer
	$(BIN)/rasd ingest examples/ --db out/rasd.db --published 2024-03-12
	$(BIN)/rasd serve --db out/rasd.db

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
