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
from functools import cache

from .kinds import Words, catalogue
from .readers import RawSheet
from .text import ascii_digits, cell_text, fold, squeeze

_BIG_MERGE = 10_000     # cells; a larger "merge" is decoration, not a header or a data cell
ONE = Decimal(1)


@dataclass(frozen=True)
class _Patterns:
    """The regular expressions built from input_kinds.toml [words] (the syntax stays here)."""

    unit_suffix: re.Pattern[str]    # "(万元)" ending a folded header text
    money_unit: re.Pattern[str]     # "金额单位：万元" in a title
    unit_name: re.Pattern[str]      # "编制单位：甲局"
    next_key: re.Pattern[str]       # where a unit's name stops ("期间：…")
    period_key: re.Pattern[str]     # "会计期间：2020年01月"
    department: re.Pattern[str]     # "某局（汇总）": the name, then the marker
    scales: dict[str, Decimal]
    spaced_marker: re.Pattern[str]  # the space in "某局 （汇总）"


def _alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first (so 金额单位 is tried before 单位)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@cache
def _patterns(words: Words) -> _Patterns:
    units = _alternatives(tuple(unit for unit, _ in words.money_units))
    currency = _alternatives(words.currency)
    markers = _alternatives(words.department_level)
    return _Patterns(
        unit_suffix=re.compile(rf"\((?:单位[:：]?)?(?:{currency})?({units})\)$"),
        money_unit=re.compile(rf"单位\s*[:：]?\s*(?:{currency})?\s*({units})(?![\u4e00-\u9fff])"),
        unit_name=re.compile(rf"(?:{_alternatives(words.unit_keys)})\s*[:：]\s*(\S+)"),
        next_key=re.compile(rf"(?:{_alternatives(words.other_title_keys)})\s*[:：].*$"),
        period_key=re.compile(rf"(?:{_alternatives(words.period_keys)})\s*[:：]\s*(.+)"),
        scales={unit: Decimal(scale) for unit, scale in words.money_units},
        department=re.compile(rf"^(.+?)\s*(?:[（(【\[［]\s*(?:{markers})\s*[）)】\]］]|"
                              rf"[-－—_\s]+(?:{markers}))$"),
        spaced_marker=re.compile(rf"\s+(?=[（(【\[［]\s*(?:{markers})\s*[）)】\]］])"),
    )


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
    year: int | None = None     # the year the header names ("2019年决算数" → 2019), else None

    @property
    def text(self) -> str:
        return "/".join(self.parts)


def header_columns(sheet: RawSheet, merged: MergedCells, first_row: int,
                   depth: int, words: Words | None = None) -> list[Column]:
    """The columns of a header block of ``depth`` rows starting at ``first_row``."""
    patterns = _patterns(words or catalogue().words)
    columns = []
    for col in range(sheet.width):
        parts: list[str] = []
        for row in range(first_row, first_row + depth):
            text = squeeze(cell_text(merged.value(sheet, row, col)))
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        if parts:
            columns.append(_column(col, parts, patterns))
    return columns


def _column(index: int, parts: list[str], patterns: _Patterns) -> Column:
    """A money unit may end any part of a flattened header ("金额（万元）/借方"): each part loses
    it for matching, and the part nearest the cells (the last) says the column's unit."""
    folded = [fold(part).lstrip("*") for part in parts]
    scale = None
    for position in reversed(range(len(folded))):
        match = patterns.unit_suffix.search(folded[position])
        if match:
            scale = scale or patterns.scales[match[1]]
            folded[position] = folded[position][: match.start()]
    keys = ["/".join(f for f in folded if f), folded[-1]]
    year = None
    for position, part in enumerate(folded):
        if match := _HEADER_YEAR.match(part):
            year = year or int(match[1])
            folded[position] = part[match.end():] or YEAR_ONLY
    if year is not None:
        keys += ["/".join(f for f in folded if f), folded[-1]]
    return Column(index, tuple(parts), tuple(dict.fromkeys(k for k in keys if k)), scale, year)


# "2019年决算数", "2019年度": a year in front of a header text is the column's year; the rest
# is matched, and a header that is only a year matches the alias YEAR_ONLY.
_HEADER_YEAR = re.compile(r"^((?:19|20)\d{2})年度?")
YEAR_ONLY = "年度数"


# --- title rows ---------------------------------------------------------------------------

@dataclass(frozen=True)
class TitleInfo:
    unit: str = ""              # 单位 named in the title ("" if none), without a （汇总） marker
    period: str = ""            # "YYYY-MM" (the first month of a range), "" if none
    year: int | None = None
    money_scale: Decimal = ONE  # 10000 when the title says 金额单位：万元
    period_end: str = ""        # the range's last month ("" when the title names one month)
    period_text: str = ""       # the title text the period was read from, as written
    period_row: int | None = None   # its 0-based row (None if not from a row of the sheet)
    texts: tuple[str, ...] = ()     # the title texts, squeezed
    department_level: bool = False  # the unit was marked （汇总）/（合并）: the whole department

    @property
    def is_range(self) -> bool:
        return bool(self.period_end) and self.period_end != self.period


_YEAR_MONTH = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})(?!\d)")
# "2020年1-12月", "2020年01月至12月": a range within one year.
_MONTH_RANGE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月?\s*(?:-|~|～|至|到|—)\s*(\d{1,2})\s*月")
_YEAR = re.compile(r"(\d{4})\s*年")


def title_texts(sheet: RawSheet, header_row: int,
                merged: MergedCells) -> list[tuple[str, int | None]]:
    """(text, 0-based row) of the title: the preamble (row None) and the cells of the rows above
    the header that are not part of it."""
    texts: list[tuple[str, int | None]] = [(text, None) for text in sheet.preamble]
    for row in range(header_row):
        if not merged.reaches_down_to(row, header_row):
            texts.extend((cell_text(value), row) for value in sheet.rows[row])
    return texts


def title_info(texts: list[str] | list[tuple[str, int | None]],
               words: Words | None = None) -> TitleInfo:
    """Unit, period and money unit named in the title rows (each text is one cell, or a
    (text, row) pair as title_texts gives them)."""
    words = words or catalogue().words
    patterns = _patterns(words)
    pairs = [(squeeze(t), row) for t, row in
             ((item, None) if isinstance(item, str) else item for item in texts)
             if t and t.strip()]
    plain = [t for t, _ in pairs]
    period, period_end, period_text, period_row = _period(pairs, patterns, words)
    year = int(period[:4]) if period else _year(plain)
    scale = ONE
    for text in plain:
        if match := patterns.money_unit.search(text):
            scale = patterns.scales[match[1]]
            break
    unit, department_level = department_unit(_unit(plain, patterns, words), words)
    return TitleInfo(unit=unit, period=period, year=year,
                     money_scale=scale, period_end=period_end, period_text=period_text,
                     period_row=period_row, texts=tuple(plain), department_level=department_level)


def department_unit(name: str, words: Words | None = None) -> tuple[str, bool]:
    """("某局", True) for "某局（汇总）" / "某局(合并)" / "某局-汇总表"; (name, False) otherwise."""
    match = _patterns(words or catalogue().words).department.match(name.strip())
    return (match[1].strip(), True) if match else (name, False)


def _unit(texts: list[str], patterns: _Patterns, words: Words) -> str:
    currency_or_unit = tuple(unit for unit, _ in words.money_units) + words.currency
    # "编制单位：某局 （汇总）": a department marker after a space still belongs to the name
    # (another bracket, "某局 （单位：元）", does not)
    texts = [patterns.spaced_marker.sub("", text) for text in texts]
    for text in texts:
        for match in patterns.unit_name.finditer(text):
            value = patterns.next_key.sub("", match[1]).strip(" ,，;；")
            if value and not value.startswith(currency_or_unit):
                return value
    # "景德镇市陶瓷产业发展局 明细账": the report's name follows the unit's.
    for text in texts:
        if ":" in text or "：" in text:
            continue
        for title in words.report_titles:
            if text.endswith(title):
                unit = re.sub(r"\s*\d{4}\s*年度?.*$", "", text[: -len(title)]).strip()
                if unit:
                    return unit
    return ""


def _period(pairs: list[tuple[str, int | None]], patterns: _Patterns,
            words: Words) -> tuple[str, str, str, int | None]:
    """(first month, last month if a range, the text, its row) of the title's period."""
    keyed = [(m[1], text, row) for text, row in pairs if (m := patterns.period_key.search(text))]
    loose = [(text, text, row) for text, row in pairs
             if not any(word in text for word in words.not_period)]
    for part, text, row in keyed + loose:
        part = ascii_digits(part)       # "２０２０年", "²⁰²⁰年" as in cells
        months = [(int(m[1]), int(m[2])) for m in _YEAR_MONTH.finditer(part)
                  if 1 <= int(m[2]) <= 12]
        if not months:
            continue
        year, month = months[0]
        last = ""
        if (span := _MONTH_RANGE.search(part)) and 1 <= int(span[3]) <= 12:
            last = f"{int(span[1]):04d}-{int(span[3]):02d}"
        elif len(months) > 1:
            last = f"{months[-1][0]:04d}-{months[-1][1]:02d}"
        return f"{year:04d}-{month:02d}", last, text, row
    return "", "", "", None


def _year(texts: list[str]) -> int | None:
    for text in texts:
        if match := _YEAR.search(ascii_digits(text)):
            return int(match[1])
    return None
