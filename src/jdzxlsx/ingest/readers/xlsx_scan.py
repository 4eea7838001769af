"""An xlsx's worksheets, measured before python-calamine opens it (issue 8).

Calamine trusts a workbook: it allocates one cell (~32 bytes) for every position of the
rectangle that spans the cells holding a value, so one value at XFD1048576 in a 5 KB file asks
for half a terabyte and aborts the process. Measured with python-calamine 0.9: a ``<dimension>``
element, a styled empty cell (``<c r="X1" s="3"/>``), an empty ``<v/>``, a formula without a value
and a merged range cost nothing; a ``<v>`` with text (or an empty ``<v></v>`` on a text cell) and
any ``<is>`` inline string make the cell count. The scan counts exactly those, a little more
rather than less.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import zipfile
from array import array
from collections.abc import Iterator

from ...errors import InputError
from . import limits
from .extent import RESAVE_HINT, Extent, cell_name, too_large
from .xlsx_parts import ATTRS as _ATTRS
from .xlsx_parts import MAX_ROW_BYTES as _MAX_ROW_BYTES
from .xlsx_parts import PREFIX as _P
from .xlsx_parts import chars, folded, scan_shared_strings, sheet_paths
from .zip_scan import member_chunks

_MAX_UNCACHED = 10_000          # enough to name them; a sheet with more is refused for the first

_CELLISH = re.compile(rb"<" + _P + rb"(?:(row)|(mergeCell)|(c))(?=[\s/>])"
                      rb"""(?:\s+r\s*=\s*["']([A-Za-z]{0,8})([0-9]{0,10})["'])?""" + _ATTRS + rb">"
                      rb"(?(3)(?:(?<=/>)|(.*?)</" + _P + rb"c\s*>))", re.S)
_PLAIN_ROW = re.compile(rb'<row r="([0-9]*)"')
_PLAIN_CELL = re.compile(rb'<c r="([A-Za-z]*)([0-9]*)"')
_ROW_END = re.compile(rb"</" + _P + rb"row\s*>")
_VALUE = re.compile(rb"<" + _P + rb"(?:is|v(?:\s[^>]*)?>)")       # calamine counts <v></v> too
_CACHED = re.compile(rb"<" + _P + rb"v(?:\s[^>]*)?>[^<]")
_FORMULA = re.compile(rb"<" + _P + rb"f[\s/>]")
_NESTED_CELL = re.compile(rb"<" + _P + rb"c[\s/>]")
_REF = re.compile(rb"\s*([A-Za-z]*)([0-9]*)\s*")
_CUT_WITHOUT_ROWS = 8 << 20     # a part of a member with no row end is cut after a cell end
_CELL_OPEN = re.compile(rb"<" + _P + rb"c[\s/>]")
_CELL_END = re.compile(rb"</" + _P + rb"c\s*>")
# Text: a t="..." attribute's value; a cell counts its shared string when any of its t= says "s"
# (even one inside another attribute's quotes: more, never less).
_TYPES = re.compile(rb"""\st\s*=\s*["']([^"']*)["']""")
_NOT_TEXT = (b"s", b"n", b"b", b"e")
_INLINE = re.compile(rb"<" + _P + rb"is[\s/>]")
_INDEX = re.compile(rb"<" + _P + rb"v(?:\s[^>]*)?>\s*([0-9]{1,10})\s*<")
# Each t= with, when its tag ends right after it (no quote between) and a <v> follows, the index.
_TYPED = re.compile(rb"""\st\s*=\s*["']([^"']*)["'](?:[^>"']*>\s*<v>\s*([0-9]{1,10})\s*</v>)?""")
_RUNS = re.compile(rb">([^<]+)")
_ROWS, _COLUMNS = limits.MAX_ROWS, limits.MAX_COLUMNS
_ATTR_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']\s*([A-Za-z]*)([0-9]*)\s*["']""")
_ATTR_REF = re.compile(rb"""(?:^|\s)ref\s*=\s*["']\s*([A-Za-z]+)([0-9]+)(?::([A-Za-z]+)([0-9]+))?\s*["']""")
_SHARED_STRINGS = "xl/sharedstrings.xml"       # calamine reads this one, by name


_RESAVE = RESAVE_HINT


def scan_xlsx(archive: zipfile.ZipFile, file: str) -> dict[str, list[tuple[int, int]]]:
    """Refuses a workbook that would make calamine allocate too much; returns, per sheet name,
    the formula cells that hold no cached value.

    Every member is measured as a worksheet, whatever its name: calamine reads the member a
    relationship names (matching names without regard to case, whatever the extension), and
    finding that member the way calamine does is not tried here. A member is passed over only
    when its bytes before the first tag are not UTF-8 (a picture, a printer setting, a VBA
    project): calamine's XML reader fails on those before it reads a cell (measured)."""
    infos = [info for info in archive.infolist() if not info.filename.endswith("/")]
    names = sheet_paths(archive, file)
    strings = array("I")
    for info in infos:
        if folded(info.filename) == _SHARED_STRINGS:
            strings = scan_shared_strings(member_chunks(archive, info, file), file)
    uncached: dict[str, list[tuple[int, int]]] = {}
    for info in infos:
        path = info.filename
        sheet = names.get(folded(path))
        chunks = member_chunks(archive, info, file)
        if sheet is None:
            if path.startswith("xl/worksheets/"):
                sheet = posixpath.basename(path)
            else:
                first = next(chunks, b"")
                if _not_xml(first):
                    for _ in chunks:
                        pass
                    continue
                chunks = itertools.chain((first,), chunks)
                sheet = path            # no sheet of the workbook names it: the member is named
        extent = _scan_worksheet(chunks, file, sheet, strings)
        if extent.bounded and _over(extent):
            extent = _scan_worksheet(member_chunks(archive, info, file), file, sheet, strings, False)
        extent.check(file, sheet)
        if extent.uncached or sheet not in uncached:
            uncached[sheet] = extent.uncached
    return uncached


def _not_xml(head: bytes) -> bool:
    """The bytes before the first tag are not UTF-8 (and not merely cut inside a character)."""
    end = head.find(b"<", 0, 4096)
    head = head[:end if end >= 0 else 4096]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start < len(head) - 3 or error.reason != "unexpected end of data"
    return False


def _over(extent: Extent) -> bool:
    return (extent.cells > limits.MAX_SHEET_CELLS or extent.last_row >= _ROWS
            or extent.last_col >= _COLUMNS)


def _scan_worksheet(chunks: Iterator[bytes], file: str, sheet: str, strings: array,
                    plain_allowed: bool = True) -> Extent:
    """The extent of a worksheet's cells with a value, its merges, its formula cells without
    a value and its text, one regex match per cell (a tag-by-tag walk took ten times calamine's
    time; this loop is the hot path of reading an xlsx, hence its plainness). With
    ``plain_allowed``, plain parts are measured by their upper bound (_plain_bound) and the extent
    is marked ``bounded``. ``strings`` holds the length of each shared string."""
    extent = Extent()
    row, col = -1, -1               # of the last cell: cells without r= follow it
    last_row = last_col = -1
    columns: dict[bytes, int] = {}
    uncached = extent.uncached
    longest = max(strings, default=0)
    for buffer in _whole_rows(chunks, file, sheet):
        inline = (b"<is" in buffer or b":is" in buffer) and _INLINE.search(buffer)
        typed = _TYPED.findall(buffer) if (strings or not inline) and b"t" in buffer else []
        types = [kind for kind, _ in typed]
        shared = types.count(b"s") if strings else 0
        if inline or len(types) > types.count(b"s") + sum(types.count(t) for t in _NOT_TEXT[1:]):
            extent.text += _text_outside_tags(buffer)
        bound = _plain_bound(buffer, columns) if plain_allowed else None
        text = 0
        if bound is not None and shared:
            # Every t="s" of a plain part has its <v> right after its tag, or the part is
            # measured cell by cell.
            indexes = [index for kind, index in typed if kind == b"s" and index]
            if len(indexes) == shared:
                text = _shared_text(indexes, strings)
            else:
                bound = None
        if bound is not None:
            bound_row, bound_col = max(bound[0], last_row), max(bound[1], last_col)
            if (bound_row + 1) * (bound_col + 1) <= limits.MAX_SHEET_CELLS \
                    and bound_row < _ROWS and bound_col < _COLUMNS:
                # Even counting its empty cells, this part keeps the sheet within the budget.
                last_row, last_col, row, col = bound_row, bound_col, bound[2], bound[3]
                extent.bounded = True
                extent.text += text
                continue
        for row_tag, merge_tag, _, letters, digits, attrs, content in _CELLISH.findall(buffer):
            if merge_tag:
                _merge(extent, attrs, file, sheet)
                continue
            if not digits:
                ref = _cell_ref(attrs)
                if ref:
                    letters, digits = ref[1], ref[2]
            if row_tag:
                row = int(digits[:10]) - 1 if digits and not letters else row + 1
                col = -1
            elif digits:
                row = int(digits[:10]) - 1
                if letters:
                    col = columns.get(letters, -1)
                    if col < 0:
                        col = columns.setdefault(letters, _column(letters))
                else:
                    col += 1
            else:
                col += 1
            if row >= _ROWS or col >= _COLUMNS or row < -1:
                _check_position(row, col, file, sheet)
            if not content:
                continue            # <c r="X1" s="3"/> or <c ...></c>: calamine allocates nothing
            if b"<v>" in content or b"<is" in content or _VALUE.search(content):
                if row > last_row:
                    last_row = row
                if col > last_col:
                    last_col = col
            if shared and b"t" in attrs and b"s" in _TYPES.findall(b" " + attrs):
                index = None if b'"' in content or b"'" in content else _INDEX.search(content)
                if index is None:
                    extent.text += longest      # a value calamine may find and this does not
                elif int(index[1]) < len(strings):
                    extent.text += strings[int(index[1])]
            if (b"<f" in content or b":f" in content) and _FORMULA.search(content) \
                    and not _CACHED.search(content) and len(uncached) < _MAX_UNCACHED:
                uncached.append((row, col))
            if (b"<c" in content or b":c" in content) and _NESTED_CELL.search(content):
                raise InputError("工作表的 XML 中单元格套着单元格，文件已损坏或是特意构造的",
                                 file=file, sheet=sheet, hint=_RESAVE)
        if extent.text > limits.MAX_SHEET_TEXT_CHARS:
            break
    extent.add(last_row, last_col)
    return extent


def _shared_text(indexes: list[bytes], strings: array) -> int:
    """Characters of the shared strings the cells refer to (an index past the table is none)."""
    numbers = list(map(int, indexes))
    if numbers and max(numbers) >= len(strings):
        numbers = [n for n in numbers if n < len(strings)]
    return sum(map(strings.__getitem__, numbers))


def _text_outside_tags(buffer: bytes) -> int:
    """Inline strings and formula strings are in the XML itself: all the text of this part
    outside tags is counted (the numbers too: more, never less). Text is what follows a ">" up
    to the next "<" (a ">" inside a quoted value only adds to it); CDATA may hold "<", so with
    CDATA every character counts."""
    if b"<![CDATA[" in buffer:
        return chars(buffer)
    return chars(b"".join(_RUNS.findall(buffer)))


def _plain_bound(buffer: bytes, columns: dict[bytes, int]):
    """(last row, last col) of every cell and row tag of a part of a sheet, empty or not, and
    the (row, col) the part ends at; None unless the part is plain: every tag written
    ``<c r="A1"`` / ``<row r="1"`` (as Excel, WPS, LibreOffice and XlsxWriter write them), no
    formula, no merge. Found with C-speed searches only; an upper bound of the exact extent."""
    if b"<f" in buffer or b"mergeCell" in buffer or b":c" in buffer or b":row" in buffer:
        return None
    tags = buffer.count(b"<c") + buffer.count(b"<row")
    rows = _PLAIN_ROW.findall(buffer)
    cells = _PLAIN_CELL.findall(buffer)
    if not rows or len(rows) + len(cells) != tags or buffer.count(b' r="') != tags:
        return None
    digits = [d for _, d in cells]
    letters = set(l for l, _ in cells)
    if any(not d or len(d) > 7 for d in rows) or any(not d or len(d) > 7 for d in digits) \
            or any(not l or len(l) > 3 for l in letters):
        return None
    bound_row = max(max(map(int, rows)), max(map(int, digits), default=0)) - 1
    bound_col = max((columns.setdefault(l, _column(l)) for l in letters), default=-1)
    last_row_tag, last_cell = buffer.rfind(b"<row"), buffer.rfind(b"<c")
    if last_cell > last_row_tag:
        return bound_row, bound_col, int(cells[-1][1]) - 1, columns[cells[-1][0]]
    return bound_row, bound_col, int(rows[-1]) - 1, -1


def _whole_rows(chunks: Iterator[bytes], file: str, sheet: str) -> Iterator[bytes]:
    """The stream in pieces that end right after a row's end tag, so no cell is cut: a literal
    "</" is always a tag in XML, never text. A member with no rows (any member is measured) is
    cut after its last cell end, or its last tag when it has no cell."""
    carry = b""
    for chunk in chunks:
        buffer = carry + chunk
        cut = _last_row_end(buffer)
        if cut <= 0 and len(buffer) > _CUT_WITHOUT_ROWS:
            cut = _cut_without_rows(buffer)
        if cut > 0:
            yield buffer[:cut]
            carry = buffer[cut:]
        else:
            carry = buffer
        if len(carry) > _MAX_ROW_BYTES:
            raise InputError(f"工作表的 XML 中有一行超过 {_MAX_ROW_BYTES >> 20} MB，文件已损坏或是特意构造的",
                             file=file, sheet=sheet, hint=_RESAVE)
    yield carry


def _last_row_end(buffer: bytes) -> int:
    at = buffer.rfind(b"</row>")
    if at >= 0:
        return at + 6
    ends = [match.end() for match in _ROW_END.finditer(buffer)]
    return ends[-1] if ends else -1


def _cut_without_rows(buffer: bytes) -> int:
    at = buffer.rfind(b"</c>")
    if at >= 0:
        return at + 4
    ends = [match.end() for match in _CELL_END.finditer(buffer)]
    if ends:
        return ends[-1]
    if _CELL_OPEN.search(buffer):
        return -1
    at = buffer.rfind(b"<")
    return at if at > 0 else len(buffer)


def _cell_ref(attrs: bytes):
    """(whole, letters, digits) of the r= attribute, or None."""
    at = attrs.find(b' r="')
    if at >= 0:
        close = attrs.find(b'"', at + 4)
        match = _REF.fullmatch(attrs, at + 4, close if close >= 0 else len(attrs))
        if match:
            return match
    return _ATTR_R.search(attrs)


def _merge(extent: Extent, attrs: bytes, file: str, sheet: str) -> None:
    ref = _ATTR_REF.search(attrs)
    if not ref:
        return
    r0, c0 = _number(ref[2]) - 1, _column(ref[1])
    r1, c1 = (_number(ref[4]) - 1, _column(ref[3])) if ref[3] else (r0, c0)
    for r, c in ((r0, c0), (r1, c1)):
        _check_position(r, c, file, sheet)
    extent.merge(abs(r1 - r0) + 1, abs(c1 - c0) + 1)


def _number(digits: bytes) -> int:
    return int(digits[:10])


def _column(letters: bytes) -> int:
    col = 0
    for letter in letters.upper()[:8]:
        col = col * 26 + letter - 64
    return col - 1


def _check_position(row: int, col: int, file: str, sheet: str) -> None:
    if row >= limits.MAX_ROWS or col >= limits.MAX_COLUMNS or row < -1 or col < -1:
        raise too_large(f"单元格 {cell_name(row, col)} 超出 Excel 的范围"
                        f"（最多 {limits.MAX_ROWS:,} 行 × {limits.MAX_COLUMNS:,} 列）", file, sheet)
