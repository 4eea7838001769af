"""Fixtures that build tiny input files the way the office's software writes them.

Tests use the ``files`` fixture: ``files.xlsx("明细账.xlsx", {"Sheet1": rows}, merges=…)`` writes
into a fresh input folder (``files.folder``) and ``files.read()`` runs read_folder on it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import xlsxwriter
import xlwt

from jdzxlsx.ingest import IngestResult, read_folder

Merge = tuple[int, int, int, int, object]   # first_row, first_col, last_row, last_col, value


class Files:
    def __init__(self, folder: Path):
        self.folder = folder
        self.year: int | None = None

    def read(self) -> IngestResult:
        return read_folder(self.folder, year=self.year)

    def in_year(self, year: int) -> "Files":
        """Read as the pipeline does for a folder of that 年度 (from its name or jdzxlsx.toml)."""
        self.folder = self.folder.parent / f"景德镇市陶瓷产业发展局-{year}"
        self.folder.mkdir(exist_ok=True)
        self.year = year
        return self

    def xlsx(self, name: str, sheets: dict[str, list[list[object]]],
             merges: dict[str, list[Merge]] | None = None, hidden: tuple[str, ...] = ()) -> Path:
        path = self.folder / name
        workbook = xlsxwriter.Workbook(path, {"strings_to_numbers": False})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for sheet_name, rows in sheets.items():
            sheet = workbook.add_worksheet(sheet_name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if isinstance(value, dt.date):
                        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()),
                                             date_format)
                    elif value is not None:
                        sheet.write(r, c, value)
            for r0, c0, r1, c1, value in (merges or {}).get(sheet_name, []):
                sheet.merge_range(r0, c0, r1, c1, value)
            if sheet_name in hidden:
                sheet.hide()
        workbook.close()
        return path

    def xls(self, name: str, rows: list[list[object]], sheet: str = "Sheet1",
            merges: list[Merge] = ()) -> Path:
        """A real BIFF .xls written by xlwt."""
        path = self.folder / name
        workbook = xlwt.Workbook(encoding="utf-8")
        ws = workbook.add_sheet(sheet)
        date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
        covered = {(r, c) for r0, c0, r1, c1, _ in merges
                   for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, dt.date):
                    ws.write(r, c, dt.datetime.combine(value, dt.time()), date_style)
                else:
                    ws.write(r, c, value)
        for r0, c0, r1, c1, value in merges:
            ws.write_merge(r0, r1, c0, c1, value)
        workbook.save(str(path))
        return path

    def html(self, name: str, rows: list[str], charset: str = "gb2312",
             encoding: str = "gb2312", before: str = "") -> Path:
        """An Excel-export-style HTML page around one table; ``rows`` are <tr> contents."""
        body = "".join(f"<tr>{row}</tr>\n" for row in rows)
        page = (f'<html xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head>'
                f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
                f"<style>td {{mso-number-format:'\\@';}}</style></head>\n<body>{before}"
                f'<table border="1">\n{body}</table></body></html>')
        return self.bytes(name, page.encode(encoding))

    def text(self, name: str, text: str, encoding: str = "utf-8") -> Path:
        return self.bytes(name, text.encode(encoding))

    def bytes(self, name: str, data: bytes) -> Path:
        path = self.folder / name
        path.write_bytes(data)
        return path


@pytest.fixture
def files(tmp_path: Path) -> Files:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return Files(folder)
