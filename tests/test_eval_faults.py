"""Proof that the harness measures what it claims: corrupt a known share of answers (evals/faults.py) and
check that the measured hallucination rate follows the injected rate.

Setup: 60 answerable questions of the default suite (every third answerable one, so every tag is
represented), the embedded extractive backend, the local verifier, policy annotate. Runs at 0 %, 20 %
and 50 % injected faults. Bounds (docs/evals.md): the clean run's hallucination rate is at most
CLEAN_MAX; each faulty run lands within TOLERANCE (absolute) of its injected rate, where the injected
rate is the share of answered questions whose answer was actually corrupted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.services import Services, build_services
from app.settings import Settings
from evals import metrics
from evals.faults import FaultBackend, fault_detection, plan_faults
from evals.harness import ensure_corpus
from evals.runner import InProcessTarget, run_suite
from evals.suite import load_suite
from tests.conftest import CORPUS
from tests.test_eval_runner import eval_data_dir

TOLERANCE = 0.10
CLEAN_MAX = 0.07  # at most 4 of ~58 answers: the verifier's false-positive rate on verbatim text
RATES = (0.0, 0.2, 0.5)


@pytest.fixture(scope="module")
def services(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    settings = Settings().override({"store.data_dir": eval_data_dir(request, tmp_path_factory)})
    svc = build_services(settings)
    ensure_corpus(svc, CORPUS, settings.default_collection)
    yield svc
    svc.close()


def _run(services: Services, rate: float) -> tuple[dict[str, Any], dict[str, Any] | None]:
    items = [i for i in load_suite().items if i.answerable][::3][:60]
    backend = services.backend
    if rate:
        backend = FaultBackend(backend, plan_faults([i.id for i in items], rate, seed=0))
    collection = services.settings.default_collection
    rows = run_suite(items, InProcessTarget(services, collection, "annotate", 5, backend), 5, progress=False)
    return metrics.aggregate(rows, 5), fault_detection(rows)


@pytest.mark.slow
def test_measured_hallucination_rate_follows_the_injected_rate(services: Services) -> None:
    seen = {}
    for rate in RATES:
        agg, faults = _run(services, rate)
        assert agg["errors"] == 0, agg["error_ids"]
        injected = faults["injected_rate"] if faults else 0.0
        seen[rate] = (agg["hallucination_rate"], injected, faults)
    report = {rate: (measured, injected) for rate, (measured, injected, _) in seen.items()}
    print("measured vs injected:", report)
    for rate, (_, _, faults) in seen.items():
        if faults:
            print(f"{rate}: detection {faults['detection_rate']} by kind {faults['by_kind']} missed {faults['missed']}")
    clean, _, _ = seen[0.0]
    assert clean <= CLEAN_MAX, f"clean run flags {clean} of answers as hallucinated"
    for rate in RATES[1:]:
        measured, injected, _ = seen[rate]
        assert injected >= rate - 0.1  # nearly every planned corruption was applied to an answer
        assert abs(measured - injected) <= TOLERANCE, report
