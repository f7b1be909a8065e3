"""Which float precision the CPU models run in: bf16 where the CPU computes it natively, fp32 elsewhere.

Measured side by side on MiniLM (`python -m bench.precision`): bf16 is ~3x faster than fp32 on a Xeon
with AMX and 1.7x on an AMD EPYC with AVX-512-BF16, but 7x *slower* on an AMD EPYC with AVX2 only, where
oneDNN emulates it. So the default, `auto`, reads the CPU's feature flags once and picks; a setting
(`bf16` / `fp32`) forces either. Pure apart from reading the flags, so the rule is table-tested.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Dtype = Literal["bf16", "fp32"]
DtypeSetting = Literal["auto", "bf16", "fp32"]

# Flags (as Linux's /proc/cpuinfo spells them) under which oneDNN runs bf16 matmuls in hardware.
NATIVE_BF16_FLAGS = ("amx_bf16", "avx512_bf16")


@dataclass(frozen=True)
class Precision:
    dtype: Dtype
    reason: str  # one line for logs and /readyz: why this precision was chosen


def choose(setting: DtypeSetting, cpu_flags: frozenset[str] | None) -> Precision:
    """The precision for `setting` on a CPU with `cpu_flags` (None: flags unknown, e.g. not Linux)."""
    if setting != "auto":
        return Precision(setting, f"{setting} (set explicitly)")
    if cpu_flags is None:
        return Precision("fp32", "fp32 (auto: the CPU's features could not be read)")
    native = [f for f in NATIVE_BF16_FLAGS if f in cpu_flags]
    if native:
        return Precision("bf16", f"bf16 (auto: the CPU has {', '.join(native)})")
    return Precision("fp32", "fp32 (auto: the CPU has no native bf16 (amx_bf16 / avx512_bf16), where bf16 is slower)")


def parse_cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The feature flags of the first processor listed in /proc/cpuinfo's text."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("flags", "Features"):
            return frozenset(value.split())
    return frozenset()


@functools.cache
def cpu_flags(path: str = "/proc/cpuinfo") -> frozenset[str] | None:
    try:
        return parse_cpu_flags(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None


def resolve(setting: DtypeSetting) -> Precision:
    """The precision to run in on this machine."""
    return choose(setting, cpu_flags() if setting == "auto" else None)
