"""The archive's publish, lock, recovery and cleanup, on a tiny fake workbook (fast)."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import threading
import time
from pathlib import Path

import pytest

from jdzxlsx.archive import archive_build, sha256_file
from jdzxlsx.archive.verify import PENDING, verify_dist
from jdzxlsx.errors import InputError
from tests.test_pathgate import ATTACKS

DEPARTMENT = "某局"
STEM = "某局_2020年度部门决算"


def fake(content: bytes = b"workbook"):
    return lambda path: Path(path).write_bytes(content)


def build(dist, content=b"workbook", department=DEPARTMENT, **manifest):
    return archive_build(dist, department, 2020, fake(content), {"built_at": "x", **manifest})


def listing(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_a_build_publishes_workbook_and_manifest_and_nothing_else(tmp_path):
    archived = build(tmp_path / "dist")
    folder = tmp_path / "dist" / DEPARTMENT / "2020"
    assert sorted(p.name for p in folder.iterdir()) == [f"{STEM}_v001.manifest.json",
                                                        f"{STEM}_v001.xlsx"]
    record = json.loads(archived.manifest.read_text("utf-8"))
    assert record["output"] == {"file": f"{STEM}_v001.xlsx", "version": 1,
                                "sha256": sha256_file(archived.workbook), "bytes": 8}
    assert build(tmp_path / "dist").workbook.name == f"{STEM}_v002.xlsx"


def test_published_files_get_the_users_normal_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        archived = build(tmp_path / "dist")
    finally:
        os.umask(old)
    assert archived.workbook.stat().st_mode & 0o777 == 0o640
    assert archived.manifest.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("department", ATTACKS)
def test_a_bad_department_writes_nothing_anywhere(tmp_path, department):
    (tmp_path / "dist").mkdir()
    before = listing(tmp_path)
    with pytest.raises(InputError) as caught:
        build(tmp_path / "dist", department=department)
    assert "部门" in str(caught.value)
    assert listing(tmp_path) == before


def test_a_failing_write_leaves_no_trace_not_even_the_folders(tmp_path):
    before = listing(tmp_path)

    def broken(path):
        Path(path).write_bytes(b"half")
        raise ValueError("boom")

    with pytest.raises(ValueError):
        archive_build(tmp_path / "new" / "dist", DEPARTMENT, 2020, broken, {})
    assert listing(tmp_path) == before


def test_a_failure_keeps_folders_that_existed_before(tmp_path):
    dist = tmp_path / "dist"
    build(dist)
    (dist / "别局").mkdir()
    before = listing(tmp_path)
    for department in (DEPARTMENT, "别局", "新局"):
        with pytest.raises(KeyboardInterrupt):
            archive_build(dist, department, 2020, _raise(KeyboardInterrupt()), {})
    assert listing(tmp_path) == before


def _raise(error):
    def write(path):
        raise error
    return write


def test_a_full_disk_inside_xlsxwriter_is_the_oserror_itself(tmp_path):
    from xlsxwriter.exceptions import FileCreateError

    full = OSError(errno.ENOSPC, "No space left on device")
    before = listing(tmp_path)
    with pytest.raises(OSError) as caught:
        archive_build(tmp_path / "dist", DEPARTMENT, 2020, _raise(FileCreateError(full)), {})
    assert caught.value is full and not isinstance(caught.value, FileCreateError)
    assert listing(tmp_path) == before


def test_a_failure_between_the_two_links_unpublishes_the_workbook(tmp_path, monkeypatch):
    dist = tmp_path / "dist"
    build(dist)
    before = listing(tmp_path)
    real_link = os.link

    def link(source, target, **kwargs):
        if str(target).endswith(".manifest.json"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_link(source, target, **kwargs)

    monkeypatch.setattr(os, "link", link)
    with pytest.raises(OSError):
        build(dist)
    assert listing(tmp_path) == before


def test_a_symlink_planted_inside_dist_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    dist = tmp_path / "dist"
    (dist / DEPARTMENT).mkdir(parents=True)
    (dist / DEPARTMENT / "2020").symlink_to(outside)
    before = listing(tmp_path)
    with pytest.raises(InputError, match="之外"):
        build(dist)
    assert listing(tmp_path) == before and not any(outside.iterdir())


def test_a_dist_that_is_a_symlink_is_the_users_choice(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "dist").symlink_to(tmp_path / "real")
    archived = build(tmp_path / "dist")
    assert (tmp_path / "real" / DEPARTMENT / "2020" / archived.workbook.name).is_file()


def _folder(dist):
    return dist / DEPARTMENT / "2020"


def _interrupted_between_links(dist) -> Path:
    """The state a SIGKILL leaves between linking v002's workbook and linking its manifest."""
    build(dist)
    folder = _folder(dist)
    workbook = folder / f"{STEM}_v002.xlsx"
    workbook.write_bytes(b"second")
    record = {"department": "某局", "year": 2020,
              "output": {"file": workbook.name, "version": 2, "sha256": sha256_file(workbook),
                         "bytes": 6}}
    (folder / ".building-dead1.xlsx").write_bytes(b"second")
    (folder / ".building-dead1.manifest.json").write_text(json.dumps(record), "utf-8")
    return workbook


def test_a_publication_interrupted_between_the_links_is_pending_then_completed(tmp_path):
    dist = tmp_path / "dist"
    workbook = _interrupted_between_links(dist)
    report = verify_dist(dist)
    assert report.damaged == [] and report.verified == 1
    assert [(p.path, p.text) for p in report.problems] == [(workbook, PENDING)]
    third = build(dist, b"third")
    assert third.version == 3
    manifest = workbook.with_name(f"{STEM}_v002.manifest.json")
    assert json.loads(manifest.read_text("utf-8"))["output"]["file"] == workbook.name
    assert not [p for p in _folder(dist).iterdir() if p.name.startswith(".building-")]
    report = verify_dist(dist)
    assert report.problems == [] and report.verified == 3


def test_a_manifest_temp_naming_an_altered_workbook_is_not_completed(tmp_path):
    dist = tmp_path / "dist"
    workbook = _interrupted_between_links(dist)
    workbook.write_bytes(b"changed")
    assert [p.path for p in verify_dist(dist).damaged] == [workbook]
    build(dist)
    assert not workbook.with_name(f"{STEM}_v002.manifest.json").exists()


def test_a_half_written_manifest_temp_is_removed_and_publishes_nothing(tmp_path):
    dist = tmp_path / "dist"
    build(dist)
    folder = _folder(dist)
    (folder / ".building-dead2.xlsx").write_bytes(b"whole")
    (folder / ".building-dead2.manifest.json").write_text('{"output": {"fi', "utf-8")
    report = verify_dist(dist)
    assert report.damaged == [] and len(report.problems) == 2
    assert all("自动清除" in p.text for p in report.problems)
    assert build(dist).version == 2
    assert sorted(p.name for p in folder.iterdir())[0].startswith(STEM)
    assert len(list(folder.iterdir())) == 4


def test_a_dead_builds_temp_is_removed_a_live_builds_is_not(tmp_path):
    dist = tmp_path / "dist"
    build(dist)
    folder = _folder(dist)
    dead = folder / ".building-dead3.xlsx"
    dead.write_bytes(b"dead")
    live = folder / ".building-live3.xlsx"
    live.write_bytes(b"live")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)                 # a concurrent build still writing
    try:
        texts = {p.path.name: p.text for p in verify_dist(dist).problems}
        assert "自动清除" in texts[dead.name] and "正在生成" in texts[live.name]
        build(dist)
        assert live.exists() and not dead.exists()
    finally:
        os.close(fd)
    build(dist)                                    # its build died: now it is stale
    assert not live.exists()


def test_no_lock_file_is_left_and_an_old_one_is_harmless(tmp_path):
    dist = tmp_path / "dist"
    archived = build(dist)
    (archived.workbook.parent / ".jdzxlsx.lock").write_text("")   # from an older jdzxlsx
    assert build(dist).version == 2
    assert verify_dist(dist).problems == []


def test_concurrent_builds_take_distinct_versions(tmp_path):
    dist = tmp_path / "dist"
    results, errors = [], []

    def slow(path):
        time.sleep(0.05)
        Path(path).write_bytes(os.urandom(64))

    def run():
        try:
            results.append(archive_build(dist, DEPARTMENT, 2020, slow, {}).version)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and sorted(results) == [1, 2, 3, 4, 5, 6]
    report = verify_dist(dist)
    assert report.problems == [] and report.verified == 6
