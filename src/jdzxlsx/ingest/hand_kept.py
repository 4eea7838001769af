"""Hand-kept 项目 | 数 sheets (三公 budget and counts, 国有资产占用, 政府采购): one row per item.

The item comes from its kind's vocabulary (input_kinds.toml; an unknown one has already stopped
the build naming its cell). The figure is money or a whole number as ``[kinds.*.hand_kept]``
says of the item: money in 元 (a 万元 header, title or 计量单位 cell is converted exactly and
reported), a count as int (a fraction is refused, never rounded). A row whose figure is blank
gives nothing and is reported: an item the office did not fill in is absent, never 0.
"""

from __future__ import annotations

from decimal import Decimal

from . import cells
from .cells import CellError
from .headers import Column, raw_cell
from .records import HandKeptFigure
from .rows import Row, cell_error
from .text import cell_text, fold, is_blank


def hand_kept_figure(row: Row) -> HandKeptFigure | None:
    sheet = row.sheet
    spec = sheet.found.kind.hand_kept
    column = sheet.found.columns[spec.value]
    raw = raw_cell(sheet.raw, row.index, column.index)
    item = row.text("item")
    if not item:
        if is_blank(raw):
            return None     # a note or a heading line
        vocabulary = sheet.found.kind.fields["item"].vocabulary
        raise row.fail("item", "项目之一（" + "、".join(vocabulary.canonical) + "）", "",
                       hint="这一行有数而没有项目：请写上项目，或删去该行。")
    if is_blank(raw):
        sheet.notes.append(f"{row.source}：「{item}」没有填数，未读取（不按 0 计；"
                           "如确为零请填 0）")
        return None
    measure = row.text("measure")
    if item in spec.counts:
        value: Decimal | int = _count(row, item, raw, measure, column)
    else:
        value, measure = _money(row, item, raw, measure, column), "元"
    key = spec.key(item) + (f"_{spec.field}" if spec.field else "")
    return HandKeptFigure(spec.group, item, key, value, measure, item in spec.totals,
                          row.source)


def _money_scale(row: Row, measure: str) -> Decimal | None:
    """The money unit a 计量单位 cell states (元 → 1, 万元 → 10000), None if it is no money
    unit."""
    folded = fold(measure)
    return next((Decimal(scale) for unit, scale in row.sheet.catalogue.words.money_units
                 if fold(unit) == folded), None)


def _money(row: Row, item: str, raw: object, measure: str, column: Column) -> Decimal:
    sheet = row.sheet
    scale = sheet.amount_scale(column)
    if measure:
        stated = _money_scale(row, measure)
        if stated is None:
            raise row.fail("measure", f"「{item}」是金额，计量单位应为元或万元", measure)
        if column.scale is not None and stated != column.scale:
            raise row.fail("measure", f"与列名「{column.text}」相同的金额单位", measure,
                           hint="计量单位与列名中的金额单位不一致：请改正其中一处。")
        if stated != scale:
            sheet.notes.append(f"{row.source}：「{item}」计量单位为{measure}，已换算为元"
                               f"（×{stated}）")
        scale = stated
    try:
        return cells.parse_amount(raw, scale, zero_marks=sheet.catalogue.words.zero_marks)
    except CellError as error:
        raise cell_error(sheet, row.index, column, error) from None


def _count(row: Row, item: str, raw: object, measure: str, column: Column) -> int:
    sheet = row.sheet
    if measure and _money_scale(row, measure) is not None:
        raise row.fail("measure", f"「{item}」是数量（如 辆、台、批次、人次），不是金额", measure)
    if fold(cell_text(raw)) in sheet.catalogue.words.zero_marks:
        return 0
    what = f"{measure or '数量'}（整数）"
    try:
        count = cells.parse_count(raw, zero_marks=sheet.catalogue.words.zero_marks)
    except CellError:
        count = None
    if count is None:
        raise cell_error(sheet, row.index, column, CellError(
            what, raw, hint=f"「{item}」是数量，只能是 0 或正整数：请核对后改正。"))
    return count
