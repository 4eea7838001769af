"""dist/ is append-only: a re-run writes the next version and never touches the last one."""

from __future__ import annotations

import pytest

import hashlib
import json

from tests.conftest import SAMPLE, build_sample

pytestmark = pytest.mark.slow        # builds whole workbooks


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_runs_give_v001_and_v002_and_leave_v001_untouched(tmp_path):
    dist = tmp_path / "dist"
    first = build_sample(dist)
    first_hash = _sha(first)
    second = build_sample(dist)
    assert first.name == "景德镇市陶瓷产业发展局_2020年度部门决算_v001.xlsx"
    assert second.name == "景德镇市陶瓷产业发展局_2020年度部门决算_v002.xlsx"
    assert first.parent == second.parent == dist / "景德镇市陶瓷产业发展局" / "2020"
    assert _sha(first) == first_hash


def test_manifest_records_every_input_and_the_output(tmp_path):
    path = build_sample(tmp_path / "dist")
    manifest = json.loads(path.with_name(path.stem + ".manifest.json").read_text("utf-8"))
    assert manifest["output"]["sha256"] == _sha(path)
    assert manifest["output"]["version"] == 1
    inputs = {i["file"]: i["sha256"] for i in manifest["inputs"]}
    on_disk = {p.name: _sha(p) for p in SAMPLE.iterdir() if p.is_file()}
    assert inputs == on_disk
    assert manifest["period"] == {"from": "2020-01", "to": "2020-12",
                                  "months_with_ledger_lines": [f"2020-{m:02d}" for m in range(1, 13)]}
    assert manifest["counts"]["working_paper_lines"] > 1000
    assert manifest["tool"]["name"] == "jdzxlsx" and manifest["template"].startswith("2020-")


def test_no_temporary_files_are_left_behind(tmp_path):
    path = build_sample(tmp_path / "dist")
    leftovers = [p.name for p in path.parent.iterdir() if p.name.startswith(".building")]
    assert leftovers == []


def test_a_deleted_workbooks_version_number_is_never_reused(tmp_path):
    dist = tmp_path / "dist"
    build_sample(dist)
    second = build_sample(dist)
    second.unlink()                                   # the manifest of v002 stays
    third = build_sample(dist)
    assert third.name.endswith("_v003.xlsx")
    manifest = json.loads(third.with_name(third.stem + ".manifest.json").read_text("utf-8"))
    assert manifest["output"]["sha256"] == _sha(third)


def test_an_output_folder_that_is_a_file_is_a_message_not_a_traceback(tmp_path, capsys):
    from jdzxlsx.cli import main

    blocker = tmp_path / "dist"
    blocker.write_text("not a folder")
    assert main(["build", str(SAMPLE), "--dist", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "读写文件失败" in err and "Traceback" not in err
