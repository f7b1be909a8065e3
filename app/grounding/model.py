"""The support model: a logistic regression over the grounding features with Platt calibration,
stored as plain JSON (no pickles: the file is data, readable and diffable, never executable).

p(supported) = sigmoid(a * (w · (x - mean) / scale + b0) + b). The scorer is shared; (a, b) is fitted
per regime on out-of-fold scores: "qa" for an answer judged with its question, "free" for text
verified without one (a summary, a bring-your-own-LLM answer). The same feature values mean
different odds in the two (a short extractive answer to a question vs. a paraphrasing summary).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from app.grounding.features import FEATURE_NAMES

DEFAULT_PARAMS = Path(__file__).with_name("verifier_params.json")
FORMAT = "tether-verifier/1"
Regime = Literal["qa", "free"]
REGIMES: tuple[Regime, ...] = ("qa", "free")


def regime_of(question: str | None) -> Regime:
    """The calibration regime of a verification: "qa" when judged with a question, else "free"."""
    return "qa" if question and question.strip() else "free"


class ModelParamsError(ValueError):
    """The parameter file does not match this code's features or format."""


@dataclass(frozen=True)
class SupportModel:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    calibration: dict[Regime, tuple[float, float]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    # Answer-level support cut per detector benchmark (e.g. "halueval-qa"), chosen on that benchmark's
    # declared train split when the model was trained: a benchmark of one-line answers and one of
    # multi-claim summaries need different cuts. The service itself uses its configured threshold.
    operating_points: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if tuple(self.features) != FEATURE_NAMES:
            raise ModelParamsError(
                f"verifier params list features {list(self.features)}, this code computes "
                f"{list(FEATURE_NAMES)}: retrain with `python -m app.grounding.train`"
            )
        for name in ("mean", "scale", "coef"):
            if getattr(self, name).shape != (len(FEATURE_NAMES),):
                raise ModelParamsError(f"verifier params: '{name}' must hold {len(FEATURE_NAMES)} numbers")

    @classmethod
    def untrained(cls) -> SupportModel:
        """All-zero weights (p = 0.5 everywhere): lets training compute features before a model exists."""
        n = len(FEATURE_NAMES)
        return cls(FEATURE_NAMES, np.zeros(n), np.ones(n), np.zeros(n), 0.0)

    def logit(self, x: np.ndarray) -> np.ndarray:
        """Uncalibrated log-odds of support, one per row of x (n, n_features)."""
        z = (np.atleast_2d(x) - self.mean) / self.scale
        return np.asarray(z @ self.coef + self.intercept, dtype=np.float64)

    def predict(self, x: np.ndarray, regime: Regime = "qa") -> np.ndarray:
        """Calibrated probability that each row's claim is supported."""
        a, b = self.calibration.get(regime, (1.0, 0.0))
        return _sigmoid(a * self.logit(x) + b)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "kind": "logistic",
            "features": list(self.features),
            "mean": _floats(self.mean),
            "scale": _floats(self.scale),
            "coef": _floats(self.coef),
            "intercept": round(float(self.intercept), 6),
            "calibration": {
                "kind": "platt",
                **{r: {"a": round(a, 6), "b": round(b, 6)} for r, (a, b) in self.calibration.items()},
            },
            "operating_points": {k: round(v, 4) for k, v in sorted(self.operating_points.items())},
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SupportModel:
        if data.get("format") != FORMAT or data.get("kind") != "logistic":
            raise ModelParamsError(f"verifier params: expected format {FORMAT!r} with kind 'logistic'")
        try:
            cal = data.get("calibration", {})
            calibration = {r: (float(cal[r]["a"]), float(cal[r]["b"])) for r in REGIMES if r in cal}
            return cls(
                features=tuple(data["features"]),
                mean=np.asarray(data["mean"], dtype=np.float64),
                scale=np.asarray(data["scale"], dtype=np.float64),
                coef=np.asarray(data["coef"], dtype=np.float64),
                intercept=float(data["intercept"]),
                calibration=calibration,
                meta=dict(data.get("meta", {})),
                operating_points={str(k): float(v) for k, v in (data.get("operating_points") or {}).items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelParamsError(f"verifier params: malformed field ({exc})") from exc

    @classmethod
    def load(cls, path: Path | str | None = None) -> SupportModel:
        path = Path(path) if path else DEFAULT_PARAMS
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ModelParamsError(f"verifier params file {path}: {exc}") from exc
        return cls.from_dict(data)

    def save(self, path: Path | str) -> int:
        text = json.dumps(self.to_dict(), indent=1, sort_keys=False) + "\n"
        Path(path).write_text(text, encoding="utf-8")
        return len(text.encode())


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -40, 40))), dtype=np.float64)


def _floats(values: Sequence[float] | np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]
