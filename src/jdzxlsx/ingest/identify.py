"""identify: decide what a sheet is, from its headers alone. Nothing here reads data rows.

For each candidate header block (a row among the first ones, one or two rows deep) every kind
maps columns to fields by alias. A kind qualifies when its requirements are met; the qualifying
kind with most matched fields wins. A tie between kinds, or no qualifying kind, leaves the sheet
unidentified with a reason, so it is reported and never half-read.
"""

from __future__ import annotations

from dataclasses import dataclass

from .headers import Column, MergedCells, header_columns
from .kinds import Catalogue, KindSpec
from .readers import RawSheet
from .text import is_blank

HEADER_SEARCH_ROWS = 20
MAX_HEADER_DEPTH = 2


@dataclass(frozen=True)
class Identified:
    """A sheet's kind and where its header is (also used for candidates while deciding)."""

    kind: KindSpec
    header_row: int                 # 0-based first header row
    depth: int                      # header rows
    columns: dict[str, Column]      # field name → column

    @property
    def data_row(self) -> int:
        """0-based index of the first row below the header."""
        return self.header_row + self.depth

    @property
    def score(self) -> int:
        return len(self.columns)


@dataclass(frozen=True)
class Unidentified:
    reason: str


def identify(sheet: RawSheet, catalogue: Catalogue,
             merged: MergedCells | None = None) -> Identified | Unidentified:
    if all(is_blank(value) for row in sheet.rows for value in row):
        return Unidentified("空工作表")
    merged = merged or MergedCells(sheet)
    blocks = list(_header_blocks(sheet, merged))
    best: list[Identified] = []         # per kind, its best qualifying header block
    nearest: list[Identified] = []      # per kind, its best block even if not qualifying
    for kind in catalogue.kinds:
        candidates = {(row, depth): Identified(kind, row, depth, match_columns(kind, columns))
                      for row, depth, columns in blocks}
        ranked = [c for c in candidates.values() if _justified(c, candidates, merged)]
        nearest.append(max(ranked, key=lambda c: c.score))
        qualifying = [c for c in ranked if not kind.unmet(set(c.columns))]
        if qualifying:
            # max() keeps the first of equals: the highest header block.
            best.append(max(qualifying, key=lambda c: c.score))
    if not best:
        return Unidentified(_no_kind_reason(nearest, catalogue))
    best.sort(key=lambda c: -c.score)
    winner = best[0]
    if len(best) > 1 and best[1].score == winner.score:
        return Unidentified(f"表头同时符合「{winner.kind.label}」和「{best[1].kind.label}」，"
                            "无法判断是哪一种，请删去多余的列")
    return winner


def _header_blocks(sheet: RawSheet, merged: MergedCells):
    """Every (first row, depth, columns) worth trying among the first rows."""
    last = min(HEADER_SEARCH_ROWS, len(sheet.rows))
    for header_row in range(last):
        for depth in range(1, MAX_HEADER_DEPTH + 1):
            if header_row + depth <= last:     # every row of a block is also tried alone
                yield header_row, depth, header_columns(sheet, merged, header_row, depth)


def _justified(candidate: Identified, candidates: dict[tuple[int, int], Identified],
               merged: MergedCells) -> bool:
    """A two-row block counts if its rows are one header: a range merges down across them, or
    together they match more than either row alone.

    Otherwise a title row just above the header (its "金额单位：万元" would be lost) or a data
    row just below it would be taken for half of a two-row header.
    """
    if candidate.depth == 1:
        return True
    top = candidate.header_row
    singles = [candidates[(row, 1)].score for row in range(top, top + candidate.depth)]
    if candidate.score > max(singles):
        return True
    linked = all(merged.reaches_down_to(row, row + 1)
                 for row in range(top, top + candidate.depth - 1))
    return linked and candidate.score >= max(singles) > 0


def match_columns(kind: KindSpec, columns: list[Column]) -> dict[str, Column]:
    """Field → column. The whole flattened text is tried before its last part ("金额/借方" →
    借方), so "本期发生额/借方" and "期初余额/借方" stay apart; the first column wins a field."""
    matched: dict[str, Column] = {}
    for column in columns:
        for key in column.keys:
            field = kind.field_for(key)
            if field is not None:
                if field not in matched:
                    matched[field] = column
                break
    return matched


def _no_kind_reason(nearest: list[Identified], catalogue: Catalogue) -> str:
    known = "、".join(kind.label for kind in catalogue.kinds)
    partial = [c for c in nearest if c.score > 0]
    if not partial:
        return f"前 {HEADER_SEARCH_ROWS} 行中找不到可识别的表头（可识别的表：{known}）"
    closest = max(partial, key=lambda c: c.score)
    missing = "；".join(closest.kind.unmet(set(closest.columns)))
    found = "、".join(column.text for column in closest.columns.values())
    return (f"不是可识别的表：最接近「{closest.kind.label}」（第 {closest.header_row + 1} 行表头，"
            f"找到 {found}），但缺少列：{missing}")
