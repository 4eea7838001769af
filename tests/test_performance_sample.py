"""The sample's 绩效自评 (局本级): rates from the books, scores by the template's rules, the
office's typed scores beside them and flagged in 核对表 — read back from the cached values,
recalculated by LibreOffice, moved by an edit of 底稿, and printed on A4.

Hand-checked figures (sample-facts.md "局本级 only", 万元): 预算完成率 1040.34 ÷ 808.18 = 128.73 %;
结转结余率 4.42 ÷ 808.18 = 0.55 % → (15 % − 0.55 %) ÷ 10 % × 2 clamped to 2; 投入 32.80 of 35
(the office typed 32.7); 服务陶瓷平台搭建 stated 完全达成 but typed 2.1 of 3 (70 %): 财预〔2020〕10号
puts 达成 at 80–100 %, so 2.40 and 效果 15.50 (typed 15.2); total 93.30 (typed 92.9), 优."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal

import openpyxl
import pytest

from jdzxlsx.checks import findings_from_workbook
from tests import oracle
from tests.conftest import require_libreoffice

pytestmark = pytest.mark.slow        # builds and recalculates whole workbooks

SHEET = "绩效自评"
BUREAU = "景德镇市陶瓷产业发展局本级"


def named(path, *names):
    """{defined name: the cell's value as saved} — cached values, or LibreOffice's own."""
    book = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for name in names:
        (sheet, ref), = book.defined_names[name].destinations
        out[name] = book[sheet][ref.replace("$", "")].value
    return out


def indicator_row(path, indicator):
    """The 绩效自评 row of a 三级指标, as {header: cached value}."""
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEET]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[:3] == ["一级指标", "二级指标", "三级指标"])
    top, under = rows[at], rows[at + 1]
    # a header over sub-columns (单位自评得分（手填）: 分值 | 得分 | 得分率) names them by both
    header, group = [], ""
    for head, sub in zip(top, under):
        group = (head or "").replace("\n", "") if head else group
        header.append(f"{group}:{sub}" if sub else group)
    row = next(r for r in rows if r[2] == indicator)
    return dict(zip(header, row))


def close(value, expected, places=4):
    return round(float(value), places) == round(float(expected), places)


# ----------------------------------------------------------------------------- as built
def test_budget_completion_rate_is_computed_from_the_books_and_scores_in_full(sample_workbook):
    values = named(sample_workbook, "绩效_预算完成率", "绩效_预算完成率_分子",
                   "绩效_预算完成率_分母")
    assert close(values["绩效_预算完成率_分子"], 1040.34, 2)
    assert close(values["绩效_预算完成率_分母"], 808.18, 2)
    assert close(values["绩效_预算完成率"], Decimal("1.2873"))
    row = indicator_row(sample_workbook, "预算完成率")
    assert close(row["实际值（计算）"], Decimal("1.2873"))
    assert row["得分"] == row["分值"] == 2


def test_carry_over_rate_scores_two_where_the_office_typed_one_point_nine(sample_workbook):
    assert close(named(sample_workbook, "绩效_结转结余率")["绩效_结转结余率"], Decimal("0.0055"))
    row = indicator_row(sample_workbook, "结转结余率")
    assert close(row["实际值（计算）"], Decimal("0.0055"))
    assert row["得分"] == 2
    assert row["单位自评得分（手填）:得分"] == 1.9


def test_input_rate_total_and_grade_are_computed_not_typed(sample_workbook):
    values = named(sample_workbook, "绩效_一级1_分值", "绩效_一级1_得分", "绩效_一级1_得分率",
                   "绩效_一级1_手填得分", "绩效_总计_分值", "绩效_总计_得分", "绩效_总计_手填得分",
                   "绩效_等级", "绩效_手填等级")
    assert values["绩效_一级1_分值"] == 35
    assert close(values["绩效_一级1_得分"], 32.8, 2)
    assert close(values["绩效_一级1_得分率"], Decimal("0.9371"))
    assert values["绩效_一级1_手填得分"] == 32.7
    assert values["绩效_总计_分值"] == 100
    assert close(values["绩效_总计_得分"], Decimal("93.30"), 2)
    assert values["绩效_总计_手填得分"] == 92.9
    assert values["绩效_等级"] == values["绩效_手填等级"] == "优"


def test_a_qualitative_score_is_held_inside_the_band_of_its_stated_achievement(sample_workbook):
    row = indicator_row(sample_workbook, "服务陶瓷平台搭建")
    assert row["分值"] == 3 and row["单位自评得分（手填）:得分"] == 2.1
    assert close(row["得分"], Decimal("2.40"), 2)                   # 80 % of 3: 完全达成
    assert close(indicator_row(sample_workbook, "建立挂点帮扶制度")["得分"], 2.8, 2)  # 基本达成 70 %


def test_checks_flag_the_typed_score_the_stated_rate_and_the_typed_totals(sample_workbook):
    findings = [f for f in findings_from_workbook(sample_workbook) if f.family == "绩效"]
    failing = {f.description for f in findings if f.verdict == "不符"}
    assert any("结转结余率" in d and "自评得分" in d for d in failing), failing
    assert any("结转结余率" in d and "比率" in d for d in failing), failing
    assert any("总计" in d for d in failing), failing
    passing = [f for f in findings if f.verdict == "一致"]
    assert any("预算完成率" in f.description for f in passing)
    assert any("等级" in f.description for f in passing)


# ----------------------------------------------------------------------------- recalculated
def test_libreoffice_recalculates_the_sheet_to_its_cached_values(sample_workbook,
                                                                   sample_recalculated):
    differences = [d for d in oracle.differences(sample_workbook, sample_recalculated)
                   if d.sheet == SHEET]
    assert differences == []
    cells = oracle.formula_cells(sample_workbook)
    assert sum(1 for sheet, _ in cells if sheet == SHEET) > 100


def _zero_bureau_subsidies(book):
    """Every 局本级 31204 费用补贴 line (415.00 万元 of project spending) set to 0."""
    paper = book["底稿"]
    header = {c.value: i for i, c in enumerate(paper[1])}
    removed = Decimal(0)
    for row in paper.iter_rows(min_row=2):
        if (row[header["单位"]].value == BUREAU and row[header["方向"]].value == "支出"
                and row[header["经济分类科目"]].value == "31204"):
            removed += Decimal(str(row[header["金额（元）"]].value))
            row[header["金额（元）"]].value = 0
    return removed


def test_an_edit_of_the_working_paper_moves_rates_scores_total_and_grade(sample_workbook,
                                                                         tmp_path):
    require_libreoffice()
    book = openpyxl.load_workbook(sample_workbook)
    removed = _zero_bureau_subsidies(book)
    assert removed == Decimal("4149968.40")
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    (recalculated,) = oracle.recalculate([edited], tmp_path / "out")
    values = named(recalculated, "绩效_预算完成率", "绩效_结转结余率", "绩效_支付进度率",
                   "绩效_总计_得分", "绩效_等级")
    # by hand: 支出 1040.34 − 415.00 = 625.34; 结转结余 185.01 + 859.75 − 625.34 = 419.42
    assert close(values["绩效_预算完成率"], Decimal("0.7738"))      # 625.34 ÷ 808.18
    assert close(values["绩效_结转结余率"], Decimal("0.5190"))      # 419.42 ÷ 808.18
    assert close(values["绩效_支付进度率"], Decimal("0.7738"))      # ÷ 序时进度 100 %
    assert indicator_row(recalculated, "预算完成率")["得分"] == 0     # below 85 %
    assert indicator_row(recalculated, "结转结余率")["得分"] == 0     # above 15 %
    assert close(indicator_row(recalculated, "支付进度率")["得分"], 1.55, 2)
    assert close(values["绩效_总计_得分"], Decimal("88.85"), 2)       # 93.30 − 2 − 2 − 0.45
    assert values["绩效_等级"] == "良"


# ----------------------------------------------------------------------------- printed
def test_the_sheet_prints_on_a4_landscape_with_the_tree_readable(sample_workbook, tmp_path):
    require_libreoffice()
    sheet = openpyxl.load_workbook(sample_workbook)[SHEET]
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage       # one page wide (1 is the default)
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    merged_levels = [r for r in sheet.merged_cells.ranges if r.min_col in (1, 2) and r.size["rows"] > 1]
    assert len(merged_levels) >= 4            # 一级 and 二级 cells span their indicators
    pdf = oracle.to_pdf(sample_workbook, tmp_path)
    pages = oracle.pages_by_sheet(pdf)[SHEET]
    assert pages == list(range(1, len(pages) + 1)) and len(pages) <= 4
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout.split("\f")
    numbers = [i + 1 for i, page in enumerate(text) if re.search(rf"{SHEET}\s+第", page)]
    info = subprocess.run(["pdfinfo", "-f", str(numbers[0]), "-l", str(numbers[-1]), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert len(sizes) == len(numbers)
    assert all(round(float(w)) == 842 and round(float(h)) == 595 for w, h in sizes), sizes
    heights = []                     # of each word LibreOffice printed on those pages (pt)
    for number in numbers:
        boxes = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number),
                                str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        spans = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)
        heights += [float(bottom) - float(top) for top, bottom in spans]
    assert sorted(heights)[len(heights) // 2] >= 8.0         # ≈ 7 pt type: readable on paper
    sheet_text = "\f".join(text[n - 1] for n in numbers)
    for words in ("预算完成率", "结转结余率", "市民满意率", "评价等级"):
        assert words in sheet_text, words
