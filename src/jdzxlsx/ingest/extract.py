"""extract: read the data rows of an identified sheet into typed records.

Two steps, as in beangulp's csvbase: this module turns each data row into field values with
the parsers the TOML names (cells.py), skipping blank, subtotal, footer and repeated header
rows; then one small builder per record type (builders.py) assembles the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from . import cells
from .builders import BUILDERS
from .cells import CellError
from .headers import ONE, Column, MergedCells, TitleInfo, raw_cell, title_info
from .identify import Identified
from .kinds import Catalogue, FieldSpec
from .readers import RawSheet
from .rows import Row, SheetContext, cell_error
from .text import cell_text, fold, is_blank

# Fields whose cells are never taken from a merged range above: a merged amount would count twice.
_NO_MERGE_FILL = frozenset({"amount", "count"})
# Fields that make a row a real line (a subtotal row has none of them).
_CODE_FIELDS = ("account", "account_code", "function", "function_code", "economic",
                "economic_code")


@dataclass
class SheetRecords:
    """What one sheet gave: its records (all of one kind) and the notes to report."""

    kind: str
    records: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def extract(raw: RawSheet, found: Identified, catalogue: Catalogue, file: str,
            merged: MergedCells | None = None) -> SheetRecords:
    merged = merged or MergedCells(raw)
    title = _title(raw, found, catalogue, merged)
    sheet = SheetContext(file, raw, found, title, catalogue, merged, notes=[])
    builder = BUILDERS[found.kind.id]
    records = [record for row in _rows(sheet) if (record := builder(row)) is not None]
    if any(found.kind.fields[name].type == "amount" and sheet.amount_scale(column) != ONE
           for name, column in found.columns.items()):
        sheet.notes.insert(0, f"{file}「{raw.name}」：金额单位为万元，已换算为元（×10000）")
    return SheetRecords(found.kind.id, records, sheet.notes)


def _title(raw: RawSheet, found: Identified, catalogue: Catalogue,
           merged: MergedCells) -> TitleInfo:
    """Title texts: the preamble and the rows above the header that are not part of it."""
    texts = list(raw.preamble)
    for row in range(found.header_row):
        if not merged.reaches_down_to(row, found.header_row):
            texts.extend(cell_text(value) for value in raw.rows[row])
    return title_info(texts, catalogue.report_titles)


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
        is_subtotal = (kind.subtotals != "keep"
                       and _is_subtotal(cells_of_row, has_code, sheet.catalogue))
        if is_subtotal and kind.subtotals == "skip":
            continue
        values = _parse_row(sheet, index)
        if values is not None:
            yield Row(sheet, index, values, is_subtotal)


def _is_subtotal(row: list[object], has_code: bool, catalogue: Catalogue) -> bool:
    """本月合计 / 本年累计 / 小计 … alone in a cell; or leading or ending a cell on a row that
    has no account or classification code ("景德镇市特种陶瓷研究所 小计")."""
    words = catalogue.subtotal_words
    for value in row:
        if not isinstance(value, str):
            continue
        text = fold(value).rstrip(":")
        if not text:
            continue
        if text in words:
            return True
        if not has_code and any(text.startswith(w) or text.endswith(w) for w in words):
            return True
    return False


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
            return cells.parse_text(raw)
        case "code_name" | "code":
            return cells.split_code_name(raw)
        case "amount":
            return cells.parse_amount(raw, sheet.amount_scale(column) if column else ONE)
        case "count":
            return cells.parse_count(raw)
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
