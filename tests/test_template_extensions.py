"""The core takes a new table layout (with a four-column side), a new check rule and a new
verdict kind from TOML alone: tests/fixtures/templates/four_columns extends 2020 with them,
and each renders, evaluates and agrees with LibreOffice."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from jdzxlsx.checks import findings_from_workbook
from tests import oracle
from tests.conftest import FIXTURES, build_sample, require_libreoffice

pytestmark = pytest.mark.slow

# 一般公共预算财政拨款 spending by 类 (sample-facts.md), the new table's second amount column
GOLDEN = {"一般公共服务支出": "990.37", "科学技术支出": "2039.77", "社会保障和就业支出": "74.89",
          "卫生健康支出": "41.90", "住房保障支出": "55.49", "其他支出": "82.58"}


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    return build_sample(dist, "--templates", str(FIXTURES / "four_columns"))


@pytest.fixture(scope="module")
def extended_recalculated(extended, tmp_path_factory):
    require_libreoffice()
    (out,) = oracle.recalculate([extended], tmp_path_factory.mktemp("recalc"))
    return out


def _rows(path, sheet="公开90表"):
    return list(openpyxl.load_workbook(path, data_only=True)[sheet].iter_rows(values_only=True))


def test_the_new_table_has_four_amount_columns_numbered_after_the_income_side(extended):
    rows = _rows(extended)
    assert rows[4][3:8] == ("项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款")
    assert rows[4][8] == "国有资本经营预算财政拨款"
    assert rows[5][2] == 1 and rows[5][5:9] == (2, 3, 4, 5)


def test_the_new_tables_cells_reproduce_the_golden_figures(extended):
    by_label = {r[3].split("、", 1)[1]: r for r in _rows(extended)
                if isinstance(r[3], str) and "、" in r[3]}
    for name, figure in GOLDEN.items():
        total, general, fund, capital = by_label[name][5:9]
        assert Decimal(str(general)) == Decimal(figure)
        assert (total, fund, capital) == (general, 0, 0)
    totals = next(r for r in _rows(extended) if r[3] == "本年支出合计")
    assert Decimal(str(totals[6])) == Decimal("3285.00")
    assert Decimal(str(next(r for r in _rows(extended) if r[0] == "本年收入合计")[2])) == \
        Decimal("3101.02")


def test_the_new_tables_cells_are_formulas_with_names(extended):
    ws = openpyxl.load_workbook(extended)["公开90表"]
    general = next(r for r in ws.iter_rows() if r[3].value == "二、科学技术支出")[6].value
    assert general.startswith("=ROUND(") and "/10000,2)" in general
    names = openpyxl.load_workbook(extended).defined_names
    assert "公开90_科学技术支出_一般公共预算财政拨款" in names
    assert "公开90_本年收入合计" in names          # a one-column side keeps the short name


def test_the_new_rule_and_verdict_kind_evaluate_in_python_and_in_the_sheet(extended):
    findings = {f.rule_id: f for f in findings_from_workbook(extended)}
    assert {findings[f"F90-1[{c}]"].verdict for c in ("201", "206", "208", "210", "221", "229")} \
        == {"一致"}
    over = findings["F90-2"]
    assert (over.verdict, over.severity) == ("不符", "警告")
    assert Decimal(str(over.left)) == Decimal("3285.00")
    assert Decimal(str(over.right)) == Decimal("2258.84")
    formula = next(c.value for r in openpyxl.load_workbook(extended)["核对表"].iter_rows()
                   for c in r if r[0].value == "F90-2" and isinstance(c.value, str)
                   and "核对_超支容差" in c.value)
    assert formula.startswith("=IF(")


def test_libreoffice_agrees_with_every_cached_value_of_the_extended_workbook(
        extended, extended_recalculated):
    cells = oracle.formula_cells(extended)
    assert sum(1 for sheet, _ in cells if sheet == "公开90表") == 2 * (3 + 1 + 4 * (6 + 1))
    diffs = oracle.differences(extended, extended_recalculated)
    assert diffs == [], "\n".join(map(str, diffs[:20]))


def test_libreoffice_verdicts_of_the_new_rules_equal_the_python_verdicts(
        extended, extended_recalculated):
    python = [(f.rule_id, f.verdict) for f in findings_from_workbook(extended)]
    libreoffice = [(f.rule_id, f.verdict) for f in findings_from_workbook(extended_recalculated)]
    assert libreoffice == python
    assert any(rule.startswith("F90-2") for rule, _ in python)
