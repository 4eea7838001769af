"""An OpenDocument spreadsheet's content.xml, measured before python-calamine opens it (issue 8).

Calamine reads every sheet of an .ods when it opens the file and expands repeated cells: one
``table:number-columns-repeated="16384"`` cell with a value in a row repeated a million times
is 17 billion cells. Measured with python-calamine 0.9: cells with an ``office:value-type`` count
(and every repetition of them); empty cells, covered cells and repeated empty rows (LibreOffice
ends every sheet with those) cost nothing. The scan counts a cell that has a value type or any
content, so it errs on the side of counting.
"""

from __future__ import annotations

import html
import re
import zipfile

from ...errors import InputError
from . import limits
from .extent import RESAVE_HINT, Extent, tags
from .zip_scan import member_chunks

_ATTRS = rb"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_TOKEN = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell|s)(?=[\s/>])"
                    + _ATTRS + rb">")
_CELLS = (b"table-cell", b"covered-table-cell")
_PREFIX = rb"""(?:^|\s)(?:[\w.-]+:)?"""


def _attribute(name: bytes) -> re.Pattern:
    return re.compile(_PREFIX + name + rb"""\s*=\s*["']\s*([^"']*?)\s*["']""")


_ROWS_REPEATED = _attribute(rb"number-rows-repeated")
_COLS_REPEATED = _attribute(rb"number-columns-repeated")
_COLS_SPANNED = _attribute(rb"number-columns-spanned")
_ROWS_SPANNED = _attribute(rb"number-rows-spanned")
_VALUE_TYPE = _attribute(rb"value-type")
_NAME = _attribute(rb"name")
_SPACES = _attribute(rb"c")
# office:string-value, date-value, time-value: calamine takes a cell's text from them.
_TEXT_VALUES = re.compile(_PREFIX + rb"""[\w-]+-value\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG = re.compile(rb"""<(?!!)(?:[^<>"']|"[^"]*"|'[^']*')*>""")


def scan_ods(archive: zipfile.ZipFile, file: str) -> None:
    """Refuses an .ods whose sheets would make calamine allocate too much."""
    for info in archive.infolist():
        if info.filename.endswith(".xml") or info.filename.endswith(".rdf"):
            chunks = member_chunks(archive, info, file)
            if info.filename == "content.xml":
                _scan_content(chunks, file)
            else:
                for _ in chunks:
                    pass


def _scan_content(chunks, file: str) -> None:
    """Extent, merges and text of each sheet. A cell's text is what lies between its tags
    (characters outside tags, or bytes when the tags fall in different read chunks), the spaces
    its <text:s text:c="N"/> stand for and its *-value attributes, times its repetitions."""
    depth = 0
    sheet: str | None = None
    extent = Extent()
    row = col = 0
    row_repeat = 1
    cell = None         # (buffer, end of the open tag in it, its stream offset, repetitions)
    spaces = 0
    for match, base in tags(_TOKEN, chunks, file, None):
        closing, tag, attrs = match[1], match[2], match[3]
        self_closing = attrs.endswith(b"/")
        if tag == b"s":
            if cell is not None and depth == 1:
                spaces += _count(_SPACES, attrs, file, sheet, 10**12)
            continue
        if tag in _CELLS and closing and cell is not None and depth == 1:
            buffer, start, offset, times = cell
            if match.string is buffer:
                chars = len(_TAG.sub(b"", buffer[start:match.start()]).decode("utf-8", "replace"))
            else:
                chars = base + match.start() - offset
            extent.text += (chars + spaces) * times
            cell = None
            if extent.text > limits.MAX_SHEET_TEXT_CHARS:
                extent.check(file, sheet)
            continue
        if tag == b"table":
            if closing or self_closing:
                if depth == 1:
                    extent.check(file, sheet)
                depth = max(0, depth - 1) if closing else depth
                continue
            depth += 1
            if depth == 1:
                name = _NAME.search(attrs)
                sheet = html.unescape(name[1].decode("utf-8", "replace")) if name else None
                extent, row, col = Extent(), 0, 0
        elif depth != 1 or closing:
            if tag == b"table-row" and closing and depth == 1:
                row += row_repeat
            continue
        elif tag == b"table-row":
            row_repeat = _count(_ROWS_REPEATED, attrs, file, sheet)
            col = 0
            if self_closing:
                row += row_repeat
        else:
            repeat = _count(_COLS_REPEATED, attrs, file, sheet)
            if b"-value" in attrs:
                extent.text += sum(len(a or b) for a, b in _TEXT_VALUES.findall(attrs)) \
                    * repeat * row_repeat
            if not self_closing:
                cell, spaces = (match.string, match.end(), base + match.end(), repeat * row_repeat), 0
            if tag == b"table-cell":
                if _VALUE_TYPE.search(attrs) or not self_closing:
                    extent.add(row, col, row_repeat, repeat)
                spans = (_count(_ROWS_SPANNED, attrs, file, sheet),
                         _count(_COLS_SPANNED, attrs, file, sheet))
                extent.merge(*spans)
                if spans != (1, 1) and repeat * row_repeat > 1:
                    extent.merged_cells += spans[0] * spans[1] * (repeat * row_repeat - 1)
            col += repeat
        if extent.merged_cells > limits.MAX_MERGED_CELLS or extent.cells > limits.MAX_SHEET_CELLS \
                or extent.text > limits.MAX_SHEET_TEXT_CHARS:
            extent.check(file, sheet)


def _count(pattern: re.Pattern, attrs: bytes, file: str, sheet: str | None,
           cap: int = limits.MAX_ROWS + 1) -> int:
    """A repeat or span count: absent is 1; more than Excel's rows is refused (no real sheet
    repeats a row or a cell more often than Excel has rows); a space count is capped at ``cap``."""
    match = pattern.search(attrs)
    if not match:
        return 1
    text = match[1][:12]
    if not text.isdigit():
        raise InputError(f"表格 XML 中的重复/合并次数「{text.decode('ascii', 'replace')}」不是整数，"
                         "文件已损坏", file=file, sheet=sheet, hint=RESAVE_HINT)
    return max(1, min(int(text), cap))
