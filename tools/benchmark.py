#!/usr/bin/env python3
"""Speed and memory of one build, by stage, with printed figures (no timed unit tests).

    python tools/benchmark.py [--repeat 3] [--scale 10]

--scale N repeats every ledger line N times (as if the office had N times the postings), to
show how the stages grow with the size of the 底稿.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jdzxlsx.checks import build_checks  # noqa: E402
from jdzxlsx.ingest import read_folder  # noqa: E402
from jdzxlsx.model import Workbook  # noqa: E402
from jdzxlsx.pipeline import year_template  # noqa: E402
from jdzxlsx.tables import (basic_info_sheet, budget_sheet, build_tables,  # noqa: E402
                            prior_year_sheet, working_paper_sheet)
from jdzxlsx.working_paper import build_working_paper  # noqa: E402
from jdzxlsx.xlsx import write_workbook  # noqa: E402

SAMPLE = ROOT / "inputs" / "景德镇市陶瓷产业发展局-2020"


def one_build(scale: int) -> dict[str, float]:
    times = {}
    start = time.perf_counter()
    template = year_template(2020)
    times["template"] = time.perf_counter() - start
    start = time.perf_counter()
    ingested = read_folder(SAMPLE, year=2020)
    times["ingest"] = time.perf_counter() - start
    if scale > 1:
        ingested.ledger = [replace(line, voucher=f"{line.voucher}#{copy}")
                           for copy in range(scale) for line in ingested.ledger]
    start = time.perf_counter()
    paper = build_working_paper(ingested, template, department="景德镇市陶瓷产业发展局")
    times["working paper"] = time.perf_counter() - start
    start = time.perf_counter()
    book = Workbook()
    tables = build_tables(book, paper, template)
    inputs = [working_paper_sheet(paper), budget_sheet(paper), prior_year_sheet(paper),
              basic_info_sheet(paper)]
    book.sheets = [*tables, *inputs]
    times["tables"] = time.perf_counter() - start
    start = time.perf_counter()
    build_checks(book, paper, template)
    times["checks"] = time.perf_counter() - start
    start = time.perf_counter()
    book.resolve(paper)
    times["resolve"] = time.perf_counter() - start
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.xlsx"
        write_workbook(book, path)
        size = path.stat().st_size
    times["write xlsx"] = time.perf_counter() - start
    times["_lines"] = len(paper.lines)
    times["_bytes"] = size
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    runs = [one_build(args.scale) for _ in range(args.repeat)]
    print(f"sample ×{args.scale}: {runs[0]['_lines']} 底稿 lines, "
          f"{runs[0]['_bytes'] / 1024:.0f} KiB workbook, {args.repeat} runs (best of)")
    for stage in [k for k in runs[0] if not k.startswith("_")]:
        print(f"  {stage:<18}{min(r[stage] for r in runs):8.3f} s")
    total = min(sum(v for k, v in r.items() if not k.startswith("_")) for r in runs)
    print(f"  {'total':<18}{total:8.3f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory       {peak:8.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
