"""The workbook is live: edits an accountant makes in Excel/WPS — a 底稿 amount, a 功能分类
code, a 收支类别, a tolerance of 核对表 — are followed by every table, allowance and verdict
after LibreOffice recalculates (one LibreOffice run for all the edited copies)."""

from __future__ import annotations

import re
import shutil
from functools import lru_cache

import openpyxl
import pytest

from jdzxlsx.checks import findings_from_workbook
from tests import oracle
from tests.conftest import require_libreoffice

pytestmark = pytest.mark.slow

TABLES = ("公开01表", "公开02表", "公开03表")


def _paper_rows(book):
    paper = book["底稿"]
    header = {c.value: i for i, c in enumerate(paper[1])}
    return paper, header


def _find_line(paper, header, **wanted):
    return next(r for r in paper.iter_rows(min_row=2)
                if all(r[header[k]].value == v for k, v in wanted.items()))


def _edit_amount(book):
    """+10 000.00 元 (1.00 万元) on one basic-expenditure line of 2011301."""
    paper, header = _paper_rows(book)
    row = _find_line(paper, header, 方向="支出", 收支类别="基本支出", 功能分类科目="2011301")
    row[header["金额（元）"]].value += 10000


def _edit_code(book):
    """One 2011301 line booked under 2080505 instead (社会保障和就业支出)."""
    paper, header = _paper_rows(book)
    row = _find_line(paper, header, 方向="支出", 收支类别="基本支出", 功能分类科目="2011301")
    row[header["功能分类科目"]].value = "2080505"
    return row[header["金额（元）"]].value


def _edit_category(book):
    """One 2011301 basic-expenditure line recast as 项目支出: a zero addend becomes non-zero."""
    paper, header = _paper_rows(book)
    row = _find_line(paper, header, 方向="支出", 收支类别="基本支出", 功能分类科目="2011301")
    row[header["收支类别"]].value = "项目支出"


def _edit_tolerance(book):
    """核对表's 尾差 parameters set to 0 (nothing may differ by rounding any more: 万元, and the
    绩效 scores and rates) and the budget band widened to 200 %."""
    sheet = book["核对表"]
    for name, value in (("核对_尾差", 0), ("绩效_得分尾差", 0), ("绩效_比率尾差", 0),
                        ("核对_预算上限", 2)):
        row = next(r for r in sheet.iter_rows() if r[0].value == name)
        row[3].value = value


EDITS = {"amount": _edit_amount, "code": _edit_code, "category": _edit_category,
         "tolerance": _edit_tolerance}


@pytest.fixture(scope="module")
def recalculated(sample_workbook, tmp_path_factory):
    """{edit: recalculated path}, plus "original": the unedited workbook recalculated."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("live")
    paths = {"original": folder / "original.xlsx"}
    shutil.copy(sample_workbook, paths["original"])
    for name, edit in EDITS.items():
        book = openpyxl.load_workbook(sample_workbook)
        edit(book)
        paths[name] = folder / f"{name}.xlsx"
        book.save(paths[name])
    outs = oracle.recalculate(list(paths.values()), folder / "out")
    return dict(zip(paths, outs))


@lru_cache(maxsize=None)
def _values(path):
    """A recalculated workbook's values, loaded once (openpyxl takes seconds per load)."""
    return openpyxl.load_workbook(path, data_only=True)


def _printed(path, sheet):
    """The printed amounts (inside the print area; the hidden 元 columns lie outside)."""
    ws = _values(path)[sheet]
    last = openpyxl.utils.column_index_from_string(
        re.findall(r"\$([A-Z]+)\$\d+", str(ws.print_area))[-1])
    return ws, {c.coordinate: c.value for row in ws.iter_rows(max_col=last) for c in row
                if isinstance(c.value, float | int) and not isinstance(c.value, bool)}


def _moved(before, after, tables=TABLES):
    out = {}
    for sheet in tables:
        _, old = _printed(before, sheet)
        _, new = _printed(after, sheet)
        out.update({(sheet, c): round(new[c] - v, 6) for c, v in old.items()
                    if new[c] != pytest.approx(v, abs=1e-9)})
    return out


def _cell(path, sheet, label, header=None, label_col=0, amount_col=None):
    ws = _values(path)[sheet]
    rows = list(ws.iter_rows())
    row = next(r for r in rows if r[label_col].value == label)[0].row
    if amount_col is None:
        header_row = next(r for r in rows if any(c.value == header for c in r))
        amount_col = next(c.column_letter for c in header_row if c.value == header)
    return (sheet, f"{amount_col}{row}")


def _findings(path):
    return {f.rule_id: f for f in findings_from_workbook(path)}


def test_a_changed_working_paper_amount_moves_exactly_its_dependent_cells(recalculated):
    original = recalculated["original"]
    expected = {_cell(original, "公开01表", "一、一般公共服务支出", label_col=3, amount_col="F"): 1.0,
                _cell(original, "公开01表", "本年支出合计", label_col=3, amount_col="F"): 1.0,
                _cell(original, "公开01表", "年末结转和结余", label_col=3, amount_col="F"): -1.0}
    for code in ("合计", "201", "20113", "2011301"):
        expected[_cell(original, "公开03表", code, "本年支出合计")] = 1.0
        expected[_cell(original, "公开03表", code, "基本支出")] = 1.0
    assert _moved(original, recalculated["amount"]) == expected


def test_the_same_edit_moves_the_fiscal_tables_04_05_06_and_nothing_else_there(recalculated):
    """The edited line is 一般公共预算财政拨款 基本支出: 04 (its 类, 本年支出合计, and the
    年末 balance that follows from them), 05 (its 项 up to 合计) and 06 (its 经济分类 款, 类
    and group total) move by 1.00; 07–10 do not move."""
    original = recalculated["original"]
    paper, header = _paper_rows(openpyxl.load_workbook(original))
    line = _find_line(paper, header, 方向="支出", 收支类别="基本支出", 功能分类科目="2011301")
    assert line[header["资金性质"]].value == "一般公共预算财政拨款"
    economic = line[header["经济分类科目"]].value
    expected = {}
    for column in ("F", "G"):                      # 合计 and 一般公共预算财政拨款
        expected[_cell(original, "公开04表", "一、一般公共服务支出", label_col=3,
                       amount_col=column)] = 1.0
        expected[_cell(original, "公开04表", "本年支出合计", label_col=3, amount_col=column)] = 1.0
        expected[_cell(original, "公开04表", "年末财政拨款结转和结余", label_col=3,
                       amount_col=column)] = -1.0
    for code in ("合计", "201", "20113", "2011301"):
        expected[_cell(original, "公开05表", code, "小计")] = 1.0
        expected[_cell(original, "公开05表", code, "基本支出")] = 1.0
    ws = _values(original)["公开06表"]
    for code in (economic, economic[:3]):
        cell = next(c for row in ws.iter_rows() for c in row if c.value == code)
        expected[("公开06表", cell.offset(0, 2).coordinate)] = 1.0
    group = "人员经费合计" if economic[:3] in ("301", "303") else "公用经费合计"
    cell = next(c for row in ws.iter_rows() for c in row if c.value == group)
    total = next(c for c in ws[cell.row][cell.column:] if isinstance(c.value, float | int))
    expected[("公开06表", total.coordinate)] = 1.0
    tables = tuple(f"公开{n:02d}表" for n in range(4, 11))
    assert _moved(original, recalculated["amount"], tables) == expected


def test_the_checks_recompute_after_the_working_paper_edit(recalculated):
    before, after = _findings(recalculated["original"]), _findings(recalculated["amount"])
    changed = {i for i in before if before[i].verdict != after[i].verdict}
    # the edit changed 金额 only, not 借方/贷方 or 8001: the fund no longer balances, and the
    # 年终结转 voucher no longer cancels the year's spending; 局本级's 预算完成率 moves off the
    # 128.73 % the office stated in its 绩效 sheet (E4)
    assert changed == {"S4", "S4-1[一般公共预算财政拨款]", "J2[一般公共预算财政拨款]", "E4[指标4]"}
    assert after["E4[指标4]"].right == pytest.approx(round(1041.34 / 808.18, 4))
    assert after["S4"].difference == pytest.approx(1.0, abs=0.011)   # 1 万元, a 尾差 aside
    assert after["B1[201]"].left == pytest.approx(before["B1[201]"].left + 1.0)


def test_changing_a_function_code_moves_the_line_in_01_and_03_alike(recalculated):
    original, edited = recalculated["original"], recalculated["code"]
    amount = round(_edit_code(openpyxl.load_workbook(original)) / 10000, 2)   # 万元

    def figures(path):
        values = _values(path)
        return {
            ("01", "一般公共服务支出"): values["公开01表"][_cell(
                path, "公开01表", "一、一般公共服务支出", label_col=3, amount_col="F")[1]].value,
            ("01", "社会保障和就业支出"): values["公开01表"][_cell(
                path, "公开01表", "八、社会保障和就业支出", label_col=3, amount_col="F")[1]].value,
            **{("03", code): values["公开03表"][_cell(path, "公开03表", code, "本年支出合计")[1]].value
               for code in ("201", "208")}}

    old, new = figures(original), figures(edited)
    for fig in (old, new):          # the 类 row of 01 and the 类 row of 03 agree, before and after
        assert fig[("01", "一般公共服务支出")] == fig[("03", "201")]
        assert fig[("01", "社会保障和就业支出")] == fig[("03", "208")]
    assert new[("03", "201")] - old[("03", "201")] == pytest.approx(-amount, abs=0.011)
    assert new[("03", "208")] - old[("03", "208")] == pytest.approx(amount, abs=0.011)
    assert _findings(edited)["X5[208]"].verdict in ("一致", "尾差")


def test_a_zero_addend_turning_non_zero_widens_the_allowance(recalculated):
    before = _findings(recalculated["original"])["N03-1[2011301]"]
    after = _findings(recalculated["category"])["N03-1[2011301]"]
    assert before.allowance == 0                       # only 基本支出 was non-zero
    assert after.allowance == pytest.approx(0.02)      # 基本支出 and 项目支出 now


def test_the_tolerance_lives_in_a_cell_of_the_check_sheet(recalculated):
    before, after = _findings(recalculated["original"]), _findings(recalculated["tolerance"])
    rounding = {i for i, f in before.items() if f.verdict == "尾差"}
    assert len(rounding) == 39          # 23 of 公开01–03表, 12 of 04–10, 3 绩效, 1 E2-2 (0.667)
    assert {i for i, f in after.items() if f.verdict == "不符"} >= rounding
    assert not any(f.verdict == "尾差" for f in after.values())
    assert all(f.allowance in (0, None) for f in after.values())


def test_the_budget_band_lives_in_cells_of_the_check_sheet(recalculated):
    before, after = _findings(recalculated["original"]), _findings(recalculated["tolerance"])
    for rule in ("B1[201]", "B1[206]", "B2"):          # 112.51 %, 169.09 %, 145.43 %
        assert (before[rule].verdict, after[rule].verdict) == ("不符", "一致")
    assert after["B1[229]"].verdict == "不符"            # no budget at all: no band helps


def test_no_check_formula_holds_a_literal_tolerance(sample_workbook):
    """Tolerances are names (核对_尾差, 核对_预算下限 …), never numbers in a formula."""
    ws = openpyxl.load_workbook(sample_workbook)["核对表"]
    formulas = [c.value for row in ws.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(formulas) > 1000
    numbers = {n for f in formulas for n in re.findall(r"(?<![A-Za-z0-9_\"$.])\d+(?:\.\d+)?(?![\d\"])",
                                                       re.sub(r'"(?:[^"]|"")*"', '""', f))}
    # what remains are digits of ROUND, 1/0 counters, the 万元 divisor and cell rows
    assert not {n for n in numbers if "." in n}, numbers
    assert any("核对_尾差" in f for f in formulas) and any("核对_预算下限" in f for f in formulas)


def test_a_code_typed_over_in_the_working_paper_stays_text(sample_workbook):
    """Excel and WPS keep what is typed into a text-formatted cell as text: a code typed over
    in 底稿 is still matched by "201*" in 公开01表 as by "2011301" in 公开03表."""
    book = openpyxl.load_workbook(sample_workbook)
    paper, header = _paper_rows(book)
    row = next(paper.iter_rows(min_row=2, max_row=2))
    for column in ("功能分类科目", "经济分类科目", "期间", "凭证号"):
        assert row[header[column]].number_format == "@", column
    assert row[header["金额（元）"]].number_format == "#,##0.00"
