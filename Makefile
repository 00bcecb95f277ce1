# The two commands of the README: `make report` and `make test`.
# Both bootstrap .venv from pyproject.toml on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
CORPUS ?= seeds
RESULTS ?= results
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: install report analyze figures notebooks test bench lab clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make report: analyse the seeds, execute the notebooks, write figures/
report: install analyze figures notebooks

analyze: install
	$(BIN)/framing analyze $(CORPUS) --out $(RESULTS) --no-progress

figures: analyze
	@if $(BIN)/python -c "import framing.plots" 2>/dev/null; then \
		$(BIN)/framing figures $(RESULTS) --out figures; fi

notebooks: analyze
	@for nb in $(NOTEBOOKS); do \
		echo "executing $$nb"; \
		$(BIN)/python -m framing.notebook_run $$nb || exit 1; \
	done

## make test: the whole test suite (unit tests, seeds, nbval on the notebooks)
test: install
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with=tests/nbval_sanitize.cfg --mpl --mpl-baseline-path=tests/baseline

## make bench: accuracy and speed on the public benchmarks (prints figures)
bench: install
	$(BIN)/python benchmarks/run_all.py

lab: install
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(RESULTS) .pytest_cache
