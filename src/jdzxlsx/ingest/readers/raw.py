"""The one shape every format reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawSheet:
    """A sheet as read: rows of cell values (row 0 is the sheet's first row, as Excel shows it).

    Cell values are str, float, int, bool, datetime.date/datetime or None. ``merged`` holds the
    merged ranges as (first_row, first_col, last_row, last_col), 0-based and inclusive; only the
    top-left cell of a range holds its value. ``preamble`` is text found outside the table but
    belonging to it (an HTML export's title above its <table>). ``uncached`` holds the 0-based
    (row, col) of formula cells saved without a value (xlsx): they read as blank, but are not.
    """

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False
    preamble: list[str] = field(default_factory=list)
    uncached: list[tuple[int, int]] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)
