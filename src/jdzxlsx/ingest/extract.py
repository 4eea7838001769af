"""extract: read the data rows of an identified sheet into typed records.

Two steps, as in beangulp's csvbase: this module turns each data row into field values with
the parsers the TOML names (cells.py), skipping blank, subtotal, footer and repeated header
rows; then one small builder per record type (builders.py) assembles the record. What a
kind declares in input_kinds.toml (single-month titles, classification subtotals) is applied
here, so a builder sees only the rows that are lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from . import cells
from .builders import BUILDERS
from .finish import finish
from .cells import ZERO, CellError
from .faults import ambiguous_columns_error, refuse_too_long, uncached_formula_error
from .headers import ONE, Column, MergedCells, raw_cell, title_info, title_texts
from .identify import Identified
from .kinds import Catalogue, FieldSpec
from .readers import RawSheet
from .rows import Row, SheetContext, cell_error
from .text import cell_text, fold, is_blank

# Fields whose cells are never taken from a merged range above: a merged amount would count twice.
_NO_MERGE_FILL = frozenset({"amount", "count", "figure", "decimal", "percent"})
# Fields that make a row a real line (a subtotal row has none of them).
_CODE_FIELDS = ("account", "account_code", "function", "function_code", "economic",
                "economic_code", "code", "bare_code")
_ACCOUNT_FIELDS = ("account", "account_code")


@dataclass
class SheetRecords:
    """What one sheet gave: its records (all of one kind) and the notes to report."""

    kind: str
    records: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def extract(raw: RawSheet, found: Identified, catalogue: Catalogue, file: str,
            merged: MergedCells | None = None) -> SheetRecords:
    merged = merged or MergedCells(raw)
    title = title_info(title_texts(raw, found.header_row, merged), catalogue.words)
    sheet = SheetContext(file, raw, found, title, catalogue, merged, notes=[])
    if uncached := uncached_formula_error(raw, file):
        raise uncached
    refuse_too_long(sheet, title.unit, "编制单位", None, None)
    _refuse_ambiguous_columns(sheet)
    _refuse_period_range(sheet)
    builder = BUILDERS[found.kind.id]
    built = [(row, record) for row in _rows(sheet) for record in _listed(builder(row))]
    built = finish(sheet, built)
    sheet.notes[0:0] = _money_unit_notes(sheet)
    return SheetRecords(found.kind.id, [record for _, record in built], sheet.notes)


def _listed(record: object) -> list:
    """A builder gives one record, None, or a list (a row of a two-sided table gives two)."""
    return record if isinstance(record, list) else [] if record is None else [record]


def _refuse_ambiguous_columns(sheet: SheetContext) -> None:
    """Two columns that both mean one field: say which, never take the first silently."""
    if sheet.found.duplicates:
        raise ambiguous_columns_error(sheet.found, sheet.file, sheet.raw.name)


def _refuse_period_range(sheet: SheetContext) -> None:
    """A kind that is read only for one month (balances) refuses a title naming several."""
    title = sheet.title
    if not (sheet.found.kind.single_period and title.is_range):
        return
    first_month = f"{title.period[:4]}年{title.period[5:]}月"
    raise sheet.error(
        f"{sheet.found.kind.label}只读取单月的余额，标题中的期间「{title.period_text}」"
        f"跨多个月（{title.period} 至 {title.period_end}）",
        row=title.period_row,
        hint=f"年初结转和结余要用本年第一个月的{sheet.found.kind.label}：请在软件中按单月"
             f"（期间：{first_month}）导出后放入目录；年末数用 12 月（年终结转后）的单月余额表。")


def _money_unit_notes(sheet: SheetContext) -> list[str]:
    """What was converted to 元: by the title's money unit, or by a column's own header."""
    place = f"{sheet.file}「{sheet.raw.name}」"
    scaled = [column for name, column in sheet.found.columns.items()
              if sheet.found.kind.fields[name].type in ("amount", "figure")
              and sheet.amount_scale(column) != ONE]
    notes = []
    by_title = [column for column in scaled if column.scale is None]
    if by_title:
        scale = sheet.title.money_scale
        notes.append(f"{place}：金额单位为{_unit_name(sheet, scale)}，已换算为元（×{scale}）")
    for scale in dict.fromkeys(column.scale for column in scaled if column.scale is not None):
        named = "、".join(f"「{c.text}」" for c in scaled if c.scale == scale)
        notes.append(f"{place}：{named}列金额单位为{_unit_name(sheet, scale)}，"
                     f"已换算为元（×{scale}）")
    return notes


def _unit_name(sheet: SheetContext, scale: Decimal) -> str:
    return next((unit for unit, value in sheet.catalogue.words.money_units if value == scale),
                f"{scale}元")


# --- rows -------------------------------------------------------------------------------------

def _rows(sheet: SheetContext) -> Iterator[Row]:
    kind = sheet.found.kind
    for index in range(sheet.found.data_row, len(sheet.raw.rows)):
        cells_of_row = sheet.raw.rows[index]
        if all(is_blank(value) for value in cells_of_row) or _is_repeated_header(sheet, index):
            continue
        has_code = any(not is_blank(raw_cell(sheet.raw, index, sheet.found.columns[name].index))
                       for name in _CODE_FIELDS if name in sheet.found.columns)
        if not has_code and _is_footer(cells_of_row, sheet.catalogue):
            continue
        word = "" if kind.subtotals == "keep" else _subtotal_word(cells_of_row, has_code,
                                                                     sheet.catalogue)
        if word and kind.subtotals == "skip":
            _note_dropped_line(sheet, index, word)
            continue
        is_subtotal = bool(word)
        values = _parse_row(sheet, index)
        if values is not None:
            yield Row(sheet, index, values, is_subtotal)


def _subtotal_word(row: list[object], has_code: bool, catalogue: Catalogue) -> str:
    """The subtotal word that makes a row a subtotal or carried balance, "" if none:
    本月合计 / 本年累计 / 小计 … alone in a cell; or leading or ending a cell on a row that
    has no account or classification code ("景德镇市特种陶瓷研究所 小计")."""
    words = catalogue.subtotal_words
    for value in row:
        if not isinstance(value, str):
            continue
        text = fold(value).rstrip(":")
        if not text:
            continue
        if text in words:
            return text
        if not has_code:
            for word in words:
                if text.startswith(word) or text.endswith(word):
                    return word
    return ""


def _note_dropped_line(sheet: SheetContext, index: int, word: str) -> None:
    """A subtotal or carried-balance row that still has an account code and an amount may be
    a real line with an unlucky 摘要: it is left out, and that is said with its place."""
    code = next((code for name in _ACCOUNT_FIELDS if name in sheet.found.columns
                 if (code := cells.split_code_name(
                     raw_cell(sheet.raw, index, sheet.found.columns[name].index))[0])), "")
    if not code:
        return
    amounts = []
    for name, column in sheet.found.columns.items():
        if sheet.found.kind.fields[name].type != "amount":
            continue
        try:
            amount = cells.parse_amount(raw_cell(sheet.raw, index, column.index),
                                        sheet.amount_scale(column))
        except CellError:
            continue
        if amount != ZERO:
            amounts.append(f"「{column.text}」{amount}")
    if amounts:
        sheet.notes.append(
            f"{sheet.file}「{sheet.raw.name}」第{index + 1}行：有科目 {code} 和金额（"
            f"{'、'.join(amounts)}），但写有「{word}」，按合计或结转行未读取；"
            "如是实际发生的业务，请改写该行摘要后重新运行")


def _is_footer(row: list[object], catalogue: Catalogue) -> bool:
    first = next((fold(cell_text(v)) for v in row if not is_blank(v)), "")
    return any(first.startswith(word) for word in catalogue.footer_words)


def _is_repeated_header(sheet: SheetContext, index: int) -> bool:
    """Paginated exports repeat the header (either row of it) on every page; not data.

    Such a row's filled cells all repeat a header text of their column, at least two of them.
    """
    repeats = 0
    for column in sheet.found.columns.values():
        text = cell_text(raw_cell(sheet.raw, index, column.index))
        if not text:
            continue
        if fold(text) not in sheet.header_texts[column.index]:
            return False    # the first data cell settles it: no need to look further
        repeats += 1
    return repeats >= 2


def _parse_row(sheet: SheetContext, index: int) -> dict[str, object] | None:
    """Field → value for one row; None when a choice field with ``unknown = "skip"`` says so."""
    values: dict[str, object] = {}
    auxiliary: list[tuple[str, str]] = []
    fields = sheet.found.kind.fields
    for name, column in sheet.found.columns.items():
        spec = fields[name]
        if spec.type in _NO_MERGE_FILL:
            raw = raw_cell(sheet.raw, index, column.index)
        else:
            raw = sheet.merged.value(sheet.raw, index, column.index, vertical_only=True)
        refuse_too_long(sheet, raw, column.text, index, column.index)
        try:
            if spec.type == "auxiliary":
                auxiliary = cells.parse_auxiliary(raw)
                continue
            values[name] = _parse(spec, raw, sheet, column)
        except CellError as error:
            if spec.skip_unknown:
                _note_skipped_row(sheet, index, spec, raw)
                return None
            raise cell_error(sheet, index, column, error) from None
    _fill_from_auxiliary(sheet, index, values, auxiliary)
    return values


def _fill_from_auxiliary(sheet: SheetContext, index: int, values: dict[str, object],
                         pairs: list[tuple[str, str]]) -> None:
    """"【功能分类:2011301 行政运行】…" fills the fields its keys name, where the sheet has no
    column of their own for them or that column is blank on this row."""
    kind = sheet.found.kind
    column = sheet.found.columns.get("auxiliary")
    for key, raw in pairs:
        name = kind.field_for(fold(key))
        if name is None or _present(values.get(name)):
            continue
        spec = kind.fields[name]
        if spec.type in ("amount", "auxiliary"):
            continue
        try:
            values[name] = _parse(spec, raw, sheet, column)
        except CellError as error:
            error.expected = f"「{key}」为{error.expected}"
            raise cell_error(sheet, index, column, error) from None


def _present(value: object) -> bool:
    if isinstance(value, tuple):
        return any(value)
    return value not in (None, "")


def _parse(spec: FieldSpec, raw: object, sheet: SheetContext, column: Column | None) -> object:
    year = sheet.title.year
    match spec.type:
        case "text" | "name":
            text = cell_text(raw)
            if spec.no_value is not None and text and spec.no_value.resolve(text) is not None:
                return ""       # "无", "-", "基本支出" in a project column: no project
            return text
        case "code_name" | "code":
            return cells.split_code_name(raw)
        case "amount":
            return cells.parse_amount(raw, sheet.amount_scale(column) if column else ONE,
                                      zero_marks=sheet.catalogue.words.zero_marks)
        case "count":
            return cells.parse_count(raw, zero_marks=sheet.catalogue.words.zero_marks)
        case "date":
            return cells.parse_date(raw, year)
        case "period":
            return cells.parse_period(raw, year)
        case "month":
            return cells.parse_month_or_day(raw, 12)
        case "day":
            return cells.parse_month_or_day(raw, 31)
        case "choice":
            return _parse_choice(spec, raw)
        case "figure":
            return raw      # an amount or a count, as the row's item says (hand_kept.py)
        case "decimal" | "percent" | "reading":
            # the 绩效 builder reads them once it knows the row: a 评价等级 row holds 优 there
            return raw
    raise AssertionError(f"field type {spec.type} has no parser")  # kinds.py checks the types


def _parse_choice(spec: FieldSpec, raw: object) -> str:
    text = cell_text(raw)
    if not text:
        return ""
    value = spec.vocabulary.resolve(text)
    if value is None and spec.keep_unknown:
        return text         # the line is kept and listed by the checks, with its place
    if value is None:
        accepted = "、".join(spec.vocabulary.canonical)
        spellings = "、".join(spec.vocabulary.spellings)
        raise CellError(f"{spec.label}之一（{accepted}）", raw,
                        hint=f"请改为可识别的写法之一：{spellings}。")
    return value


def _note_skipped_row(sheet: SheetContext, index: int, spec: FieldSpec, raw: object) -> None:
    accepted = "、".join(spec.vocabulary.canonical)
    sheet.notes.append(f"{sheet.file}「{sheet.raw.name}」第{index + 1}行：「{cell_text(raw)}」"
                       f"不是可识别的{spec.label}，未读取（可识别：{accepted}）")
