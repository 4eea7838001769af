"""xlsx / xlsm / ods and real BIFF xls through python-calamine.

``from_filelike`` rather than ``from_path``: from_path picks the parser by the file's
extension, so a real xlsx saved as ".xls" (or the reverse) fails; from_filelike looks at the
bytes, which is the rule here.
"""

from __future__ import annotations

import io

from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from .raw import RawSheet


def read_workbook(data: bytes) -> list[RawSheet]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = []
    try:
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue    # chart sheets and macro sheets hold no table
            sheet = workbook.get_sheet_by_name(meta.name)
            # skip_empty_area=False keeps the leading empty rows, so row numbers in messages
            # and provenance are the ones Excel shows.
            rows = [list(row) for row in sheet.to_python(skip_empty_area=False)]
            merged = [(r0, c0, r1, c1)
                      for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            sheets.append(RawSheet(meta.name, rows, merged,
                                   hidden=meta.visible != SheetVisibleEnum.Visible))
    finally:
        workbook.close()
    return sheets
