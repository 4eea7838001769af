"""The context formulas are evaluated and rendered in: the workbook's cells, names and input
tables.  Values are computed once per cell, on first use, so a check may ask for any named
cell before or after the sheet it lives on is resolved."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from ..expr import Criterion, Node, Value
from .addresses import place


class QuerySource(Protocol):
    """The Python twin of SUMIFS/COUNTIFS over the input tables (the working paper)."""

    def sum(self, table: str, criteria: tuple[Criterion, ...], amount: str) -> Decimal: ...
    def count(self, table: str, criteria: tuple[Criterion, ...]) -> int: ...


class UnknownName(KeyError):
    """A formula names a cell, range or column the workbook does not define."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


class WorkbookContext:
    def __init__(self, book, source: QuerySource):
        self.source = source
        self.cells = book.formula_cells()
        self.named = book.cell_names()
        self.data = book.data_names()
        self.ranges = book.range_names()
        self.values: dict[str, Value] = {}
        self.visiting: set[str] = set()
        self.here = ""

    # -- what nodes ask
    def sum(self, table, criteria, amount):
        self.column_range(table, amount)
        for criterion in criteria:
            self.column_range(table, criterion.column)
        return self.source.sum(table, criteria, amount)

    def count(self, table, criteria):
        for criterion in criteria:
            self.column_range(table, criterion.column)
        return self.source.count(table, criteria)

    def column_range(self, table: str, column: str) -> str:
        name = f"{table}_{column}"
        if name not in self.ranges:
            raise UnknownName(name)
        return name

    def knows(self, name: str) -> bool:
        return name in self.named or name in self.data

    def name_value(self, name: str) -> Value:
        if name in self.named:
            return self.cell_value(self.named[name])
        if name in self.data:
            return self.data[name][3]
        raise UnknownName(name)

    def name_text(self, name: str) -> str:
        if not self.knows(name):
            raise UnknownName(name)
        return name

    def cell_value(self, cell_id: str) -> Value:
        if cell_id in self.values:
            return self.values[cell_id]
        if cell_id in self.visiting:
            raise ValueError(f"circular reference at {cell_id}")
        if cell_id not in self.cells:
            raise UnknownName(cell_id)
        self.visiting.add(cell_id)
        try:
            self.values[cell_id] = self.cells[cell_id][1].expr.value(self)
        finally:
            self.visiting.discard(cell_id)
        return self.values[cell_id]

    def cell_place(self, cell_id: str) -> tuple[str, int, int]:
        if cell_id not in self.cells:
            raise UnknownName(cell_id)
        sheet, cell = self.cells[cell_id]
        return sheet.name, cell.row, cell.col

    def name_place(self, name: str) -> tuple[str, int, int] | None:
        """Where a named cell is (sheet, row, col), for links from 核对表."""
        if name in self.named:
            return self.cell_place(self.named[name])
        if name in self.data:
            sheet, row, col, _ = self.data[name]
            return sheet, row, col
        return None

    def place_text(self, sheet: str, row: int, col: int, absolute: bool = False) -> str:
        return place(sheet, row, col, self.here, absolute)

    # -- what the stages ask
    def evaluate(self, node: Node) -> Value:
        return node.value(self)

    def render(self, node: Node, here: str) -> str:
        self.here = here
        return node.excel(self)
