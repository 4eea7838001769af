"""--period YYYY-MM builds year-to-date from the months up to it."""

from __future__ import annotations

import pytest

from decimal import ROUND_HALF_UP, Decimal

import openpyxl

from tests.conftest import build_sample

pytestmark = pytest.mark.slow        # builds whole workbooks


def _working_paper(path):
    ws = openpyxl.load_workbook(path, data_only=True)["底稿"]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    return [dict(zip(header, r)) for r in rows[1:]]


def _wan(yuan: Decimal) -> float:
    return float((yuan / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _01(path):
    ws = openpyxl.load_workbook(path, data_only=True)["公开01表"]
    out = {}
    for r in ws.iter_rows(min_row=7, values_only=True):
        if r[0]:
            out[r[0]] = r[2]
        if r[3]:
            out[r[3]] = r[5]
    return out


def test_period_june_totals_equal_the_january_to_june_lines(sample_workbook, tmp_path):
    half_year = build_sample(tmp_path / "dist", "--period", "2020-06")
    full_lines = _working_paper(sample_workbook)
    first_half = [l for l in full_lines if l["期间"] <= "2020年第06期"]   # written as 2020年第MM期
    assert len(first_half) < len(full_lines)

    def total(lines, direction):
        return sum((Decimal(str(l["金额（元）"])) for l in lines if l["方向"] == direction),
                   Decimal(0))

    figures = _01(half_year)
    assert figures["本年收入合计"] == _wan(total(first_half, "收入"))
    assert figures["本年支出合计"] == _wan(total(first_half, "支出"))
    assert figures["年初结转和结余"] == _wan(total(first_half, "年初结转和结余"))
    half_paper = _working_paper(half_year)
    assert max(l["期间"] for l in half_paper) == "2020年第06期"
    assert len(half_paper) == len(first_half)


def test_period_build_says_so_in_the_table_heading(tmp_path):
    path = build_sample(tmp_path / "dist", "--period", "2020-03")
    ws = openpyxl.load_workbook(path, data_only=True)["公开01表"]
    assert any(c.value == "2020年1—3月" for c in ws[3])
