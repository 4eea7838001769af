"""Fen arithmetic: Decimal 元, exact splits, 万元 as a table cell shows it."""

from __future__ import annotations

import math
import random
from decimal import ROUND_HALF_UP, Decimal

D = Decimal
ZERO = D("0.00")
FEN = D("0.01")


def wan(yuan: D) -> D:
    """元 → 万元 as a table cell shows it: ROUND(元/10000, 2), half up."""
    return (yuan / D(10000)).quantize(FEN, rounding=ROUND_HALF_UP)


def split_exact(total: D, weights: list[float]) -> list[D]:
    """Split ``total`` (元, fen) by ``weights`` into fen amounts summing exactly to ``total``."""
    fen = int(total * 100)
    if D(fen) / 100 != total:
        raise ValueError(f"not a fen amount: {total}")
    wsum = sum(weights)
    raw = [fen * w / wsum for w in weights]
    base = [math.floor(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: (base[i] - raw[i], i))[: fen - sum(base)]:
        base[i] += 1
    parts = [D(b) / 100 for b in base]
    assert sum(parts) == total
    return [p.quantize(FEN) for p in parts]


def noisy(rng: random.Random, weights: list[float], spread: float = 0.08) -> list[float]:
    return [w * rng.uniform(1 - spread, 1 + spread) for w in weights]


class SampleError(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SampleError(message)


def check_wan(label: str, yuan: D, expected: D) -> None:
    check(wan(yuan) == expected, f"{label}: {yuan} 元 rounds to {wan(yuan)} 万元, need {expected}")
