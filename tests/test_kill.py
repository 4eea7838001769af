"""SIGKILL a build of the sample at 20 points spread over the archive phase and at points
before it: afterwards `verify` finds no damage, the next build succeeds and no temporary file
remains. (The instant between linking the workbook and linking its manifest, and a dead build's
temporary file next to a live one's, are crafted by hand in tests/test_archive_store.py.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jdzxlsx.cli import main
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.slow

POINTS = 20
MARK = "生成工作簿……"


def start(dist: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen([sys.executable, "-m", "jdzxlsx.cli", "build", str(SAMPLE),
                             "--dist", str(dist)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)


def wait_for(process: subprocess.Popen, text: str) -> None:
    for line in process.stderr:
        if text in line:
            return
    raise AssertionError(f"the build ended (exit {process.wait()}) before printing {text!r}")


def archive_duration(dist: Path) -> float:
    """From 「生成工作簿……」 to the end of an uninterrupted build."""
    process = start(dist)
    wait_for(process, MARK)
    began = time.monotonic()
    process.stderr.read()
    assert process.wait() == 0
    return time.monotonic() - began


def leftovers(dist: Path) -> list[str]:
    return sorted(p.name for p in dist.rglob(".building-*"))


def test_sigkill_anywhere_leaves_no_damage_and_no_temp_after_the_next_build(tmp_path, capsys):
    dist = tmp_path / "dist"
    duration = archive_duration(dist)
    # the next build after each kill: a one-file folder of the same department (fast)
    small = tmp_path / SAMPLE.name
    small.mkdir()
    shutil.copy(SAMPLE / "凭证明细_2020-12.csv", small)
    points = [("读取 [1/", 0.0), ("读取 [9/", 0.0)]
    points += [(MARK, duration * i / POINTS) for i in range(POINTS)]
    left_temps = 0
    for text, delay in points:
        process = start(dist)
        wait_for(process, text)
        time.sleep(delay)
        process.kill()
        process.wait()
        process.stderr.close()
        left_temps += bool(leftovers(dist))
        assert main(["verify", "--dist", str(dist)]) == 0, (text, delay, capsys.readouterr())
        assert main(["build", str(small), "--dist", str(dist)]) == 0, (text, delay)
        assert leftovers(dist) == [], (text, delay)
        out = capsys.readouterr().out
        assert "全部与清单一致" in out
    finished = len(list(dist.rglob("*.xlsx"))) - 1 - len(points)
    print(f"archive phase {duration:.2f} s; {left_temps} kills left temporary files, "
          f"{finished} killed builds had published their version")
    assert left_temps >= POINTS // 4          # the kills did land inside the archive phase
    assert main(["verify", "--dist", str(dist)]) == 0
