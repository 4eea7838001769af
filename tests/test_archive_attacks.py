"""Every path attack on a real build: exit 2, a message naming where the name came from, and
nothing written inside or outside dist/ (slow: each runs the pipeline up to the archive)."""

from __future__ import annotations

import json
import shutil

import pytest

from jdzxlsx.cli import main
from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow

TOML_ATTACKS = ["../../x", "..", "a/b", "a\\b", "C:", "x:y", "CON", "con.txt", "NUL", "a\x00b",
                "部门 ", "部门.", "部" * 81, "*", "?", '"', "<", ">", "|"]
FOLDER_ATTACKS = ["..", "CON", "con.txt", "C:", "a\\b", "部门 ", "部门.", "*", "?", '"', "<", ">",
                  "|", "x:y"]


def listing(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def small_folder(parent, name):
    """A one-file input folder (December's vouchers of the sample): builds in about a second."""
    folder = parent / name
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE / "凭证明细_2020-12.csv", folder)
    return folder


def attempt(tmp_path, folder, capsys):
    dist = tmp_path / "out" / "dist"          # dist/../../x is tmp_path/x: inside the listing
    before = listing(tmp_path)
    code = main(["build", str(folder), "--dist", str(dist)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "内部错误" not in err
    assert listing(tmp_path) == before
    return err


@pytest.mark.parametrize("department", TOML_ATTACKS)
def test_a_hostile_department_in_jdzxlsx_toml(tmp_path, capsys, department):
    folder = small_folder(tmp_path, "某局-2020")
    (folder / "jdzxlsx.toml").write_text(f'"部门" = {json.dumps(department)}\n"年度" = 2020\n',
                                         encoding="utf-8")
    err = attempt(tmp_path, folder, capsys)
    assert "jdzxlsx.toml" in err and "部门" in err


@pytest.mark.parametrize("department", FOLDER_ATTACKS)
def test_a_hostile_input_folder_name(tmp_path, capsys, department):
    folder = small_folder(tmp_path, f"{department}-2020")
    err = attempt(tmp_path, folder, capsys)
    assert "输入目录名" in err and "部门" in err


def test_a_symlink_planted_in_dist_pointing_outside(tmp_path, capsys):
    folder = small_folder(tmp_path, "某局-2020")
    outside = tmp_path / "outside"
    outside.mkdir()
    planted = tmp_path / "out" / "dist" / "某局"
    planted.mkdir(parents=True)
    (planted / "2020").symlink_to(outside)
    err = attempt(tmp_path, folder, capsys)
    assert "之外" in err and list(outside.iterdir()) == []
