"""The office's 绩效指标 sheet as one tree: indicators with their typed scores, the totals the
office typed beside them, and the unit the self-evaluation is about."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..ingest.records import Provenance, Reading


@dataclass(frozen=True)
class Indicator:
    """A 三级指标 (or a 二级 where the sheet gives no 三级 under it)."""

    seq: int                        # 1, 2, … in sheet order
    level1: str
    level2: str                     # "" in a two-level sheet
    name: str
    weight: Decimal
    target: Reading
    actual: Reading
    criterion: str
    rule: str                       # 指标类型 as typed: 定量 | 定性 | ""
    note: str
    score: Decimal | None           # the office's 自评得分
    score_rate: Decimal | None
    source: Provenance


@dataclass(frozen=True)
class TypedTotal:
    """A 小计 / 合计 / 总计 row the office typed: read, kept, checked, never trusted."""

    level: str                      # "二级" | "一级" | "总计"
    level1: str                     # the group it closes ("" where not applicable)
    level2: str
    weight: Decimal | None
    score: Decimal | None
    score_rate: Decimal | None
    source: Provenance


@dataclass(frozen=True)
class PerformanceSheet:
    unit: str                       # the evaluated unit as 底稿 names it; "" = the department
    unit_label: str                 # as the title shows it
    indicators: tuple[Indicator, ...]
    totals: tuple[TypedTotal, ...]
    grade: str                      # the office's typed grade, "" if none
    grade_source: Provenance | None
    file: str
    sheet: str
