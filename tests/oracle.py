"""The tests' independent oracle: LibreOffice headless recalculates a workbook, then every
formula cell's recalculated value is compared with the cached value we wrote.

LibreOffice keeps cached values of .xlsx files unless its profile says otherwise
(OOXMLRecalcMode = 0, "always"); each call uses a fresh private profile that says so.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(paths: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
    """Recalculate and re-save each workbook into outdir (one LibreOffice start)."""
    return _convert(paths, outdir, "xlsx:Calc MS Excel 2007 XML", ".xlsx", timeout)


def to_pdf(path: Path, outdir: Path, timeout: float = 300) -> Path:
    """The workbook recalculated and printed to PDF as LibreOffice paginates it."""
    (out,) = _convert([path], outdir, "pdf:calc_pdf_Export", ".pdf", timeout)
    return out


def pages_by_sheet(pdf: Path) -> dict[str, list[int]]:
    """{sheet name: its page numbers, in order}, read from each page's footer (jdzxlsx prints
    the sheet's name at the left and 第 N 页 in the middle)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages: dict[str, list[int]] = {}
    for page in text.split("\f"):
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        if not lines:
            continue
        match = re.fullmatch(r"(\S+)\s+第\s*(\d+)\s*页", lines[-1])
        if match is None:
            raise AssertionError(f"a page without the sheet's footer: {lines[-1]!r}")
        pages.setdefault(match[1], []).append(int(match[2]))
    return pages


def _convert(paths: list[Path], outdir: Path, target: str, suffix: str,
             timeout: float) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="jdzxlsx_lo_"))
    try:
        (profile / "user").mkdir()
        (profile / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
        outs = [outdir / (Path(p).stem + suffix) for p in paths]
        for out in outs:
            out.unlink(missing_ok=True)
        command = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                   "--convert-to", target, "--outdir", str(outdir),
                   *[str(Path(p).resolve()) for p in paths]]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   start_new_session=True, text=True)
        try:
            log, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise RuntimeError("LibreOffice timed out")
        missing = [str(o) for o in outs if not o.exists()]
        if missing:
            raise RuntimeError(f"LibreOffice wrote no {missing}: {log}")
        return outs
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@dataclass
class Difference:
    sheet: str
    cell: str
    formula: str
    cached: object
    recalculated: object

    def __str__(self) -> str:
        return (f"{self.sheet}!{self.cell}: cached={self.cached!r} "
                f"LibreOffice={self.recalculated!r}  {self.formula}")


def formula_cells(path: Path) -> dict[tuple[str, str], str]:
    book = openpyxl.load_workbook(path, data_only=False)
    found = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    found[(sheet.title, cell.coordinate)] = str(cell.value)
    return found


def values(path: Path, cells) -> dict[tuple[str, str], object]:
    book = openpyxl.load_workbook(path, data_only=True)
    return {(s, c): book[s][c].value for s, c in cells}


def _same(a, b) -> bool:
    if a == "" or a is None:
        return b in ("", None)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def differences(original: Path, recalculated: Path) -> list[Difference]:
    cells = formula_cells(original)
    before = values(original, cells)
    after = values(recalculated, cells)
    return [Difference(s, c, f, before[(s, c)], after[(s, c)])
            for (s, c), f in cells.items() if not _same(before[(s, c)], after[(s, c)])]
