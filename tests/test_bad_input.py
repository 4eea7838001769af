"""Bad input: a Chinese message naming file, sheet, row and column; exit code 2; dist/ untouched."""

from __future__ import annotations

import pytest

from jdzxlsx.cli import main

DECEMBER = "凭证明细_2020-12.csv"


def _edit_december(folder, old: str, new: str, occurrence_line: int) -> None:
    path = folder / DECEMBER
    lines = path.read_bytes().decode("gbk").split("\r\n" if b"\r\n" in path.read_bytes() else "\n")
    assert old in lines[occurrence_line - 1], lines[occurrence_line - 1]
    lines[occurrence_line - 1] = lines[occurrence_line - 1].replace(old, new, 1)
    path.write_bytes(("\r\n" if b"\r\n" in path.read_bytes() else "\n").join(lines).encode("gbk"))


def _build(folder, tmp_path, capsys):
    dist = tmp_path / "dist"
    code = main(["build", str(folder), "--dist", str(dist)])
    return code, capsys.readouterr(), dist


def test_a_non_numeric_amount_names_its_cell_and_writes_nothing(sample_copy, tmp_path, capsys):
    _edit_december(sample_copy, '"18,207.90"', '"18,2O7.90"', 5)
    code, out, dist = _build(sample_copy, tmp_path, capsys)
    assert code == 2
    assert "文件「凭证明细_2020-12.csv」" in out.err
    assert "第 5 行" in out.err and "借方金额" in out.err and "18,2O7.90" in out.err
    assert "处理办法" in out.err and "Traceback" not in out.err
    assert not dist.exists()
    assert out.out == ""


def test_a_folder_without_ledgers_says_what_is_missing(tmp_path, capsys):
    empty = tmp_path / "某局-2020"
    empty.mkdir()
    code, out, dist = _build(empty, tmp_path, capsys)
    assert code == 2 and "明细账" in out.err and not dist.exists()


def test_a_missing_folder_is_a_usage_error(tmp_path, capsys):
    code, out, _ = _build(tmp_path / "不存在-2020", tmp_path, capsys)
    assert code == 2 and "输入目录不存在" in out.err


def test_a_bad_period_is_refused(sample_copy, tmp_path, capsys):
    dist = tmp_path / "dist"
    assert main(["build", str(sample_copy), "--dist", str(dist), "--period", "2020-13"]) == 2
    assert "--period" in capsys.readouterr().err and not dist.exists()
    assert main(["build", str(sample_copy), "--dist", str(dist), "--period", "2019-06"]) == 2
    assert not dist.exists()


@pytest.mark.slow
def test_build_prints_the_output_path_on_stdout(tmp_path, capsys):
    from tests.conftest import SAMPLE

    dist = tmp_path / "dist"
    assert main(["build", str(SAMPLE), "--dist", str(dist)]) == 0
    out = capsys.readouterr()
    (written,) = dist.rglob("*.xlsx")
    assert out.out.strip() == str(written)
    assert "本年收入合计" in out.err and "3,360.83" in out.err


def test_a_staffing_category_typed_twice_is_refused_with_both_places(sample_copy, tmp_path,
                                                                     capsys):
    import openpyxl

    path = sample_copy / "基础信息.xlsx"
    book = openpyxl.load_workbook(path)
    book["人员编制"].insert_rows(4)
    for col, value in enumerate(["行政编制", 5, 1, 1, 2], start=1):
        book["人员编制"].cell(4, col).value = value
    book.save(path)
    code, out, dist = _build(sample_copy, tmp_path, capsys)
    assert code == 2 and not dist.exists()
    assert "「行政编制」出现了两次" in out.err and "第 4 行" in out.err and "第3行" in out.err


def test_a_year_in_the_configuration_that_is_not_a_year_is_a_message(sample_copy, tmp_path,
                                                                     capsys):
    (sample_copy / "jdzxlsx.toml").write_text('"部门" = "某局"\n"年度" = "二〇二〇"\n', "utf-8")
    code, out, dist = _build(sample_copy, tmp_path, capsys)
    assert code == 2 and "jdzxlsx.toml" in out.err and "不是年份" in out.err
    assert not dist.exists()


@pytest.mark.slow
def test_the_readme_configuration_example_is_valid_and_names_the_department(sample_copy,
                                                                            tmp_path):
    """The jdzxlsx.toml shown in the README parses and overrides the folder's name."""
    import re
    import tomllib

    from tests.conftest import ROOT, build_sample

    readme = (ROOT / "README.md").read_text("utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)
    example = "\n".join(line.strip() for line in example.splitlines())
    assert tomllib.loads(example)["年度"] == 2020
    renamed = tmp_path / "输入"
    sample_copy.rename(renamed)
    (renamed / "jdzxlsx.toml").write_text(example, "utf-8")
    path = build_sample(tmp_path / "dist", folder=renamed)
    assert path.name == "景德镇市陶瓷产业发展局_2020年度部门决算_v001.xlsx"
