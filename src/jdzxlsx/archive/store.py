"""Versions of a build in dist/: numbering, the folder lock, and the kill-safe, append-only publish.

dist/<部门>/<年度>/<部门>_<年度>年度部门决算_v<NNN>.xlsx and its .manifest.json. A build

1. makes the folders through the path gate, remembering which ones it created;
2. under the folder lock (flock on the version directory itself, so no lock file is left):
   clears the temporary files of builds that died (completing an interrupted publication),
   creates its own ``.building-<token>.xlsx`` and holds an exclusive flock on it while it lives;
3. writes the workbook into it, outside the lock (concurrent builds write in parallel);
4. under the lock: takes the next version number, writes and fsyncs
   ``.building-<token>.manifest.json`` (it names the final workbook and its SHA-256), links the
   workbook to its final name, then the manifest (``os.link`` never overwrites), removes the
   temporary files.

A SIGKILL anywhere leaves temporary files the next build recognises by name and by their free
flock, or a published workbook whose manifest the next build links into place. Any failure
removes what the run created: its temporary files and the folders it made, so after exit 2
nothing new exists in dist/.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..pathgate import inside, safe_component
from .temps import TEMP_PREFIX, TEMP_WORKBOOK, clear_stale, manifest_temp_of, sha256_file

VERSION_DIGITS = 3
FOLDER_ATTEMPTS = 10          # another build may remove an empty folder it made, between our steps


def stem(department: str, year: int) -> str:
    """The file names' common part; the department must have passed the path gate."""
    return f"{department}_{year}年度部门决算"


def version_pattern(department: str, year: int) -> re.Pattern:
    return re.compile(re.escape(stem(department, year)) + r"_v(\d{3,})\.(xlsx|manifest\.json)$")


def versions(folder: Path, department: str, year: int) -> list[int]:
    """Every version number in use: a workbook or a manifest of that number takes it, so a
    deleted workbook's number is never given to a new one."""
    pattern = version_pattern(department, year)
    if not folder.is_dir():
        return []
    return sorted({int(m.group(1)) for p in folder.iterdir() if (m := pattern.match(p.name))})


@dataclass
class Archived:
    workbook: Path
    manifest: Path
    version: int
    sha256: str


def _lock_directory(folder: Path) -> int:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextlib.contextmanager
def folder_lock(folder: Path):
    """An exclusive flock on the version directory itself; the descriptor is yielded (fsync it
    to make links durable). Closing it on any exit, even a kill, releases the lock."""
    fd = _lock_directory(folder)
    try:
        yield fd
    finally:
        os.close(fd)


def _make_folders(folder: Path, created: list[Path]) -> None:
    missing = []
    path = folder
    while not path.is_dir():
        missing.append(path)
        path = path.parent
    for path in reversed(missing):
        try:
            path.mkdir()
            created.append(path)
        except FileExistsError:
            if not path.is_dir():
                raise


@contextlib.contextmanager
def _locked_folder(dist: Path, department: str, year: int, source: str, created: list[Path]):
    """Make the version folder (through the gate) and lock it. Retries when another build
    removed the empty folder it had made between our mkdir and our lock."""
    for attempt in range(FOLDER_ATTEMPTS):
        folder = inside(dist, department, str(year), what="部门", source=source)
        try:
            _make_folders(folder, created)
            folder = inside(dist, department, str(year), what="部门", source=source)
            fd = _lock_directory(folder)
            try:
                on_disk = os.stat(folder, follow_symlinks=False)
            except BaseException:
                os.close(fd)
                raise
        except FileNotFoundError:
            if attempt == FOLDER_ATTEMPTS - 1:
                raise
            continue
        held = os.fstat(fd)
        if (on_disk.st_dev, on_disk.st_ino) != (held.st_dev, held.st_ino):
            os.close(fd)                          # locked a folder that was replaced: again
            continue
        try:
            yield folder, fd
        finally:
            os.close(fd)
        return
    raise FileNotFoundError(errno.ENOENT, "输出目录在生成过程中被反复删除", str(dist))


def _remove_created(created: list[Path]) -> None:
    """Remove the folders this run made, deepest first, while they are empty; each under its
    lock, so a concurrent build that locked it meanwhile sees it gone and retries."""
    for path in reversed(created):
        with contextlib.suppress(OSError), folder_lock(path):
            path.rmdir()
    created.clear()


def _unwrap(error: BaseException) -> BaseException:
    """XlsxWriter wraps the OSError of a full disk or a missing permission in FileCreateError:
    hand the OSError on, so the command line says it in Chinese."""
    from xlsxwriter.exceptions import FileCreateError

    if isinstance(error, FileCreateError):
        inner = error.args[0] if error.args else None
        return inner if isinstance(inner, OSError) else OSError(str(error))
    return error


def _user_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_manifest_temp(path: Path, record: dict) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def archive_build(dist: Path, department: str, year: int, write: Callable[[Path], None],
                  manifest: dict, *, source: str = "部门名称") -> Archived:
    """Write the next version: ``write(path)`` produces the workbook; the manifest gets the
    output's name, version and SHA-256 added. ``source`` names where the department name came
    from, for the path gate's message."""
    safe_component(department, "部门", source)
    safe_component(str(year), "年度", source)
    dist = Path(dist)
    created: list[Path] = []
    temp = manifest_temp = None
    temp_fd = -1
    try:
        with _locked_folder(dist, department, year, source, created) as (folder, _):
            clear_stale(folder)
            temp_fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_WORKBOOK, dir=folder)
            temp = Path(name)
            fcntl.flock(temp_fd, fcntl.LOCK_EX)           # held until this build ends
            os.fchmod(temp_fd, _user_mode())              # mkstemp makes 0600
        manifest_temp = manifest_temp_of(temp)
        try:
            write(temp)
        except Exception as error:                        # noqa: BLE001 - re-raised
            unwrapped = _unwrap(error)
            if unwrapped is error:
                raise
            raise unwrapped from None
        os.fsync(temp_fd)
        digest = sha256_file(temp)
        size = temp.stat().st_size
        with _locked_folder(dist, department, year, source, created) as (folder, folder_fd):
            version = (versions(folder, department, year) or [0])[-1] + 1
            base = f"{stem(department, year)}_v{version:0{VERSION_DIGITS}d}"
            workbook, manifest_path = folder / f"{base}.xlsx", folder / f"{base}.manifest.json"
            # the version's owner as its folder says, which verify holds the folder to
            record = {**manifest, "department": department, "year": year}
            record["output"] = {"file": workbook.name, "version": version, "sha256": digest,
                                "bytes": size}
            _write_manifest_temp(manifest_temp, record)
            os.link(temp, workbook)                       # FileExistsError if the name is taken
            try:
                os.link(manifest_temp, manifest_path)
            except BaseException:
                workbook.unlink(missing_ok=True)
                raise
            os.fsync(folder_fd)
            created.clear()                               # published: the folders are kept
            for path in (manifest_temp, temp):            # the manifest temp first: it never
                with contextlib.suppress(OSError):        # outlives its locked workbook temp
                    path.unlink()
    except BaseException:
        for path in (manifest_temp, temp):
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink()
        _remove_created(created)
        raise
    finally:
        if temp_fd >= 0:
            os.close(temp_fd)
    return Archived(workbook, manifest_path, version, digest)
