"""The top of a sheet: the header row(s) and the title rows above them.

A header may span two rows with merged cells ("金额" over "借方 | 贷方"). It is flattened from
the real merged ranges: every cell of a range takes the range's value, then each column's texts
are joined top to bottom ("金额/借方"). Forward-filling blanks instead would guess wrong on
irregular merges (docs/tooling-notes.md §2.8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .readers import RawSheet
from .text import cell_text, fold, squeeze

_BIG_MERGE = 10_000     # cells; a larger "merge" is decoration, not a header or a data cell
_UNIT_SUFFIX = re.compile(r"\((?:单位[:：]?)?(?:人民币)?(万元|元)\)$")
TEN_THOUSAND = Decimal(10000)
ONE = Decimal(1)


class MergedCells:
    """Which top-left cell a covered cell of a merged range belongs to."""

    def __init__(self, sheet: RawSheet):
        self._owner: dict[tuple[int, int], tuple[int, int]] = {}
        self._ranges = [rng for rng in sheet.merged
                        if (rng[2] - rng[0] + 1) * (rng[3] - rng[1] + 1) <= _BIG_MERGE]
        for r0, c0, r1, c1 in self._ranges:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self._owner[(r, c)] = (r0, c0)

    def value(self, sheet: RawSheet, row: int, col: int, *, vertical_only: bool = False) -> object:
        """The cell's own value, or its range's value if the cell is covered by a merge.

        ``vertical_only`` fills only from a range above in the same column: in data rows a
        category merged down over its rows belongs to each of them, while a text merged across
        (a long 摘要) does not belong to the next column's field.
        """
        r, c = self._owner.get((row, col), (row, col))
        if vertical_only and c != col:
            r, c = row, col
        return raw_cell(sheet, r, c)

    def reaches_down_to(self, row: int, target_row: int) -> bool:
        """True if a range starting on ``row`` extends to ``target_row`` (a header's top half
        merged down into the header: that row is header, not title)."""
        return any(r0 == row and r1 >= target_row for r0, _, r1, _ in self._ranges)


def raw_cell(sheet: RawSheet, row: int, col: int) -> object:
    if row < len(sheet.rows) and col < len(sheet.rows[row]):
        return sheet.rows[row][col]
    return None


@dataclass(frozen=True)
class Column:
    index: int                  # 0-based
    parts: tuple[str, ...]      # the header texts top to bottom, merged repeats removed
    keys: tuple[str, ...]       # folded texts a field alias may equal: whole, then last part
    scale: Decimal | None       # money unit the header states ("(万元)" → 10000), else None

    @property
    def text(self) -> str:
        return "/".join(self.parts)


def header_columns(sheet: RawSheet, merged: MergedCells, first_row: int,
                   depth: int) -> list[Column]:
    """The columns of a header block of ``depth`` rows starting at ``first_row``."""
    columns = []
    for col in range(sheet.width):
        parts: list[str] = []
        for row in range(first_row, first_row + depth):
            text = squeeze(cell_text(merged.value(sheet, row, col)))
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        if parts:
            columns.append(_column(col, parts))
    return columns


def _column(index: int, parts: list[str]) -> Column:
    folded = [fold(part).lstrip("*") for part in parts]
    scale = None
    match = _UNIT_SUFFIX.search(folded[-1])
    if match:
        scale = TEN_THOUSAND if match[1] == "万元" else ONE
        folded[-1] = folded[-1][: match.start()]
    keys = ("/".join(f for f in folded if f), folded[-1])
    return Column(index, tuple(parts), tuple(dict.fromkeys(k for k in keys if k)), scale)


# --- title rows ---------------------------------------------------------------------------

@dataclass(frozen=True)
class TitleInfo:
    unit: str = ""              # 单位 named in the title ("" if none)
    period: str = ""            # "YYYY-MM" (the first month of a range), "" if none
    year: int | None = None
    money_scale: Decimal = ONE  # 10000 when the title says 金额单位：万元


_MONEY_UNIT = re.compile(r"单位\s*[:：]?\s*(?:人民币)?\s*(万元|元)(?![\u4e00-\u9fff])")
_TITLE_KEYS = r"(?:编制单位|核算单位|预算单位|单位名称|填报单位|单位)"
_UNIT_NAME = re.compile(_TITLE_KEYS + r"\s*[:：]\s*(\S+)")
_NEXT_KEY = re.compile(r"(?:会计期间|期间|月份|日期|金额单位|单位)\s*[:：].*$")
_PERIOD_KEY = re.compile(r"(?:会计期间|所属期间|期间|会计月份|月份|所属期)\s*[:：]\s*(.+)")
_YEAR_MONTH = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})(?!\d)")
_YEAR = re.compile(r"(\d{4})\s*年")
_NOT_PERIOD = ("打印", "制表", "制单", "导出", "日期", "时间")


def title_info(texts: list[str], report_titles: tuple[str, ...]) -> TitleInfo:
    """Unit, period and money unit named in the title rows (each text is one cell)."""
    texts = [squeeze(t) for t in texts if t and t.strip()]
    period = _period(texts)
    year = int(period[:4]) if period else _year(texts)
    scale = ONE
    for text in texts:
        if match := _MONEY_UNIT.search(text):
            scale = TEN_THOUSAND if match[1] == "万元" else ONE
            break
    return TitleInfo(unit=_unit(texts, report_titles), period=period, year=year, money_scale=scale)


def _unit(texts: list[str], report_titles: tuple[str, ...]) -> str:
    for text in texts:
        for match in _UNIT_NAME.finditer(text):
            value = _NEXT_KEY.sub("", match[1]).strip(" ,，;；")
            if value and not value.startswith(("元", "万元", "人民币")):
                return value
    # "景德镇市陶瓷产业发展局 明细账": the report's name follows the unit's.
    for text in texts:
        if ":" in text or "：" in text:
            continue
        for title in report_titles:
            if text.endswith(title):
                unit = re.sub(r"\s*\d{4}\s*年度?.*$", "", text[: -len(title)]).strip()
                if unit:
                    return unit
    return ""


def _period(texts: list[str]) -> str:
    keyed = [m[1] for t in texts if (m := _PERIOD_KEY.search(t))]
    loose = [t for t in texts if not any(word in t for word in _NOT_PERIOD)]
    for text in keyed + loose:
        for match in _YEAR_MONTH.finditer(text):
            year, month = int(match[1]), int(match[2])
            if 1 <= month <= 12:
                return f"{year:04d}-{month:02d}"
    return ""


def _year(texts: list[str]) -> int | None:
    for text in texts:
        if match := _YEAR.search(text):
            return int(match[1])
    return None
