"""Temporary files of builds in a version folder: which are alive, which are stale, and the
publication a killed build interrupted.

A build names its files ``.building-<token>.xlsx`` and ``.building-<token>.manifest.json`` and
holds an exclusive flock on the workbook temp while it lives, so a free flock means its build is
dead. The manifest temp exists only while its workbook temp does (it is removed first).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from pathlib import Path


TEMP_PREFIX = ".building-"
TEMP_WORKBOOK = ".xlsx"
TEMP_MANIFEST = ".manifest.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest_temp_of(workbook_temp: Path) -> Path:
    return workbook_temp.with_name(workbook_temp.name[:-len(TEMP_WORKBOOK)] + TEMP_MANIFEST)


def temporary_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX)
                  and p.name.endswith((TEMP_WORKBOOK, TEMP_MANIFEST)))


def is_alive(workbook_temp: Path) -> bool:
    """A temporary workbook whose flock is held belongs to a build that is still running."""
    try:
        fd = os.open(workbook_temp, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)          # closing releases a lock we took


def pending_publication(folder: Path, manifest_temp: Path) -> tuple[Path, Path] | None:
    """(final workbook, final manifest) when ``manifest_temp`` belongs to a publication that
    was interrupted between linking the workbook and linking its manifest: the workbook is in
    place with the SHA-256 the manifest names, and the manifest is not."""
    try:
        record = json.loads(manifest_temp.read_text(encoding="utf-8"))
        name, digest = record["output"]["file"], record["output"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None                               # killed while writing it: nothing published
    if not isinstance(name, str) or Path(name).name != name or not name.endswith(".xlsx"):
        return None
    workbook = folder / name
    manifest = folder / (name[:-len(".xlsx")] + TEMP_MANIFEST)
    if manifest.exists() or not workbook.is_file() or sha256_file(workbook) != digest:
        return None
    return workbook, manifest


def clear_stale(folder: Path) -> list[Path]:
    """Remove the temporary files of dead builds, never a live one's; first complete a
    publication a dead build interrupted. Call under the folder lock. Returns the manifests
    completed."""
    completed = []
    temps = temporary_files(folder)
    live = {t for t in temps if t.name.endswith(TEMP_WORKBOOK) and is_alive(t)}
    live |= {manifest_temp_of(t) for t in live}
    for temp in temps:
        if temp in live:
            continue
        if temp.name.endswith(TEMP_MANIFEST) and (pending := pending_publication(folder, temp)):
            os.link(temp, pending[1])
            completed.append(pending[1])
        temp.unlink(missing_ok=True)
    return completed


