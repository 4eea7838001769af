"""Versions of a build in dist/: numbering, the lock, and the atomic, append-only publish."""

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
