#!/usr/bin/env python3
"""Peak memory of `jdzxlsx build` on the largest sheets the reader budgets let through, with
printed figures (issue 8: peak RSS under 1 GB for any input folder under 20 MB).

    python tools/bench_reader_memory.py [--rows 250000 500000] [--columns 12]

Each case writes one .xlsx whose sheet holds rows × columns shared-string cells, either a few
thousand repeated texts (a ledger's accounts and units) or every cell a distinct text, builds the
folder in a child process and prints the file's size, the child's peak RSS (VmHWM) and seconds.
The folder holds no ledger, so the build stops (exit 2) right after reading: the figure is the
reader's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus import files  # noqa: E402

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PEAK = """\
import atexit, sys
def report():
    status = open("/proc/self/status").read()
    sys.stderr.write("PEAK " + status.split("VmHWM:")[1].split()[0] + "\\n")
atexit.register(report)
from jdzxlsx.cli import main
sys.exit(main(sys.argv[1:]))
"""


def write_sheet(path: Path, rows: int, columns: int, distinct: bool) -> None:
    count = rows * columns if distinct else 5_000
    texts = (f"{i}" if distinct else f"摘要{i}" for i in range(count))
    content_types = files._CONTENT_TYPES.replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    rels = files._WORKBOOK_RELS.replace("</Relationships>", (
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", content_types)
        book.writestr("_rels/.rels", files._ROOT_RELS)
        book.writestr("xl/workbook.xml", files._WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", rels)
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'.encode())
            for text in texts:
                out.write(f"<si><t>{text}</t></si>".encode())
            out.write(b"</sst>")
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'
                      "<sheetData>".encode())
            for r in range(1, rows + 1):
                cells = "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>{((r - 1) * columns + c) % count}'
                                "</v></c>" for c in range(columns))
                out.write(f'<row r="{r}">{cells}</row>'.encode())
            out.write(b"</sheetData></worksheet>")


def measure(folder: Path, dist: Path) -> tuple[int, int, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, "build", str(folder), "--dist", str(dist)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    seconds = time.perf_counter() - start
    peak = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK"))
    return done.returncode, peak, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250_000, 500_000])
    parser.add_argument("--columns", type=int, default=12)
    args = parser.parse_args()
    print(f"{'cells':>10} {'texts':>9} {'file MB':>8} {'exit':>4} {'peak MB':>8} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        for rows in args.rows:
            for distinct in (False, True):
                folder = Path(scratch) / f"b{rows}{distinct}-2020"
                folder.mkdir()
                path = folder / "大表.xlsx"
                write_sheet(path, rows, args.columns, distinct)
                code, peak, seconds = measure(folder, Path(scratch) / "dist")
                print(f"{rows * args.columns:>10,} {'distinct' if distinct else 'repeated':>9} "
                      f"{path.stat().st_size / 2**20:>8.1f} {code:>4} {peak / 1024:>8.0f} "
                      f"{seconds:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
