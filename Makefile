# Two commands: `make run` and `make test`. Both create .venv/ on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint quality fidelity translations bench soak clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/reportbot run

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

# Search quality on the labelled queries of tests/eval: the bot's ranking against plain BM25.
quality: $(STAMP)
	$(BIN)/python -m tests.eval.quality $(QUALITY_ARGS)

# How faithfully the reader reads real UN PDFs (page furniture, footnotes, preambles, numbering):
# FIDELITY_DIR is a folder of them (docs/reading-un-documents.md says where to find some). Not
# part of `make test`: it takes minutes. FIDELITY_ARGS=--help for options (`--every 5`).
fidelity: $(STAMP)
	@test -n "$(FIDELITY_DIR)" || { echo "usage: make fidelity FIDELITY_DIR=<folder of UN PDFs>"; exit 2; }
	$(BIN)/python -m tests.fidelity $(FIDELITY_DIR) $(FIDELITY_ARGS)

# Speed at library scale (1k to 320k paragraphs) against an SQLite FTS5 baseline; writes
# docs/benchmarks.md. Not part of `make test`: it takes minutes. BENCH_ARGS=--help for options.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# Minutes of mixed traffic from many chats through the emulator, with faults injected.
soak: $(STAMP)
	$(BIN)/python -m tests.soak $(SOAK_ARGS)

# The bot's messages, from the code into bot/locales/bot.pot and on into each language's catalogue
# (created if missing). New messages arrive untranslated, changed ones marked fuzzy: translate them
# in the .po files; tests/bot/replies/test_i18n.py fails until every one is done.
POT := bot/locales/bot.pot
TRANSLATED := ar zh fr ru es

translations: $(STAMP)
	$(BIN)/pybabel extract --mapping-file=babel.cfg --add-comments=Translators: \
		--add-location=file --sort-output --project=reportbot --copyright-holder=reportbot \
		--output-file=$(POT) .
	for lang in $(TRANSLATED); do \
		$(BIN)/pybabel update --input-file=$(POT) --output-dir=bot/locales --domain=bot \
			--locale=$$lang --init-missing --ignore-obsolete --ignore-pot-creation-date \
			|| exit 1; \
	done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
