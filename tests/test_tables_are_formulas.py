"""Every number printed in 公开01–10表 is a live formula (栏次 and 行次 are the only literals)."""

from __future__ import annotations

import openpyxl
import pytest

pytestmark = pytest.mark.slow        # builds whole workbooks


@pytest.mark.parametrize("sheet", [f"公开{n:02d}表" for n in range(1, 11)])
def test_every_amount_cell_is_a_formula(sample_workbook, sheet):
    formulas = openpyxl.load_workbook(sample_workbook)[sheet]
    values = openpyxl.load_workbook(sample_workbook, data_only=True)[sheet]
    literal_numbers = []
    formula_count = 0
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                formula_count += 1
                value = values[cell.coordinate].value
                # the one text formula: the live 本表无数据 note of 公开08/09表
                assert isinstance(value, float | int) or value.endswith("故本表无数据。")
            elif isinstance(cell.value, float | int):
                literal_numbers.append(cell)
    # literals allowed: the 栏次 row (1, 2, … — 公开07表's has no label) and the 行次 column
    for cell in literal_numbers:
        row = [c.value for c in formulas[cell.row]]
        headers = [formulas.cell(r, cell.column).value for r in (4, 5)]
        numbered = [v for v in row if isinstance(v, int)]
        assert ("栏次" in row or numbered == list(range(1, len(numbered) + 1))
                or "行次" in headers), cell.coordinate
    assert formula_count >= 4


def test_01_row_numbers_run_down_the_income_side_then_the_expenditure_side(sample_workbook):
    ws = openpyxl.load_workbook(sample_workbook, data_only=True)["公开01表"]
    rows = [r for r in ws.iter_rows(min_row=7, values_only=True) if isinstance(r[1], int)]
    income = [r[1] for r in rows]
    expenditure = [r[4] for r in rows]
    n = len(rows)
    assert income == list(range(1, n + 1))
    assert expenditure == list(range(n + 1, 2 * n + 1))
    labels = {r[0]: r[1] for r in rows} | {r[3]: r[4] for r in rows}
    assert labels["一、一般公共预算财政拨款收入"] == 1
    assert labels["一、一般公共服务支出"] == n + 1
    assert labels["本年收入合计"] == labels["本年支出合计"] - n


def test_01_prints_every_class_of_the_2020_list_even_when_zero(sample_workbook):
    ws = openpyxl.load_workbook(sample_workbook, data_only=True)["公开01表"]
    labels = [r[3] for r in ws.iter_rows(min_row=7, values_only=True) if r[3]]
    assert "二、外交支出" in labels and "二十六、抗疫特别国债安排的支出" in labels
    assert not any("社会保险基金支出" in l for l in labels)      # 209 is not printed


def test_classification_rows_are_depth_first(sample_workbook):
    ws = openpyxl.load_workbook(sample_workbook, data_only=True)["公开03表"]
    codes = [r[0] for r in ws.iter_rows(min_row=7, values_only=True)
             if isinstance(r[0], str) and r[0].isdigit()]
    assert codes == sorted(codes)              # 201, 20113, 2011301, … 206, 20607, …
    for code in codes:
        if len(code) > 3:
            assert code[:len(code) - 2] in codes or code[:3] in codes


def test_class_rows_sum_their_children(sample_workbook):
    ws = openpyxl.load_workbook(sample_workbook)["公开03表"]
    row_201 = next(r for r in ws.iter_rows() if r[0].value == "201")
    assert str(row_201[2].value).startswith("=ROUND(")
    yuan_formulas = [c.value for c in row_201 if isinstance(c.value, str)
                     and c.value.startswith("=ROUND(SUM(")]
    assert yuan_formulas, "the 类 row's 元 cells sum the 款 rows below"


def test_leaf_cells_query_the_working_paper_by_name(sample_workbook):
    ws = openpyxl.load_workbook(sample_workbook)["公开03表"]
    leaf = next(r for r in ws.iter_rows() if r[0].value == "2011301")
    queries = [c.value for c in leaf if isinstance(c.value, str) and "SUMIFS(" in c.value]
    assert any('底稿_功能分类科目,"2011301"' in q and '底稿_收支类别,"基本支出"' in q
               for q in queries)
