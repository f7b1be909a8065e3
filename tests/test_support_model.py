"""The support model's parameter file: the shipped one loads, round-trips, and malformed ones fail clearly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.grounding.features import FEATURE_NAMES
from app.grounding.model import DEFAULT_PARAMS, ModelParamsError, SupportModel


def test_shipped_params_round_trip(tmp_path: Path) -> None:
    model = SupportModel.load()
    assert set(model.calibration) == {"qa", "free"}
    assert set(model.operating_points) == {"halueval-qa", "faithbench"}
    assert all(0.0 < cut < 1.0 for cut in model.operating_points.values())
    out = tmp_path / "params.json"
    model.save(out)
    assert out.read_text() == DEFAULT_PARAMS.read_text()  # what train writes is what load reads
    x = np.random.default_rng(0).random((4, len(FEATURE_NAMES)))
    again = SupportModel.load(out)
    assert np.allclose(again.predict(x, "qa"), model.predict(x, "qa"))
    assert np.all((model.predict(x, "free") > 0) & (model.predict(x, "free") < 1))


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT_PARAMS.read_text())
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "other/1"}, "expected format"),
        ({"features": ["sim_max"]}, "retrain"),
        ({"coef": [1.0, 2.0]}, "must hold"),
        ({"intercept": None}, "malformed"),
        ({"calibration": {"qa": {"a": "x", "b": 0}}}, "malformed"),
        ({"operating_points": ["halueval-qa"]}, "malformed"),
    ],
)
def test_malformed_params_fail_clearly(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    path = tmp_path / "params.json"
    path.write_text(json.dumps(_shipped() | change))
    with pytest.raises(ModelParamsError, match=message):
        SupportModel.load(path)


def test_missing_or_null_operating_points_are_none(tmp_path: Path) -> None:
    path = tmp_path / "params.json"
    for value in (None, {}):
        path.write_text(json.dumps(_shipped() | {"operating_points": value}))
        assert SupportModel.load(path).operating_points == {}
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    with pytest.raises(ModelParamsError, match=r"broken\.json"):
        SupportModel.load(broken)
