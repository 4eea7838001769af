"""`jdzxlsx verify`, `history` and `diff`: fast on fake versions and tiny workbooks, and once
on real builds of the sample (slow)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from jdzxlsx.archive import archive_build
from jdzxlsx.cli import main
from tests.conftest import SAMPLE, build_sample

DEPARTMENT = "某局"
STEM = "某局_2020年度部门决算"


def fake_build(dist, content=b"workbook", **manifest):
    return archive_build(dist, DEPARTMENT, 2020, lambda p: Path(p).write_bytes(content),
                         {"built_at": "2021-03-01T09:00:00+08:00", **manifest})


# ---- verify ---------------------------------------------------------------------------------

def test_verify_passes_intact_versions(tmp_path, capsys):
    for content in (b"one", b"two"):
        fake_build(tmp_path)
    assert main(["verify", "--dist", str(tmp_path)]) == 0
    assert "已核验 2 个版本，全部与清单一致" in capsys.readouterr().out


def test_verify_finds_an_altered_byte(tmp_path, capsys):
    first = fake_build(tmp_path, b"original")
    fake_build(tmp_path, b"second")
    data = bytearray(first.workbook.read_bytes())
    data[3] ^= 1
    first.workbook.write_bytes(bytes(data))
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"损坏：{first.workbook}：已被改动" in out and "从备份恢复" in out
    assert "核验了 1 个完好的版本；发现 1 处损坏" in out


def test_verify_finds_a_deleted_workbook(tmp_path, capsys):
    archived = fake_build(tmp_path)
    archived.workbook.unlink()
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"损坏：{archived.workbook}：缺失" in out and archived.manifest.name in out


def test_verify_finds_an_orphan_manifest(tmp_path, capsys):
    archived = fake_build(tmp_path)
    stray = archived.manifest.with_name(f"{STEM}_v007.manifest.json")
    shutil.copy(archived.manifest, stray)
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{STEM}_v007.xlsx：缺失" in out and "核验了 1 个完好的版本" in out


def test_verify_finds_an_orphan_workbook(tmp_path, capsys):
    archived = fake_build(tmp_path)
    stray = archived.workbook.with_name(f"{STEM}_v002.xlsx")
    stray.write_bytes(b"who made me")
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    assert f"损坏：{stray}：没有清单" in capsys.readouterr().out


def test_verify_finds_a_manifest_that_cannot_be_read(tmp_path, capsys):
    archived = fake_build(tmp_path)
    archived.manifest.write_text("{", "utf-8")
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    assert "清单无法读取" in capsys.readouterr().out


def test_verify_of_a_missing_dist_is_a_message(tmp_path, capsys):
    assert main(["verify", "--dist", str(tmp_path / "nowhere")]) == 2
    assert "输出目录不存在" in capsys.readouterr().err


# ---- history --------------------------------------------------------------------------------

def test_history_lists_versions_with_period_inputs_and_figures(tmp_path, capsys):
    period = {"from": "2020-01", "to": "2020-06"}
    fake_build(tmp_path, period=period, inputs=[{}, {}])                     # an older manifest
    fake_build(tmp_path, period={"from": "2020-01", "to": "2020-12"}, inputs=[{}] * 3,
               key_figures={"收入总计": "4054.37", "支出总计": "4054.37"},
               key_figures_unit="万元")
    assert main(["history", DEPARTMENT, "--dist", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "某局 2020年度：2 个版本" in out
    first, second = out.split("v002")
    assert "v001  生成于 2021-03-01T09:00:00+08:00  期间 2020-01 至 2020-06  输入文件 2 个" in first
    assert "主要数字：—" in first
    assert "期间 2020-01 至 2020-12  输入文件 3 个" in second
    assert "收入总计" in second and "4,054.37" in second


def test_history_for_an_unknown_department_names_the_known_ones(tmp_path, capsys):
    fake_build(tmp_path)
    assert main(["history", "别局", "--dist", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "没有部门「别局」" in err and "已有的部门：某局" in err


@pytest.mark.parametrize("name", ["../某局", "..", "a/b", "CON", "某局 "])
def test_history_puts_the_department_through_the_path_gate(tmp_path, capsys, name):
    fake_build(tmp_path / "dist")
    assert main(["history", name, "--dist", str(tmp_path / "dist")]) == 2
    err = capsys.readouterr().err
    assert "命令行参数中的部门" in err and "Traceback" not in err


def test_history_for_a_year_without_versions(tmp_path, capsys):
    fake_build(tmp_path)
    assert main(["history", DEPARTMENT, "--dist", str(tmp_path), "--year", "2019"]) == 2
    assert "没有 2019 年度的版本" in capsys.readouterr().err


# ---- diff on tiny workbooks -----------------------------------------------------------------

def tiny_workbook(path: Path, income: float, verdict: str, extra_row: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公开01表"
    rows = [["收入支出决算总表"], [None, None, "公开01表"], ["编制单位：某局", None, "2020年度"],
            ["收入", None, None, "支出", None, None, None, "计算列（元，勿打印）"],
            ["项目", "行次", "金额", "项目", "行次", "金额", None, "收入金额（元）"],
            ["栏次", "", 1, "栏次", "", 2],
            ["一、一般公共预算财政拨款收入", 1, income, "一、一般公共服务支出", 32, 10.0, None, income * 1e4],
            ["总计", 31, income, "总计", 62, 10.0]]
    if extra_row:
        rows.insert(7, ["八、其他收入", 8, 0.5, "", 39, ""])
    for row in rows + [["注：本表反映部门本年度的总收支。"]]:
        sheet.append(row)
    checks = book.create_sheet("核对表")
    for row in (["核对表 — 某局"], ["编号", "类别", "检查内容", "结论"],
                ["N01-4", "表内", "收入总计 = 支出总计", verdict], ["S1", "表内", "借贷平衡", "一致"],
                ["未核对", None, "Y1：没有余额表"]):
        checks.append(row)
    book.save(path)
    return path


def test_diff_lists_changed_figures_and_verdicts(tmp_path, capsys):
    a = tiny_workbook(tmp_path / "a.xlsx", 10.0, "一致")
    b = tiny_workbook(tmp_path / "b.xlsx", 12.5, "不符", extra_row=True)
    assert main(["diff", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "公开01表「一、一般公共预算财政拨款收入」金额（栏 1）：10.00 → 12.50" in out
    assert "公开01表「总计」金额（栏 1）：10.00 → 12.50" in out
    assert "「总计」金额（栏 2）" not in out                  # 支出总计 did not change
    assert "收入金额（元）" not in out                         # the hidden 元 columns are not figures
    assert "公开01表：增加「八、其他收入」" in out
    assert "N01-4：一致 → 不符" in out and "S1" not in out


def test_diff_of_identical_versions_says_so(tmp_path, capsys):
    a = tiny_workbook(tmp_path / "a.xlsx", 10.0, "一致")
    assert main(["diff", str(a), str(a)]) == 0
    assert "完全相同" in capsys.readouterr().out


def test_diff_of_a_missing_or_foreign_file_is_a_message(tmp_path, capsys):
    a = tiny_workbook(tmp_path / "a.xlsx", 10.0, "一致")
    assert main(["diff", str(a), str(tmp_path / "nope.xlsx")]) == 2
    assert "工作簿不存在" in capsys.readouterr().err
    (tmp_path / "text.xlsx").write_text("not a zip")
    assert main(["diff", str(a), str(tmp_path / "text.xlsx")]) == 2
    assert "无法打开工作簿" in capsys.readouterr().err


def test_diff_by_version_numbers(tmp_path, capsys):
    dist = tmp_path / "dist"
    for income in (10.0, 11.0):
        book = tiny_workbook(tmp_path / "t.xlsx", income, "一致")
        archive_build(dist, DEPARTMENT, 2020, lambda p: shutil.copy(book, p), {})
    assert main(["diff", DEPARTMENT, "v001", "2", "--dist", str(dist)]) == 0
    assert "10.00 → 11.00" in capsys.readouterr().out
    assert main(["diff", DEPARTMENT, "v001", "v009", "--dist", str(dist)]) == 2
    assert "没有第 9 版" in capsys.readouterr().err
    assert main(["diff", "../x", "1", "2", "--dist", str(dist)]) == 2
    assert main(["diff", "only-one"]) == 2


# ---- on real builds -------------------------------------------------------------------------

@pytest.mark.slow
def test_diff_shows_what_a_changed_ledger_amount_changed(tmp_path, sample_copy, capsys):
    dist = tmp_path / "dist"
    build_sample(dist)
    ledger = sample_copy / "明细账_2020年08月.xlsx"
    book = openpyxl.load_workbook(ledger)
    assert book.active["K7"].value == 215687.46              # 6001 财政拨款收入, 2011301 行政运行
    book.active["K7"] = 315687.46
    book.save(ledger)
    build_sample(dist, folder=sample_copy)
    capsys.readouterr()
    assert main(["diff", "景德镇市陶瓷产业发展局", "v001", "v002", "--dist", str(dist)]) == 0
    out = capsys.readouterr().out
    assert "公开01表「一、一般公共预算财政拨款收入」金额（栏 1）：3,101.02 → 3,111.02" in out
    assert "公开02表「2011301 行政运行」财政拨款收入（栏 2）：431.94 → 441.94" in out
    assert "核对表中变动的结论" in out and "S5[明细账_2020年08月.xlsx]：一致 → 不符" in out
    assert main(["history", "景德镇市陶瓷产业发展局", "--dist", str(dist)]) == 0
    out = capsys.readouterr().out
    assert out.count("输入文件 17 个") == 2 and "3,101.02" in out and "3,111.02" in out
    assert main(["verify", "--dist", str(dist)]) == 0
    manifest = json.loads(next(dist.rglob("*_v001.manifest.json")).read_text("utf-8"))
    assert manifest["key_figures"]["一般公共预算财政拨款收入"] == "3101.02"
    assert SAMPLE.is_dir()


# ---- verify: an archive reshaped by hand is never "all consistent" --------------------------

def test_verify_finds_an_altered_workbook_in_a_renamed_department_folder(tmp_path, capsys):
    archived = fake_build(tmp_path, b"original")
    with open(archived.workbook, "ab") as workbook:
        workbook.write(b"!")
    (tmp_path / DEPARTMENT).rename(tmp_path / "另一局")
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.count("不属于任何版本") == 2 and "全部与清单一致" not in out


def test_verify_finds_a_version_moved_to_another_departments_folder(tmp_path, capsys):
    archived = fake_build(tmp_path)
    other = tmp_path / "乙局" / "2020"
    other.mkdir(parents=True)
    for path in (archived.workbook, archived.manifest):
        path.rename(other / path.name.replace(DEPARTMENT, "乙局"))
    record = json.loads((other / "乙局_2020年度部门决算_v001.manifest.json").read_text("utf-8"))
    record["output"]["file"] = "乙局_2020年度部门决算_v001.xlsx"
    (other / "乙局_2020年度部门决算_v001.manifest.json").write_text(json.dumps(record), "utf-8")
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    assert "清单记录的是「某局」2020 年度，与所在文件夹不符" in capsys.readouterr().out


def test_verify_finds_versions_in_a_folder_that_is_not_a_year(tmp_path, capsys):
    fake_build(tmp_path)
    (tmp_path / DEPARTMENT / "2020").rename(tmp_path / DEPARTMENT / "2020-副本")
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.count("不属于任何版本") == 2 and "全部与清单一致" not in out


def test_verify_finds_a_version_deleted_whole(tmp_path, capsys):
    first = fake_build(tmp_path, b"one")
    fake_build(tmp_path, b"two")
    first.workbook.unlink()
    first.manifest.unlink()
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    assert "缺失：第 1 版的工作簿和清单都不在" in capsys.readouterr().out


def test_verify_finds_a_renamed_workbook(tmp_path, capsys):
    archived = fake_build(tmp_path)
    archived.workbook.rename(archived.workbook.with_name("决算定稿.xlsx"))
    assert main(["verify", "--dist", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "决算定稿.xlsx：不属于任何版本" in out and "缺失" in out


def test_verify_reads_a_folder_named_with_superscript_digits_as_no_year(tmp_path, capsys):
    fake_build(tmp_path)
    (tmp_path / DEPARTMENT / "²⁰²⁰").mkdir()
    assert main(["verify", "--dist", str(tmp_path)]) == 0
    assert "已核验 1 个版本" in capsys.readouterr().out


def test_verify_of_an_empty_dist_says_there_is_nothing(tmp_path, capsys):
    (tmp_path / ".gitkeep").write_text("")
    assert main(["verify", "--dist", str(tmp_path)]) == 0
    assert "没有任何版本" in capsys.readouterr().out
