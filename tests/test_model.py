"""The cell model: one definition, rendered as Excel text and evaluated as Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.model import (BandVerdict, Const, Count, Fen, Linear, Name, Query, Ratio, Ref, Sheet,
                           Sum, ToWan, Verdict, Workbook, quote_sheet, wan)


class Lines:
    """A QuerySource over a few (方向, 金额) pairs."""

    def __init__(self, rows):
        self.rows = rows

    def sum(self, criteria, amount="金额", table="底稿"):
        wanted = dict(criteria)
        return sum((amount for direction, amount in self.rows if direction == wanted["方向"]),
                   Decimal(0))


    def count(self, criteria, table="底稿"):
        wanted = dict(criteria)
        return sum(1 for direction, _ in self.rows if direction == wanted["方向"])


NAMES = {"底稿_金额", "底稿_方向"}


def _resolve(*cells):
    sheet = Sheet("公开01表")
    for row, col, cell_id, expr in cells:
        sheet.formula(row, col, cell_id, expr)
    book = Workbook([sheet])
    book.resolve(Lines([("收入", Decimal("12345650.00")), ("支出", Decimal("0.10"))]), NAMES)
    return {c.cell_id: c for c in sheet.cells}


@pytest.mark.parametrize("yuan, expected", [
    ("12345650.00", "1234.57"),      # exactly half a fen of 万元 rounds up, as Excel's ROUND
    ("12345649.99", "1234.56"),
    ("-12345650.00", "-1234.57"),    # half away from zero
    ("0.00", "0.00"),
])
def test_wan_rounds_half_away_from_zero_like_excel(yuan, expected):
    assert wan(Decimal(yuan)) == Decimal(expected)


def test_query_renders_as_sumifs_over_named_columns_and_sums_in_python():
    cells = _resolve((0, 0, "a", Query((("方向", "收入"),))))
    assert cells["a"].formula == '=SUMIFS(底稿_金额,底稿_方向,"收入")'
    assert cells["a"].value == Decimal("12345650.00")


def test_display_cell_rounds_its_yuan_twin_on_its_own():
    cells = _resolve((0, 0, "a", Fen(Query((("方向", "收入"),)))),
                     (0, 1, "b", ToWan(Ref("a"))))
    assert cells["b"].formula == "=ROUND(A1/10000,2)"
    assert cells["b"].value == Decimal("1234.57")


def test_sum_of_adjacent_cells_becomes_a_range_and_gaps_stay_separate():
    q = Query((("方向", "支出"),))
    cells = _resolve((0, 0, "a", q), (1, 0, "b", q), (2, 0, "c", q), (4, 0, "d", q),
                     (5, 0, "t", Sum((Ref("a"), Ref("b"), Ref("c"), Ref("d")))),
                     (0, 1, "r", Sum((Ref("a"),))))
    assert cells["t"].formula == "=SUM(A1:A3,A5)"
    assert cells["t"].value == Decimal("0.40")


def test_sum_along_a_row_becomes_a_row_range():
    q = Query((("方向", "支出"),))
    cells = _resolve((0, 0, "a", q), (0, 1, "b", q), (0, 2, "c", q),
                     (0, 3, "t", Sum((Ref("a"), Ref("b"), Ref("c")))))
    assert cells["t"].formula == "=SUM(A1:C1)"


def test_linear_combination_keeps_signs():
    q_in, q_out = Query((("方向", "收入"),)), Query((("方向", "支出"),))
    cells = _resolve((0, 0, "i", q_in), (1, 0, "o", q_out),
                     (2, 0, "net", Linear(((1, Ref("i")), (-1, Ref("o"))))))
    assert cells["net"].formula == "=A1-A2"
    assert cells["net"].value == Decimal("12345649.90")


def test_reference_to_another_sheet_is_quoted():
    first, second = Sheet("底稿"), Sheet("公开01表")
    first.formula(0, 0, "x", Query((("方向", "收入"),)))
    second.formula(3, 2, "y", Ref("x"))
    Workbook([first, second]).resolve(Lines([("收入", Decimal(5))]), NAMES)
    assert second.cells[0].formula == "='底稿'!A1"
    assert quote_sheet("Sheet1") == "Sheet1"


def test_circular_definitions_are_refused():
    with pytest.raises(ValueError, match="circular"):
        _resolve((0, 0, "a", Ref("b")), (0, 1, "b", Ref("a")))


def test_verdict_allows_a_fen_per_non_zero_addend_and_none_for_a_single_figure():
    q = Query((("方向", "支出"),))
    parts = (Const(Decimal("0.05")), Const(Decimal("0.04")), Const(Decimal(0)))
    cells = _resolve((0, 0, "d", Fen(Linear(((1, q), (-1, Const(Decimal("0.09"))))))),
                     (0, 1, "v", Verdict(Ref("d"), Decimal("0.01"), parts)),
                     (0, 2, "w", Verdict(Ref("d"), Decimal("0.01"), parts[:1])))
    assert cells["d"].value == Decimal("0.01")
    # two non-zero addends (the zero one carries no rounding): 0.02 allowed
    assert cells["v"].formula == '=IF(ABS(A1)=0,"一致",IF(ABS(A1)<=0.02,"尾差","不符"))'
    assert cells["v"].value == "尾差"
    # one figure against one figure cannot differ by rounding
    assert cells["w"].formula == '=IF(A1=0,"一致","不符")' and cells["w"].value == "不符"


def test_band_verdict_and_ratio_treat_a_zero_budget_as_no_rate():
    spent, budget = Const(Decimal("82.58")), Const(Decimal(0))
    cells = _resolve((0, 0, "r", Ratio(spent, budget)),
                     (0, 1, "b", BandVerdict(spent, budget, Decimal("0.9"), Decimal("1.1"))),
                     (0, 2, "ok", BandVerdict(Const(Decimal("95")), Const(Decimal("100")),
                                              Decimal("0.9"), Decimal("1.1"))))
    assert cells["r"].value == "" and cells["r"].formula == '=IF(0=0,"",82.58/0)'
    assert cells["b"].value == "不符" and cells["ok"].value == "一致"


def test_count_renders_countifs_and_counts_in_python():
    cells = _resolve((0, 0, "n", Count((("方向", "支出"),))))
    assert cells["n"].formula == '=COUNTIFS(底稿_方向,"支出")' and cells["n"].value == 1


def test_name_renders_the_defined_name_and_takes_the_named_cells_value():
    sheet = Sheet("公开01表")
    sheet.formula(0, 0, "a", Query((("方向", "收入"),)))
    sheet.names.append(("公开01_收入", "a"))
    sheet.formula(1, 0, "b", Name("公开01_收入"))
    Workbook([sheet]).resolve(Lines([("收入", Decimal(7))]), NAMES)
    assert sheet.cells[1].formula == "=公开01_收入" and sheet.cells[1].value == Decimal(7)
