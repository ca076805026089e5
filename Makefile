# Two commands on a fresh machine:
#   make demo   set up the environment, build graph + indexes from ../shared/data, show it working
#   make test   set up the environment and run every test (slow ones included)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,serve]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/kgqa build
	$(BIN)/kgqa graph stats
	$(BIN)/kgqa graph node "Marfan syndrome"
	$(BIN)/kgqa graph neighbours gout --relation treats --direction in
	$(BIN)/kgqa graph neighbours "Marfan syndrome" --relation hasPhenotype --attributes --limit 8
	$(BIN)/kgqa graph find "癫痫发作"
	$(BIN)/kgqa graph find "二甲双胍"
	$(BIN)/kgqa graph neighbours metformin --relation hasSideEffect --attributes --limit 5
	$(BIN)/kgqa graph neighbours "Angiotensin-Converting Enzyme Inhibitors" --relation inDrugClass --direction in --limit 8
	$(BIN)/kgqa graph neighbours "Fabry disease" --relation treats --direction in --limit 8
	$(BIN)/kgqa diagnose "short stature, hypertelorism, shawl scrotum, no seizures" -k 3 \
		--proposed "Aarskog-Scott syndrome" --drug ibuprofen
	$(BIN)/kgqa link "Glucose-6-phosphate dehydrogenase (G6PD) deficiency causes hemolytic anemia; no fever."
	$(BIN)/kgqa retrieve "What are the symptoms of Marfan syndrome?" -k 3
	$(BIN)/kgqa ask "Which drugs treat gout?" -k 5
	$(BIN)/kgqa ask "Which genes are associated with Marfan syndrome?" -k 3
	$(BIN)/kgqa ask "What does allopurinol treat?" -k 3
	$(BIN)/kgqa ask "Does metformin cause lactic acidosis?"
	$(BIN)/kgqa ask "Which drug treats gout?" --option metformin --option allopurinol --option aspirin
	$(BIN)/kgqa ask "Which gene is associated with Charcot-Marie-Tooth disease, type 2A?" \
		--option MFN2 --option CFTR --option FBN1 --option HBB
	$(BIN)/kgqa ask "What are the side effects of metformin?" -k 3
	$(BIN)/kgqa ask "Which drugs should I avoid with asthma?"
	$(BIN)/kgqa ask "SUBJECT: gout MESSAGE: My father was told he has gout. What can he take for it?" -k 3
	$(BIN)/kgqa verify "Metformin treats type 2 diabetes mellitus"
	$(BIN)/kgqa verify "Marfan syndrome is not associated with gene FBN1"
	$(BIN)/python scripts/serve_demo.py "Which drugs treat gout?"

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check kgqa tests scripts

bench: setup
	$(BIN)/python scripts/bench_graph.py --build
	$(BIN)/python scripts/bench_diagnosis.py
	$(BIN)/python scripts/bench_linking.py
	$(BIN)/python scripts/bench_retrieval.py
	$(BIN)/python scripts/bench_qa.py
	$(BIN)/python scripts/bench_messages.py
	$(BIN)/python scripts/bench_serve.py

clean:
	rm -rf $(VENV) indexes/graph indexes/diagnosis indexes/names indexes/annotated indexes/passages .pytest_cache
