"""CSV / TSV text (Chinese Excel's "save as CSV", "xls" exports that are tab-separated text).

A field longer than an Excel cell holds, a NUL character and a sheet larger than the cell budget
(limits.py) are refused naming the row and column, rather than failing inside the csv module
with a message that only says the file is damaged (issue 8).
"""

from __future__ import annotations

import csv
import io
import re

from ...errors import InputError
from . import limits
from .extent import Extent
from .raw import RawSheet

# Exports protect codes with leading zeros as ="0012"; the value is what is inside.
_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)
# csv's own limit sits above the one checked here, so a long field reaches _check_row and is
# named there; a field beyond even this one is caught from csv.Error (the row is then known).
_CSV_FIELD_LIMIT = 4 * limits.MAX_TEXT_CHARS


def read_delimited(text: str, name: str, file: str = "") -> list[RawSheet]:
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[object]] = []
    extent = Extent()
    previous = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                raise _too_long(file, name, len(rows) + 1, None) from error
            _check_row(row, len(rows), file, name)
            extent.add(len(rows), 0, 1, len(row))
            if extent.cells > limits.MAX_SHEET_CELLS or extent.last_col >= limits.MAX_COLUMNS:
                extent.check(file, name)
            rows.append([_cell(value) for value in row])
    finally:
        csv.field_size_limit(previous)
    return [RawSheet(name, rows)]


def _check_row(row: list[str], index: int, file: str, name: str) -> None:
    for col, value in enumerate(row):
        if len(value) > limits.MAX_TEXT_CHARS:
            raise _too_long(file, name, index + 1, col + 1)
        if "\x00" in value:
            raise InputError("单元格中有空字符（NUL），文本表格不会有这种字符，文件可能已损坏或不是表格",
                             file=file, sheet=name, row=index + 1, column=col + 1,
                             hint="请从会计软件重新导出这份账表（最好导出为 Excel 文件）后放回文件夹。")


def _too_long(file: str, name: str, row: int, column: int | None) -> InputError:
    return InputError(f"文本超过 {limits.MAX_TEXT_CHARS} 个字符，Excel 单元格放不下",
                      file=file, sheet=name, row=row, column=column,
                      hint="多半是引号不成对，把后面许多行并进了一个单元格：请用 Excel 或 WPS 打开检查该行，"
                           "或从会计软件重新导出为 Excel 文件后放回。")


def _delimiter(text: str) -> str:
    """Tab if most of the first lines hold a tab, else comma.

    Counting characters would fail on CSV amounts such as "1,234.56"; a tab in most lines is
    what a tab-separated export looks like, and a CSV practically never has one.
    """
    lines = [line for line in text[:1 << 16].splitlines()[:30] if line.strip()]
    with_tab = sum("\t" in line for line in lines)
    return "\t" if lines and with_tab * 2 > len(lines) else ","


def _cell(value: str) -> str:
    value = value.strip()
    match = _EXCEL_TEXT.match(value)
    return match[1] if match else value
