"""The precision rule: bf16 only where the CPU computes it natively, unless a setting forces it."""

from __future__ import annotations

import pytest

from ingestion.precision import choose, parse_cpu_flags

XEON_AMX = frozenset({"avx512f", "avx512_bf16", "amx_bf16", "amx_tile"})
EPYC_BF16 = frozenset({"avx512f", "avx512_bf16", "avx512_vnni"})
EPYC_AVX2 = frozenset({"avx", "avx2", "fma"})


@pytest.mark.parametrize(
    ("setting", "flags", "dtype"),
    [
        ("auto", XEON_AMX, "bf16"),
        ("auto", EPYC_BF16, "bf16"),
        ("auto", EPYC_AVX2, "fp32"),
        ("auto", frozenset({"avx512f"}), "fp32"),  # AVX-512 without its bf16 extension emulates bf16
        ("auto", None, "fp32"),  # flags unknown: the safe choice
        ("bf16", EPYC_AVX2, "bf16"),  # a setting wins over the CPU
        ("fp32", XEON_AMX, "fp32"),
    ],
)
def test_choose(setting: str, flags: frozenset[str] | None, dtype: str) -> None:
    got = choose(setting, flags)  # type: ignore[arg-type]
    assert got.dtype == dtype
    assert got.reason.startswith(dtype)


def test_the_reason_names_what_decided() -> None:
    assert "amx_bf16" in choose("auto", XEON_AMX).reason
    assert "explicitly" in choose("fp32", XEON_AMX).reason


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("processor\t: 0\nflags\t\t: fpu avx512_bf16\n\nprocessor\t: 1\nflags\t\t: fpu\n", {"fpu", "avx512_bf16"}),
        ("processor : 0\nFeatures : fp asimd bf16\n", {"fp", "asimd", "bf16"}),  # aarch64 spells it Features
        ("processor : 0\n", set()),
    ],
)
def test_parse_cpu_flags(text: str, flags: set[str]) -> None:
    assert parse_cpu_flags(text) == flags
