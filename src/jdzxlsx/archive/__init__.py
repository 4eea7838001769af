"""dist/<单位>/<年度>/<单位>_<年度>年度部门决算_v<NNN>.xlsx: append-only, atomic, with a manifest.

A version is never overwritten: the finished file is hard-linked into place (which fails if the
name exists), so two concurrent builds take two versions and a crash leaves no half file.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

VERSION_DIGITS = 3


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stem(department: str, year: int) -> str:
    return f"{department}_{year}年度部门决算"


def versions(folder: Path, department: str, year: int) -> list[int]:
    """Every version number in use: a workbook or a manifest of that number takes it, so a
    deleted workbook's number is never given to a new one."""
    pattern = re.compile(re.escape(stem(department, year)) + r"_v(\d{3,})\.(xlsx|manifest\.json)$")
    if not folder.is_dir():
        return []
    return sorted({int(m.group(1)) for p in folder.iterdir() if (m := pattern.match(p.name))})


@dataclass
class Archived:
    workbook: Path
    manifest: Path
    version: int
    sha256: str


@contextmanager
def _locked(folder: Path):
    with open(folder / ".jdzxlsx.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _publish(temporary: Path, final: Path) -> None:
    """Move a finished temporary file to its final name, never replacing an existing file."""
    os.link(temporary, final)          # FileExistsError if the name is taken
    temporary.unlink()


def archive_build(dist: Path, department: str, year: int, write: Callable[[Path], None],
                  manifest: dict) -> Archived:
    """Write the next version: ``write(path)`` produces the workbook; the manifest gets the
    output's name, version and SHA-256 added."""
    folder = Path(dist) / department / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".building-", suffix=".xlsx", dir=folder)
    os.close(handle)
    temporary = Path(temp_name)
    manifest_temp = temporary.with_suffix(".manifest.json")
    try:
        write(temporary)
        digest = sha256_file(temporary)
        with _locked(folder):
            version = (versions(folder, department, year) or [0])[-1] + 1
            name = f"{stem(department, year)}_v{version:0{VERSION_DIGITS}d}"
            workbook = folder / f"{name}.xlsx"
            manifest_path = folder / f"{name}.manifest.json"
            record = dict(manifest)
            record["output"] = {"file": workbook.name, "version": version, "sha256": digest,
                                "bytes": temporary.stat().st_size}
            manifest_temp.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
            # the manifest first: a version number is taken as soon as either file exists
            _publish(manifest_temp, manifest_path)
            _publish(temporary, workbook)
    finally:
        temporary.unlink(missing_ok=True)
        manifest_temp.unlink(missing_ok=True)
    return Archived(workbook, manifest_path, version, digest)


def manifest_for(result, input_folder: Path, built_at) -> dict:
    """What a version is made of: every input with its SHA-256, tool and template versions,
    period, check counts and line counts (the output's own hash is added on publishing)."""
    from .. import __version__
    from ..checks import SEVERITIES, VERDICTS

    paper = result.paper
    return {
        "tool": {"name": "jdzxlsx", "version": __version__},
        "template": result.template_version,
        "department": result.settings.department,
        "year": result.settings.year,
        "built_at": built_at.isoformat(timespec="seconds"),
        "period": {"from": f"{paper.year}-01", "to": paper.period_end,
                   "months_with_ledger_lines": paper.months},
        "inputs": [{"file": f.path, "sha256": f.sha256, "format": f.format,
                    "sheets": [{"sheet": s, "kind": k} for s, k in f.sheets],
                    "notes": list(f.notes)}
                   for f in result.ingested.files],
        "skipped": list(result.ingested.skipped),
        "checks": {f"{s}/{v}": sum(1 for f in result.findings
                                    if f.severity == s and f.verdict == v)
                   for s in SEVERITIES for v in VERDICTS},
        "counts": {
            "working_paper_lines": len(paper.lines),
            "ledger_lines_read": len(result.ingested.ledger),
            "balance_lines_read": len(result.ingested.balances),
            "budget_lines": len(paper.budget),
            "prior_year_figures": len(paper.prior_year),
            "units": len(paper.units),
            "formula_cells": len(result.book.formula_cells()),
        },
        "input_folder": str(input_folder),
    }
