"""A data row as the builders see it, and the sheet it belongs to (for parsing and messages)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..errors import InputError
from .cells import ZERO, CellError
from .headers import Column, MergedCells, TitleInfo
from .identify import Identified
from .kinds import Catalogue
from .readers import RawSheet
from .records import Provenance
from .text import cell_text, fold


class SheetSkipped(Exception):
    """A sheet that looked like a kind but, seen whole, is not one: skipped with this reason."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class SheetContext:
    """Everything a row needs to know about its sheet, for parsing and for messages."""

    file: str
    raw: RawSheet
    found: Identified
    title: TitleInfo
    catalogue: Catalogue
    merged: MergedCells
    notes: list[str]

    @cached_property
    def header_texts(self) -> dict[int, set[str]]:
        """Column index → the folded header texts of that column."""
        return {c.index: {fold(part) for part in c.parts} for c in self.found.columns.values()}

    def amount_scale(self, column: Column) -> Decimal:
        # A money unit stated in the column's own header beats the title's.
        return column.scale if column.scale is not None else self.title.money_scale

    def error(self, message: str, *, row: int | None = None, column: Column | None = None,
              hint: str | None = None) -> InputError:
        return InputError(message, file=self.file, sheet=self.raw.name,
                          row=None if row is None else row + 1,
                          column=None if column is None else column.index + 1, hint=hint)


@dataclass
class Row:
    """One data row's field values, with what a builder needs to name it in an error."""

    sheet: SheetContext
    index: int                      # 0-based row in the sheet
    values: dict[str, object]       # field → parsed value (only fields the sheet has)
    is_subtotal: bool

    @property
    def source(self) -> Provenance:
        return Provenance(self.sheet.file, self.sheet.raw.name, self.index + 1)

    def has(self, name: str) -> bool:
        return name in self.values

    def text(self, name: str) -> str:
        value = self.values.get(name, "")
        return value if isinstance(value, str) else ""

    def amount(self, name: str) -> Decimal:
        value = self.values.get(name)
        return value if isinstance(value, Decimal) else ZERO

    def code_and_name(self, stem: str) -> tuple[str, str]:
        """From "<stem>" (code and name in one cell), "<stem>_code" and "<stem>_name"."""
        code, name = self.values.get(stem) or ("", "")
        code_only, name_beside_code = self.values.get(f"{stem}_code") or ("", "")
        return code or code_only, self.text(f"{stem}_name") or name or name_beside_code

    def fail(self, name: str, expected: str, found: object, hint: str | None = None) -> InputError:
        """The error for field ``name`` of this row (its column, or its label if absent)."""
        return cell_error(self.sheet, self.index, self.sheet.found.columns.get(name),
                          CellError(expected, found, hint),
                          label=self.sheet.found.kind.fields[name].label)


def cell_error(sheet: SheetContext, index: int, column: Column | None, error: CellError,
               label: str = "") -> InputError:
    """「列名」列应为<what was expected>，实际为「<what was there>」, at the cell's place."""
    label = column.text if column else label
    return sheet.error(f"「{label}」列应为{error.expected}，实际为「{shown(error.found)}」",
                       row=index, column=column,
                       hint=error.hint or "请改正该单元格后重新运行。")


def shown(value: object, limit: int = 60) -> str:
    """A cell's text for a message: a long one is cut there, saying so (never in the data)."""
    text = cell_text(value)
    return text if len(text) <= limit else f"{text[:limit]}…（共 {len(text):,} 个字符）"
