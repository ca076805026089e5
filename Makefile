# Two commands on a fresh machine:
#   make demo   set up the environment, build the graph from ../shared/data, show it working
#   make test   set up the environment and run every test (slow ones included)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/kgqa build
	$(BIN)/kgqa graph stats
	$(BIN)/kgqa graph node "Marfan syndrome"
	$(BIN)/kgqa graph neighbours gout --relation treats --direction in
	$(BIN)/kgqa graph neighbours "Marfan syndrome" --relation hasPhenotype --attributes --limit 8
	$(BIN)/kgqa graph find "癫痫发作"
	$(BIN)/kgqa diagnose "short stature, hypertelorism, shawl scrotum, no seizures" -k 3 \
		--proposed "Aarskog-Scott syndrome" --drug ibuprofen

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check kgqa tests scripts

bench: setup
	$(BIN)/python scripts/bench_graph.py --build
	$(BIN)/python scripts/bench_diagnosis.py

clean:
	rm -rf $(VENV) indexes/graph indexes/diagnosis .pytest_cache
