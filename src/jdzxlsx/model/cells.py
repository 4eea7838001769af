"""The workbook model: sheets of cells; every formula cell holds one node of the formula
language (expr), evaluated and rendered by ``Workbook.resolve``.  Input tables such as 底稿 are
not cells but data blocks, written row by row from their lines.  Nothing here knows files."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from ..expr import Node, Value
from .addresses import address, quote_sheet


@dataclass
class Cell:
    """One written cell.  kind: text | number | formula | link."""

    row: int
    col: int
    kind: str
    style: str = "text"
    text: str = ""
    number: Decimal | int | None = None
    cell_id: str | None = None      # formula cells: their stable id
    expr: Node | None = None
    target: str | None = None       # link cells: internal target ("'公开01表'!A1")
    # filled by Workbook.resolve
    formula: str | None = None
    value: Value | None = None


@dataclass(frozen=True)
class BlockColumn:
    """A column of a data block: how to read a row's value, and how to write it
    (amount: 元 number; integer; text)."""

    key: str
    value: Callable[[object], object]
    kind: str = "text"


@dataclass
class DataBlock:
    """Rows of input data written as values from ``first_row`` down (the 底稿 lines): no
    per-cell objects, the writer reads the rows directly."""

    first_row: int
    columns: tuple[BlockColumn, ...]
    rows: list

    @property
    def last_row(self) -> int:
        return self.first_row + max(len(self.rows), 1) - 1


@dataclass
class Sheet:
    name: str
    cells: list[Cell] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    col_widths: dict[int, float] = field(default_factory=dict)
    row_heights: dict[int, float] = field(default_factory=dict)
    hidden_cols: set[int] = field(default_factory=set)     # grouped and collapsed
    freeze: tuple[int, int] | None = None
    repeat_rows: tuple[int, int] | None = None
    print_area: tuple[int, int, int, int] | None = None
    landscape: bool = True
    autofilter: tuple[int, int, int, int] | None = None
    names: list[tuple[str, str]] = field(default_factory=list)     # (defined name, cell_id)
    range_names: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    named_data: dict[str, tuple[int, int, Value]] = field(default_factory=dict)
    data_block: DataBlock | None = None
    tab_color: str | None = None
    row_keys: list[str] = field(default_factory=list)   # a table's row keys, in order
    # (first_row, first_col, last_row, last_col, text that triggers it, style key)
    highlights: list[tuple[int, int, int, int, str, str]] = field(default_factory=list)
    pages_tall: int = 0              # 0: as many pages as needed (one page wide always)

    def text(self, row: int, col: int, text: str, style: str = "text") -> Cell:
        cell = Cell(row, col, "text", style, text=text)
        self.cells.append(cell)
        return cell

    def number(self, row: int, col: int, number, style: str = "number") -> Cell:
        cell = Cell(row, col, "number", style, number=number)
        self.cells.append(cell)
        return cell

    def named_number(self, row: int, col: int, name: str, number, style: str = "number") -> Cell:
        """Input data in a cell with a defined name, which formulas may read."""
        self.named_data[name] = (row, col, number)
        self.range_names.append((name, row, col, row, col))
        return self.number(row, col, number, style)

    def formula(self, row: int, col: int, cell_id: str, expr: Node, style: str = "money") -> Cell:
        cell = Cell(row, col, "formula", style, cell_id=cell_id, expr=expr)
        self.cells.append(cell)
        return cell

    def link(self, row: int, col: int, text: str, target: str, style: str = "link") -> Cell:
        cell = Cell(row, col, "link", style, text=text, target=target)
        self.cells.append(cell)
        return cell

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        if (first_row, first_col) != (last_row, last_col):
            self.merges.append((first_row, first_col, last_row, last_col))


@dataclass
class Workbook:
    sheets: list[Sheet] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)

    def add(self, sheet: Sheet) -> Sheet:
        self.sheets.append(sheet)
        return sheet

    def sheet(self, name: str) -> Sheet | None:
        return next((s for s in self.sheets if s.name == name), None)

    def formula_cells(self) -> dict[str, tuple[Sheet, Cell]]:
        found = {}
        for sheet in self.sheets:
            for cell in sheet.cells:
                if cell.kind == "formula":
                    if cell.cell_id in found:
                        raise ValueError(f"duplicate cell id {cell.cell_id}")
                    found[cell.cell_id] = (sheet, cell)
        return found

    def cell_names(self) -> dict[str, str]:
        """defined name → cell id, for every named formula cell."""
        return {name: cell_id for sheet in self.sheets for name, cell_id in sheet.names}

    def data_names(self) -> dict[str, tuple[str, int, int, Value]]:
        """defined name → (sheet, row, col, value) of every named input-data cell."""
        return {name: (sheet.name, row, col, value) for sheet in self.sheets
                for name, (row, col, value) in sheet.named_data.items()}

    def range_names(self) -> set[str]:
        return {name for sheet in self.sheets for name, *_ in sheet.range_names}

    def resolve(self, source) -> None:
        """Evaluate every formula cell and render its Excel text (see resolve.py)."""
        from .resolve import WorkbookContext

        context = WorkbookContext(self, source)
        for cell_id, (sheet, cell) in context.cells.items():
            cell.value = context.cell_value(cell_id)
            cell.formula = "=" + context.render(cell.expr, sheet.name)

    def defined_names(self) -> list[tuple[str, str]]:
        """(name, absolute reference) for every named cell and range."""
        cells = self.formula_cells()
        out = []
        for sheet in self.sheets:
            for name, cell_id in sheet.names:
                target_sheet, cell = cells[cell_id]
                out.append((name, f"={quote_sheet(target_sheet.name)}!"
                                  f"{address(cell.row, cell.col, absolute=True)}"))
            for name, r1, c1, r2, c2 in sheet.range_names:
                target = address(r1, c1, True)
                if (r1, c1) != (r2, c2):
                    target += ":" + address(r2, c2, True)
                out.append((name, f"={quote_sheet(sheet.name)}!{target}"))
        seen: set[str] = set()
        repeated = {name for name, _ in out if name in seen or seen.add(name)}
        if repeated:
            raise ValueError(f"defined names given twice: {sorted(repeated)}")
        return out
