"""xlsx / xlsm / ods and real BIFF xls through python-calamine.

``from_filelike`` rather than ``from_path``: from_path picks the parser by the file's
extension, so a real xlsx saved as ".xls" (or the reverse) fails; from_filelike looks at the
bytes, which is the rule here.

Calamine allocates before it can be asked how large a sheet is (an .xls or .ods is parsed whole
when opened), so each format is measured first by its scan (xlsx_scan, ods_scan, xls_scan) and
refused over the limits in limits.py.
"""

from __future__ import annotations

import io

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from .content import not_a_table, zip_content
from .extent import Extent
from .ods_scan import scan_ods
from .raw import RawSheet
from .xls_scan import scan_xls
from .xlsx_scan import scan_xlsx
from .zip_scan import open_zip


def measure(data: bytes, file: str, fmt: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """(format, uncached formula cells per sheet) after refusing what is too large to read."""
    if fmt == "xls":
        scan_xls(data, file)
        return fmt, {}
    archive = open_zip(data, file)
    kind = zip_content(archive)
    if kind == "xlsx":
        return "xlsx", scan_xlsx(archive, file)
    if kind == "ods":
        scan_ods(archive, file)
        return "ods", {}
    raise not_a_table(file, kind)


def read_workbook(data: bytes, file: str, fmt: str) -> tuple[str, list[RawSheet]]:
    """(format, sheets): the format as the zip's content says (an .ods may not name its
    mimetype first)."""
    fmt, uncached = measure(data, file, fmt)
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = []
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue    # chart sheets and macro sheets hold no table
            sheet = workbook.get_sheet_by_name(meta.name)
            merged = [(r0, c0, r1, c1)
                      for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            # The scans measured; this is the last word, in case a format says more than they saw.
            Extent(sheet.height - 1, sheet.width - 1,
                   sum((r1 - r0 + 1) * (c1 - c0 + 1) for r0, c0, r1, c1 in merged)
                   ).check(file, meta.name)
            rows = _rows(sheet)
            sheets.append(RawSheet(meta.name, rows, merged,
                                   hidden=meta.visible != SheetVisibleEnum.Visible,
                                   uncached=uncached.get(meta.name, [])))
    finally:
        workbook.close()
    return fmt, sheets


# The table of texts stops growing here: a sheet of millions of distinct texts gains nothing
# from it, and the table itself would cost ~100 bytes per entry.
_DISTINCT_TEXTS_HELD = 200_000


def _rows(sheet) -> list[list[object]]:
    """The sheet's cells from A1, as Excel numbers rows and columns (so messages and provenance
    name the cells Excel shows).

    Row by row, with each distinct text held once: a ledger repeats its accounts, units and
    fund names thousands of times, and one str object per cell would cost several times what
    calamine itself holds (a 4-million-cell sheet of repeated texts measured 800 MB as
    to_python lists, for a 15 MB file)."""
    if sheet.start is None:
        return []
    lead = [""] * sheet.start[1]          # iter_rows starts at A-row 1 but at the first column
    texts: dict[str, str] = {}
    rows = []
    for row in sheet.iter_rows():
        if len(texts) < _DISTINCT_TEXTS_HELD:
            row = [texts.setdefault(value, value) if type(value) is str else value
                   for value in row]
        else:
            row = [texts.get(value, value) if type(value) is str else value for value in row]
        rows.append(lead + row)
    return rows
