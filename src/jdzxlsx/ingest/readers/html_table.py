"""HTML tables: the ".xls" that 用友 / 浪潮 / 久其 "export to Excel" often write.

Each <table> becomes a sheet; rowspan/colspan become merged ranges, placed the way a browser
lays out the grid (a cell goes to the first column not already covered from a row above).
Text between tables (a title in <p> or <div>) is kept as the next table's preamble.

Spans are clamped as browsers clamp them (colspan ≤ 1000, rowspan ≤ 65534), covered positions
are not stored one by one (only how far down each column is covered from the rows above), and
the merged area and the grid are counted against limits.py before the rows are allocated: a
2 KB page of rowspan/colspan 1000 cells once took 6–8 GB (issue 8).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..text import squeeze
from . import limits
from .extent import Extent
from .raw import RawSheet

_BLOCK_BREAKS = {"br", "p", "div", "li"}
# What browsers accept (HTML's table processing model): larger values are clamped.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


@dataclass
class _Table:
    preamble: list[str]
    file: str = ""
    number: int = 0                     # 1-based, in the order tables open
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    below: dict[int, int] = field(default_factory=dict)     # column → last row a rowspan covers
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    extent: Extent = field(default_factory=Extent)
    row: int = -1
    col: int = 0
    text: list[str] | None = None       # the open cell's text, None outside a cell
    span: tuple[int, int] = (1, 1)

    def start_row(self) -> None:
        self.end_cell()
        self.row += 1
        self.col = 0

    def start_cell(self, rowspan: int, colspan: int) -> None:
        self.end_cell()
        if self.row < 0:
            self.start_row()    # <td> without <tr>: browsers open a row
        self.text = []
        self.span = (rowspan, colspan)

    def end_cell(self) -> None:
        if self.text is None:
            return
        while self.below.get(self.col, -1) >= self.row:
            self.col += 1
        rowspan, colspan = self.span
        self.extent.add(self.row, self.col, rowspan, colspan)
        self.extent.merge(rowspan, colspan)
        self._check()
        if rowspan > 1:
            for c in range(self.col, self.col + colspan):
                self.below[c] = max(self.below.get(c, -1), self.row + rowspan - 1)
        self.cells[(self.row, self.col)] = squeeze("".join(self.text))
        if rowspan > 1 or colspan > 1:
            self.merged.append((self.row, self.col, self.row + rowspan - 1, self.col + colspan - 1))
        self.col += colspan
        self.text = None

    def _check(self) -> None:
        """The grid to_rows would allocate and the merged area, against the limits, as each
        cell is placed (the page may hold many more)."""
        extent = self.extent
        if (extent.cells > limits.MAX_SHEET_CELLS or extent.merged_cells > limits.MAX_MERGED_CELLS
                or extent.last_row >= limits.MAX_ROWS or extent.last_col >= limits.MAX_COLUMNS):
            extent.check(self.file, f"第 {self.number} 个表格")

    def to_rows(self) -> list[list[object]]:
        if not self.cells:
            return []
        height, width = self.extent.last_row + 1, self.extent.last_col + 1
        rows: list[list[object]] = [[""] * width for _ in range(height)]
        for (r, c), value in self.cells.items():
            rows[r][c] = value
        return rows


class _TableParser(HTMLParser):
    def __init__(self, file: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.file = file
        self.opened = 0
        self.done: list[_Table] = []
        self.open: list[_Table] = []      # nested tables: the innermost is last
        self.outside: list[str] = []      # text outside any table since the last one
        self.skipping = 0                 # inside <style>/<script>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.skipping += 1
        elif tag == "table":
            self.opened += 1
            self.open.append(_Table(preamble=self._take_outside(), file=self.file,
                                    number=self.opened))
        elif not self.open:
            if tag in _BLOCK_BREAKS:
                self.outside.append("\n")
        elif tag == "tr":
            self.open[-1].start_row()
        elif tag in ("td", "th"):
            values = dict(attrs)
            self.open[-1].start_cell(_span(values.get("rowspan"), _MAX_ROWSPAN),
                                     _span(values.get("colspan"), _MAX_COLSPAN))
        elif tag == "br" and self.open[-1].text is not None:
            self.open[-1].text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skipping = max(0, self.skipping - 1)
        elif tag == "table" and self.open:
            table = self.open.pop()
            table.end_cell()
            self.done.append(table)
        elif self.open and tag in ("td", "th", "tr"):
            self.open[-1].end_cell()
        elif not self.open and tag in _BLOCK_BREAKS:
            self.outside.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if not self.open:
            self.outside.append(data)
        elif self.open[-1].text is not None:
            self.open[-1].text.append(data)

    def _take_outside(self) -> list[str]:
        lines = [squeeze(line) for line in "".join(self.outside).split("\n")]
        self.outside = []
        return [line for line in lines if line]


def _span(value: str | None, most: int) -> int:
    try:
        return max(1, min(int((value or "1").strip()), most))
    except ValueError:
        return 1


def read_html(text: str, name: str, file: str = "") -> list[RawSheet]:
    parser = _TableParser(file)
    parser.feed(text)
    parser.close()
    while parser.open:   # unclosed tables at the end of a sloppy export
        table = parser.open.pop()
        table.end_cell()
        parser.done.append(table)
    tables = [t for t in parser.done if t.cells]
    sheets = []
    for number, table in enumerate(tables, start=1):
        sheet_name = name if len(tables) == 1 else f"{name}-表{number}"
        sheets.append(RawSheet(sheet_name, table.to_rows(), table.merged,
                               preamble=table.preamble))
    return sheets
