"""The path gate: a name is one harmless path component on every system, or a message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdzxlsx.errors import InputError
from jdzxlsx.pathgate import inside, safe_component

ATTACKS = ["..", ".", "../../x", "a/b", "a\\b", "C:", "x:y", "CON", "con.txt", "NUL", "nul",
           "Com1", "LPT9.log", "CON .txt", "a\x00b", "a\nb", "a\u202eb", "部门 ", " 部门", "部门.",
           "部" * 81, "部" * 70, "*", "?", '"', "<", ">", "|", "", "   ", "..-2020"[:2],
           ".hidden"]


@pytest.mark.parametrize("name", ATTACKS)
def test_every_attack_is_refused_naming_the_source_and_what(name):
    with pytest.raises(InputError) as caught:
        safe_component(name, "部门", "jdzxlsx.toml")
    text = str(caught.value)
    assert "jdzxlsx.toml" in text and "部门" in text and "处理办法" in text
    assert "\x00" not in text            # the message itself stays printable


@pytest.mark.parametrize("name", ["景德镇市陶瓷产业发展局", "某局（本级）", "A-B_C 局", "2020",
                                  "部" * 66, "con局", "CONSOLE", "x.y"])
def test_ordinary_names_pass_unchanged(name):
    assert safe_component(name, "部门", "输入目录名") is name


def test_a_non_text_value_is_refused():
    with pytest.raises(InputError, match="应为文字"):
        safe_component(["a"], "部门", "jdzxlsx.toml")


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=90))
def test_any_text_is_refused_or_unchanged_and_lands_inside(tmp_path, text):
    try:
        same = safe_component(text, "部门", "jdzxlsx.toml")
    except InputError:
        return
    assert same == text
    path = inside(tmp_path, text, "2020")
    assert tmp_path.resolve() in path.parents
    assert path.parent.name == text and path.name == "2020"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from("./\\:*?<>|\x00 .a部CONul1"), max_size=12))
def test_path_like_text_never_escapes_a_symlinked_dist(tmp_path, text):
    real = tmp_path / "real"
    real.mkdir(exist_ok=True)
    dist = tmp_path / "dist"
    if not dist.exists():
        dist.symlink_to(real, target_is_directory=True)     # the user's choice: allowed
    try:
        path = inside(dist, text, "2020")
    except InputError:
        return
    assert real.resolve() in path.parents


def test_a_symlinked_dist_is_allowed(tmp_path):
    real = tmp_path / "elsewhere"
    real.mkdir()
    (tmp_path / "dist").symlink_to(real)
    assert inside(tmp_path / "dist", "某局", "2020") == real.resolve() / "某局" / "2020"


def test_a_symlink_planted_inside_dist_pointing_outside_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    dist = tmp_path / "dist"
    (dist / "某局").mkdir(parents=True)
    (dist / "某局" / "2020").symlink_to(outside)
    with pytest.raises(InputError, match="之外"):
        inside(dist, "某局", "2020")
    (dist / "别局").symlink_to(Path(os.path.relpath(outside, dist)))
    with pytest.raises(InputError, match="之外"):
        inside(dist, "别局", "2020")


def test_a_symlink_inside_dist_to_another_folder_of_dist_is_allowed(tmp_path):
    dist = tmp_path / "dist"
    (dist / "甲局").mkdir(parents=True)
    (dist / "乙局").symlink_to(dist / "甲局")
    assert inside(dist, "乙局", "2020") == (dist / "甲局" / "2020").resolve()


def test_a_symlink_loop_is_a_message(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "a").symlink_to(dist / "b")
    (dist / "b").symlink_to(dist / "a")
    with pytest.raises(InputError, match="循环"):
        inside(dist, "a", "2020")
