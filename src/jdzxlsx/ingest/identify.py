"""identify: decide what a sheet is, from its headers alone. Nothing here reads data rows.

For each candidate header block (a row among the first ones, one or two rows deep) every kind
maps columns to fields by alias. A kind qualifies when its requirements are met; the qualifying
kind with most matched fields wins. A tie between kinds, or no qualifying kind, leaves the sheet
unidentified with a reason, so it is reported and never half-read. So does a sheet that looks
more like another kind with columns missing (a ledger without its 科目 column is not a 项目 | 金额
sheet), and a kind that needs a sign from the title (last year's figures) without one.

An unidentified sheet whose header clearly is a kind with ``resembles`` (it touches that many
of the kind's require groups) carries that candidate as ``faulty``: the folder reader stops the
build on it, naming the missing or doubled columns, rather than skipping a ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .headers import Column, MergedCells, header_columns, title_info, title_texts
from .kinds import Catalogue, KindSpec
from .readers import RawSheet
from .text import fold, is_blank

HEADER_SEARCH_ROWS = 20
MAX_HEADER_DEPTH = 2


@dataclass(frozen=True)
class Identified:
    """A sheet's kind and where its header is (also used for candidates while deciding)."""

    kind: KindSpec
    header_row: int                 # 0-based first header row
    depth: int                      # header rows
    columns: dict[str, Column]      # field name → column
    # (field, first column, another column) where two columns both mean one field
    duplicates: tuple[tuple[str, Column, Column], ...] = ()

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
    faulty: Identified | None = None    # the kind the header clearly is, though not read


def identify(sheet: RawSheet, catalogue: Catalogue, merged: MergedCells | None = None,
             year: int | None = None) -> Identified | Unidentified:
    """The sheet's kind. ``year`` is the folder's 年度 (it tells last year's figures apart)."""
    if all(is_blank(value) for row in sheet.rows for value in row):
        return Unidentified("空工作表")
    merged = merged or MergedCells(sheet)
    blocks = list(_header_blocks(sheet, merged, catalogue))
    with_amounts = {(row, depth) for row, depth, columns in blocks
                    if any(key in catalogue.amount_headers for c in columns for key in c.keys)}
    best: list[Identified] = []         # per kind, its best qualifying header block
    nearest: list[Identified] = []      # per kind, its best block even if not qualifying
    resembled: list[Identified] = []    # per kind with `resembles`, the block it is clear in
    for kind in catalogue.kinds:
        candidates = {(row, depth): _candidate(kind, row, depth, columns)
                      for row, depth, columns in blocks}
        ranked = [c for c in candidates.values() if _justified(c, candidates, merged)]
        nearest.append(max(ranked, key=lambda c: c.score))
        if clear := [c for c in ranked if kind.is_resembled(set(c.columns))]:
            resembled.append(max(clear, key=_clarity))
        qualifying = [c for c in ranked if not kind.unmet(set(c.columns))
                      and not (kind.no_amounts and (c.header_row, c.depth) in with_amounts)]
        if qualifying:
            # max() keeps the first of equals: the highest header block.
            best.append(max(qualifying, key=lambda c: c.score))
    if not best:
        return Unidentified(_no_kind_reason(nearest, catalogue), _clearest(resembled))
    best.sort(key=lambda c: -c.score)
    winner = best[0]
    if len(best) > 1 and best[1].score == winner.score:
        tied = [c for c in best[:2] if c.kind.resembles]
        return Unidentified(f"表头同时符合「{winner.kind.label}」和「{best[1].kind.label}」，"
                            "无法判断是哪一种，请删去多余的列", tied[0] if tied else None)
    qualified = {c.kind.id for c in best}
    closer = [c for c in nearest if c.kind.id not in qualified and c.score > winner.score]
    if closer:
        closest = max(closer, key=lambda c: c.score)
        faulty = next((c for c in resembled if c.kind.id == closest.kind.id), None)
        return Unidentified(_closer_kind_reason(closest, winner), faulty)
    if winner.kind.loose_fields and set(winner.columns) <= winner.kind.loose_fields:
        title = title_info(title_texts(sheet, winner.header_row, merged), catalogue.words)
        if not any(word in fold(text) for text in title.texts for word in winner.kind.title_words):
            named = "、".join(f"「{c.text}」" for c in winner.columns.values())
            return Unidentified(f"只有{named}列，标题中也没有说明是哪种科目（如「支出功能分类科目」），"
                                f"不按「{winner.kind.label}」读取")
    if refused := _refused_by_title(sheet, winner, merged, catalogue):
        return Unidentified(refused)
    if winner.kind.needs_prior_year:
        reason = _no_prior_year_sign(sheet, winner, merged, catalogue, year)
        if reason:
            return Unidentified(reason)
        winner = _last_year_columns(winner, year)
    return winner


def _clearest(resembled: list[Identified]) -> Identified | None:
    """Of the kinds a header clearly is, the one it touches most groups of, then most fields."""
    if not resembled:
        return None
    return max(resembled, key=_clarity)


def _clarity(candidate: Identified) -> tuple[int, int, int]:
    """(require groups touched, columns claimed, depth): a doubled column counts, and of two
    justified blocks the deeper wins, so 金额 merged over 借方 | 借方 is shown as two 借方."""
    return (candidate.kind.touched(set(candidate.columns)),
            candidate.score + len(candidate.duplicates), candidate.depth)


def _refused_by_title(sheet: RawSheet, found: Identified, merged: MergedCells,
                      catalogue: Catalogue) -> str:
    if not found.kind.title_refuses:
        return ""
    title = title_info(title_texts(sheet, found.header_row, merged), catalogue.words)
    words = [w for w in found.kind.title_refuses if any(w in text for text in title.texts)]
    if not words:
        return ""
    return (f"表头像「{found.kind.label}」，但标题中有「{words[0]}」：是只含{words[0]}的表"
            f"（不是全部收支），不按「{found.kind.label}」读取")


def _last_year_columns(found: Identified, year: int | None) -> Identified:
    """项目 | 2019年 | 2020年: of two columns for one field, the one naming last year is read."""
    if year is None or not found.duplicates:
        return found
    columns = dict(found.columns)
    for name, first, second in found.duplicates:
        for column in (first, second):
            if column.year == year - 1:
                columns[name] = column
    duplicates = tuple(d for d in found.duplicates
                       if not (columns[d[0]].year == year - 1
                               and {d[1].year, d[2].year} != {year - 1}))
    return replace(found, columns=columns, duplicates=duplicates)


def _candidate(kind: KindSpec, row: int, depth: int, columns: list[Column]) -> Identified:
    matched, duplicates = match_columns(kind, columns)
    if kind.exact_columns:
        duplicates = _prefer_columns_in_yuan(matched, duplicates)
    return Identified(kind, row, depth, matched, tuple(duplicates))


def _prefer_columns_in_yuan(matched: dict[str, Column], duplicates: list) -> list:
    """基本支出 (万元, by the title) beside 基本支出（元）: the exact one is read."""
    left = []
    for name, first, second in duplicates:
        in_yuan = [c for c in (first, second) if c.scale == 1]
        if len(in_yuan) == 1:
            matched[name] = in_yuan[0]
        else:
            left.append((name, first, second))
    return left


def _header_blocks(sheet: RawSheet, merged: MergedCells, catalogue: Catalogue):
    """Every (first row, depth, columns) worth trying among the first rows."""
    last = min(HEADER_SEARCH_ROWS, len(sheet.rows))
    for header_row in range(last):
        for depth in range(1, MAX_HEADER_DEPTH + 1):
            if header_row + depth <= last:     # every row of a block is also tried alone
                yield header_row, depth, header_columns(sheet, merged, header_row, depth,
                                                        catalogue.words)


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


def match_columns(kind: KindSpec, columns: list[Column]
                  ) -> tuple[dict[str, Column], list[tuple[str, Column, Column]]]:
    """(field → column, fields two columns claim). The whole flattened text is tried before its
    last part ("金额/借方" → 借方), so "本期发生额/借方" and "期初余额/借方" stay apart.

    A second column for a field is not silently dropped: it is listed, and the extractor stops
    on it if this header block is the sheet's (identify tries many blocks; most are not)."""
    matched: dict[str, Column] = {}
    duplicates: list[tuple[str, Column, Column]] = []
    for column in columns:
        for key in column.keys:
            field = kind.field_for(key)
            if field is not None:
                if field not in matched:
                    matched[field] = column
                else:
                    duplicates.append((field, matched[field], column))
                break
    return matched, duplicates


def _closer_kind_reason(closer: Identified, winner: Identified) -> str:
    missing = "；".join(closer.kind.unmet(set(closer.columns)))
    found = "、".join(column.text for column in closer.columns.values())
    return (f"表头更像「{closer.kind.label}」（第 {closer.header_row + 1} 行表头，找到 {found}），"
            f"但缺少列：{missing}；不按「{winner.kind.label}」读取，请补上缺少的列")


def _no_prior_year_sign(sheet: RawSheet, found: Identified, merged: MergedCells,
                        catalogue: Catalogue, year: int | None) -> str:
    """"" if the sheet shows it holds last year's figures, else why it is not read as such.

    Signs: a column naming the folder's year − 1 ("2019年决算数"; a column naming another year
    is a sign against); a column named with a [words] prior_year word (上年决算数); the title's
    year being the folder's year − 1; without a folder year or title year, such a word in the
    title."""
    words = catalogue.words.prior_year
    label = found.kind.label
    named = "、".join(f"「{c.text}」" for c in found.columns.values())
    claimed = [*found.columns.values(), *(second for _, _, second in found.duplicates)]
    years = {column.year for column in claimed if column.year is not None}
    if years and year is not None:
        if year - 1 in years:
            return ""
        shown_years = "、".join(f"{y} 年" for y in sorted(years))
        return (f"有{named}列，但列名中的年度是 {shown_years}，不是上年（{year - 1} 年），"
                f"不按「{label}」读取；如确是上年决算数，请把列名写成「{year - 1}年决算数」")
    if found.kind.prior_year_sign != "title" and any(
            word in fold(column.text) for column in found.columns.values() for word in words):
        return ""
    title = title_info(title_texts(sheet, found.header_row, merged), catalogue.words)
    shown = "、".join(f"「{w}」" for w in words)
    if title.year is not None and year is not None:
        if title.year == year - 1:
            return ""
        return (f"有{'、'.join(f'「{c.text}」' for c in found.columns.values())}列，但标题中的年度是"
                f" {title.year} 年，不是上年（{year - 1} 年），不按「{label}」读取；"
                f"如确是上年决算数，请把标题写成「{year - 1}年度决算主要数据」")
    if any(word in fold(text) for text in title.texts for word in words):
        return ""
    return (f"有{'、'.join(f'「{c.text}」' for c in found.columns.values())}列，但标题和列名中"
            f"都看不出是上年决算数（应有上年年度，或{shown}等字样），不按「{label}」读取")


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
