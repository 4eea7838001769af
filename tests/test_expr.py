"""The formula language (expr), node by node: each kind's Python value and its exact Excel
text; the parser's refusals; the transform helpers; and one small workbook of formula cells
recalculated by LibreOffice, whose every value must be the one Python cached.

Fast unit module: everything but the LibreOffice cases is pure Python, and those share ONE
LibreOffice run (a module fixture recalculating two workbooks in one start)."""

from __future__ import annotations

from decimal import Decimal
from operator import itemgetter

import openpyxl
import pytest

from jdzxlsx.expr import (Binary, Boolean, Call, Count, Criterion, Data, EvaluationError, Name,
                          Negate, Number, ParseError, Query, Ref, RowCount, Sum, Text, bind,
                          excel_round, excel_string, fill, general_text, literal, map_queries,
                          names, narrow, number_text, parse, queries, terms, walk)
from jdzxlsx.expr.transform import fill_text, placeholders
from jdzxlsx.model import BlockColumn, DataBlock, Sheet, Workbook, place
from jdzxlsx.xlsx import write_workbook
from tests import oracle
from tests.conftest import require_libreoffice

D = Decimal
HERE = "式"


# ============================================================================ a bare context
class Lines:
    """The Python twin of SUMIFS/COUNTIFS over a few rows (dicts) per table: a criterion with
    prefix matches values beginning with it, else equal values (text compare)."""

    def __init__(self, tables: dict[str, list[dict]]):
        self.tables = tables

    @staticmethod
    def _meets(row: dict, criteria) -> bool:
        return all(str(row[c.column]).startswith(c.value) if c.prefix
                   else str(row[c.column]) == c.value for c in criteria)

    def sum(self, table, criteria, amount):
        return sum((D(row[amount]) for row in self.tables[table] if self._meets(row, criteria)),
                   D(0))

    def count(self, table, criteria):
        return sum(1 for row in self.tables[table] if self._meets(row, criteria))


class Ctx:
    """A minimal Context: names with values, cells with places, queries answered by Lines
    (and recorded, so a test can see what a node asked)."""

    def __init__(self, named=None, cells=None, source=None, here=HERE):
        self.named = {"a": D(10), "b": D(4), "c": D(3), **(named or {})}
        self.cells = cells or {}                    # id -> (sheet, row, col, value)
        self.source = source or Lines({})
        self.here = here
        self.asked: list[tuple] = []

    def sum(self, table, criteria, amount):
        self.asked.append(("sum", table, criteria, amount))
        return self.source.sum(table, criteria, amount)

    def count(self, table, criteria):
        self.asked.append(("count", table, criteria))
        return self.source.count(table, criteria)

    def column_range(self, table, column):
        return f"{table}_{column}"

    def name_value(self, name):
        return self.named[name]

    def name_text(self, name):
        return name

    def cell_value(self, cell_id):
        return self.cells[cell_id][3]

    def cell_place(self, cell_id):
        return self.cells[cell_id][:3]

    def place_text(self, sheet, row, col, absolute=False):
        return place(sheet, row, col, self.here, absolute)


def value(text: str, **named):
    return parse(text).value(Ctx(named))


def excel(text: str) -> str:
    return parse(text).excel(Ctx())


PAPER = [dict(方向="支出", 功能分类科目="2010101", 金额=D("100.10")),
         dict(方向="支出", 功能分类科目="2050101", 金额=D("20.00")),
         dict(方向="收入", 功能分类科目="2010101", 金额=D("500.00")),
         dict(方向="支出", 功能分类科目="201", 金额=D("0.35"))]


# ============================================================================ atoms
@pytest.mark.parametrize("number, text", [
    (D("1234.50"), "1234.5"), (D("100.00"), "100"), (D("0.10"), "0.1"), (D("1E+3"), "1000"),
    (D("-0.00"), "0"), (D("-2.5"), "-2.5"), (7, "7")])
def test_number_renders_without_trailing_zeros_or_exponent(number, text):
    assert Number(number).excel(Ctx()) == text
    assert number_text(number) == text


def test_number_value_is_the_decimal_as_written():
    assert parse("1.50").value(Ctx()) == D("1.50") and parse("1.50") == Number(D("1.50"))


def test_text_renders_quoted_with_inner_quotes_doubled():
    assert Text('say "hi"').excel(Ctx()) == '"say ""hi"""'
    assert parse('"a""b"') == Text('a"b') and parse('"a""b"').value(Ctx()) == 'a"b'
    assert excel_string("") == '""'


def test_boolean_renders_true_false():
    assert Boolean(True).excel(Ctx()) == "TRUE" and Boolean(False).excel(Ctx()) == "FALSE"
    assert Boolean(True).value(Ctx()) is True


def test_literal_picks_the_node_kind_of_a_value():
    assert literal(True) == Boolean(True)
    assert literal("x") == Text("x")
    assert literal(D("1.5")) == Number(D("1.5"))


def test_name_renders_itself_and_takes_its_value_from_the_context():
    assert excel("公开01_本年收入合计") == "公开01_本年收入合计"
    assert value("公开01_本年收入合计", 公开01_本年收入合计=D("7.5")) == D("7.5")


def test_ref_renders_its_address_on_this_sheet_and_quoted_on_another():
    ctx = Ctx(cells={"x": (HERE, 2, 1, D(5)), "y": ("底稿", 0, 0, D(6)),
                     "z": ("Sheet1", 9, 27, D(7))})
    assert Ref("x").excel(ctx) == "B3" and Ref("x").value(ctx) == D(5)
    assert Ref("y").excel(ctx) == "'底稿'!A1"
    assert Ref("z").excel(ctx) == "Sheet1!AB10"


def test_data_renders_its_name_or_else_its_absolute_address():
    ctx = Ctx()
    assert Data("数据", 1, 1, D("1.5"), "数据_甲").excel(ctx) == "数据_甲"
    assert Data("数据", 1, 1, D("1.5")).excel(ctx) == "'数据'!$B$2"
    assert Data(HERE, 1, 1, D("1.5")).excel(ctx) == "$B$2"
    assert Data("数据", 1, 1, D("1.5")).value(ctx) == D("1.5")


# ============================================================================ queries
def test_query_renders_sumifs_with_a_prefix_criterion_as_a_trailing_star():
    assert excel("底稿(方向=支出, 功能分类科目^=201)") == \
        'SUMIFS(底稿_金额,底稿_方向,"支出",底稿_功能分类科目,"201*")'


def test_query_sums_the_rows_meeting_every_criterion_prefix_by_beginning():
    ctx = Ctx(source=Lines({"底稿": PAPER}))
    assert parse("底稿(方向=支出, 功能分类科目^=201)").value(ctx) == D("100.45")
    assert parse("底稿(方向=支出, 功能分类科目=201)").value(ctx) == D("0.35")


def test_query_asks_the_context_with_the_parsed_criteria_and_amount_column():
    ctx = Ctx(source=Lines({"预算指标": [dict(资金性质="x", 年初预算数=D(3))]}))
    assert parse("预算指标[年初预算数](资金性质=x)").value(ctx) == D(3)
    assert ctx.asked == [("sum", "预算指标", (Criterion("资金性质", "x"),), "年初预算数")]


def test_query_over_another_amount_column_renders_that_column():
    assert excel("预算指标[年初预算数](资金性质=x)") == \
        'SUMIFS(预算指标_年初预算数,预算指标_资金性质,"x")'


def test_query_without_criteria_renders_sum_of_the_amount_column():
    assert excel("底稿()") == "SUM(底稿_金额)"
    assert parse("底稿()").value(Ctx(source=Lines({"底稿": PAPER}))) == D("620.45")


@pytest.mark.parametrize("criterion, text", [
    (Criterion("摘要", "差旅*费"), '"差旅~*费"'),
    (Criterion("摘要", "培训?费"), '"培训~?费"'),
    (Criterion("摘要", "拨款~1"), '"拨款~~1"'),
    (Criterion("摘要", "a*b", prefix=True), '"a~*b*"'),
    (Criterion("摘要", 'say "hi"'), '"say ""hi"""'),
    (Criterion("期间", "2020-05"), '"2020-05"'),
], ids=["star", "question", "tilde", "prefix-after-escape", "quote", "plain"])
def test_criterion_value_wildcards_are_escaped_with_tilde(criterion, text):
    assert criterion.excel_value() == text


def test_count_renders_countifs_and_counts_in_python():
    ctx = Ctx(source=Lines({"底稿": PAPER}))
    node = parse("底稿#(方向=支出)")
    assert node == Count("底稿", (Criterion("方向", "支出"),))
    assert node.excel(ctx) == 'COUNTIFS(底稿_方向,"支出")'
    assert node.value(ctx) == 3


def test_count_with_a_prefix_renders_the_star():
    assert excel("底稿#(功能分类科目^=205, 方向=支出)") == \
        'COUNTIFS(底稿_功能分类科目,"205*",底稿_方向,"支出")'


def test_query_criterion_values_are_taken_as_written_quotes_stripped():
    assert parse('底稿(期间=2020-05, 凭证号=记-0001, 摘要="a b")').criteria == (
        Criterion("期间", "2020-05"), Criterion("凭证号", "记-0001"), Criterion("摘要", "a b"))


def test_row_count_renders_countifs_over_absolute_column_ranges_of_this_sheet():
    ctx = Ctx(cells={f"v{i}": (HERE, 1 + i, 2, w) for i, w in enumerate(["一致", "不符", "一致"])}
              | {f"k{i}": (HERE, 1 + i, 3, k) for i, k in enumerate(["是", "是", "否"])})
    node = RowCount(((1, 3, 2, "一致"), (1, 3, 3, "是")),
                    tuple((Ref(f"v{i}"), Ref(f"k{i}")) for i in range(3)))
    assert node.excel(ctx) == 'COUNTIFS($C$2:$C$4,"一致",$D$2:$D$4,"是")'
    assert node.value(ctx) == 1


def test_row_count_compares_text_case_insensitively():
    node = RowCount(((0, 1, 0, "ok"),), ((Text("OK"),), (Text("no"),)))
    assert node.value(Ctx()) == 1


def test_row_count_children_round_trip_through_with_children():
    node = RowCount(((0, 1, 0, "x"),), ((Name("p"),), (Name("q"),)))
    assert node.children() == (Name("p"), Name("q"))
    assert node.with_children((Text("x"), Text("y"))).rows == ((Text("x"),), (Text("y"),))


# ============================================================================ operators
@pytest.mark.parametrize("text, rendered", [
    ("a-(b-c)", "a-(b-c)"),
    ("(a-b)-c", "a-b-c"),
    ("a+(b+c)", "a+(b+c)"),          # kept: the spreadsheet adds in Python's order
    ("a+(b-c)", "a+(b-c)"),
    ("a-(b+c)", "a-(b+c)"),
    ("a/(b*c)", "a/(b*c)"),
    ("a/(b/c)", "a/(b/c)"),
    ("(a/b)/c", "a/b/c"),
    ("a*(b/c)", "a*(b/c)"),          # kept: a*b/c rounds differently in doubles
    ("(a+b)*c", "(a+b)*c"),
    ("a*(b+c)", "a*(b+c)"),
    ("a+b*c", "a+b*c"),
    ("(a*b)+c", "a*b+c"),
    ("-a*b", "-a*b"),
    ("-(a*b)", "-(a*b)"),
    ("-(a+b)", "-(a+b)"),
    ("--a", "--a"),
    ("a*-3", "a*-3"),
    ("a-(-3)", "a--3"),
    ("-3", "-3"),
    ("a & b & c", "a&b&c"),
    ("a&(b&c)", "a&(b&c)"),
    ("a&b+c", "a&b+c"),
    ("(a&b)+c", "(a&b)+c"),
    ("a+1 > b*2", "a+1>b*2"),
    ("a=(b=c)", "a=(b=c)"),
    ("a = b & c", "a=b&c"),
    ("(a = b) & c", "(a=b)&c"),
    ("((a))", "a"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_parentheses_are_kept_only_where_excel_needs_them(text, rendered):
    assert excel(text) == rendered


@pytest.mark.parametrize("text, result", [
    ("1+2*3", D(7)), ("(1+2)*3", D(9)), ("10-(4-3)", D(9)), ("10-4-3", D(3)),
    ("7/4", D("1.75")), ("2*3/4", D("1.5")), ("-a*b", D(-40)), ("-(a-b)", D(-6)),
    ("0.1+0.2", D("0.3")), ("5--1", D(6)), ("2*-1", D(-2)), ("a/b/c", D(10) / D(4) / D(3)),
], ids=lambda v: v if isinstance(v, str) else None)
def test_arithmetic_follows_excel_precedence_in_exact_decimals(text, result):
    assert value(text) == result


def test_parse_builds_left_associative_operator_trees():
    assert parse("a-b-c") == Binary("-", Binary("-", Name("a"), Name("b")), Name("c"))
    assert parse("-a*b") == Binary("*", Negate(Name("a")), Name("b"))
    assert parse("-3") == Number(D(-3))


def test_negative_literal_binds_like_a_negation():
    assert Number(D(-3)).precedence == Negate(Name("a")).precedence
    assert Binary("*", Number(D(-3)), Name("a")).excel(Ctx()) == "-3*a"


def test_division_by_zero_is_an_evaluation_error():
    with pytest.raises(EvaluationError, match="DIV/0"):
        value("a/0")


def test_text_used_as_a_number_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        value('"x"+1')
    with pytest.raises(EvaluationError):
        value('-"x"')


def test_booleans_count_one_and_zero_in_arithmetic():
    assert value("(1<2)+1") == 2 and value("(1>2)*5") == 0


@pytest.mark.parametrize("text, result", [
    ('"abc"="ABC"', True), ('"abc"<>"ABC"', False), ('"a"<"B"', True), ('"B">"a"', True),
    ("2>=2", True), ("2<=1", False), ("3<>3", False), ("1=1.00", True), ("a>b", True),
    ('1<"a"', True), ('"a">99999', True), ("0.1+0.2=0.3", True),
], ids=lambda v: v if isinstance(v, str) else None)
def test_comparisons_as_excel_text_case_insensitive_numbers_below_text(text, result):
    assert value(text) is result


def test_comparison_renders_the_operator_between_its_sides():
    for op in ("=", "<>", "<", ">", "<=", ">="):
        assert excel(f"a {op} b") == f"a{op}b"


@pytest.mark.parametrize("text, result", [
    ('"合计"&(1+2)', "合计3"), ('a&"元"', "10元"), ('1234.50&""', "1234.5"),
    ('100.00&""', "100"), ('-0.5&""', "-0.5"), ('0.00001&""', "0.00001"),
    ('"a"&"b"', "ab"), ('(1<2)&""', "TRUE"), ('(1>2)&""', "FALSE"), ('-0.00&""', "0"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_joining_shows_numbers_as_excel_general_format_does(text, result):
    assert value(text) == result


def test_general_text_of_each_value_kind():
    assert general_text(D("1234.50")) == "1234.5"
    assert general_text(3) == "3"
    assert general_text(True) == "TRUE"
    assert general_text("x") == "x"


# ============================================================================ functions
@pytest.mark.parametrize("text, result", [
    ("ROUND(2.5,0)", D(3)), ("ROUND(-2.5,0)", D(-3)), ("ROUND(0.125,2)", D("0.13")),
    ("ROUND(-0.125,2)", D("-0.13")), ("ROUND(2.675,2)", D("2.68")), ("ROUND(-2.4,0)", D(-2)),
    ("ROUND(1234.5,-2)", D(1200)), ("ROUND(-1250,-2)", D(-1300)), ("ROUND(1/3,2)", D("0.33")),
    ("ROUND(1.25,1.9)", D("1.3")), ("ROUND(-12345650/10000,2)", D("-1234.57")),
], ids=lambda v: v if isinstance(v, str) else None)
def test_round_is_half_away_from_zero_including_negatives(text, result):
    assert value(text) == result


def test_round_renders_as_written():
    assert excel("round(a/10000, 2)") == "ROUND(a/10000,2)"
    assert excel_round(D("-0.005"), 2) == D("-0.01")


def test_abs_min_max_values_and_text():
    assert value("ABS(-3.5)") == D("3.5") and excel("ABS(a-b)") == "ABS(a-b)"
    assert value("MIN(3, -1, 2)") == D(-1) and excel("MIN(a,b,c)") == "MIN(a,b,c)"
    assert value("MAX(3, -1, 2)") == D(3) and excel("MAX(a,-b)") == "MAX(a,-b)"
    assert value("MIN(a)") == D(10)


def test_min_of_text_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        value('MIN(1, "x")')


def test_if_takes_the_branch_its_condition_picks():
    assert value('IF(a>b, "大", "小")') == "大"
    assert value('IF(a<b, "大", "小")') == "小"
    assert excel('IF(ABS(差额) = 0, "一致", "不符")') == 'IF(ABS(差额)=0,"一致","不符")'


def test_if_is_lazy_the_branch_not_taken_is_not_evaluated():
    assert value('IF(b=0, "", a/b)', b=D(0)) == ""
    assert value('IF(b=0, "", a/b)', b=D(4)) == D("2.5")


def test_if_without_else_is_false_when_the_condition_fails():
    assert value("IF(1>2, 5)") is False and value("IF(1<2, 5)") == D(5)


def test_if_with_a_text_condition_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        value('IF("x", 1, 2)')


@pytest.mark.parametrize("text, result", [
    ("AND(1<2, 2<3)", True), ("AND(1<2, 0)", False), ("AND(1)", True),
    ("OR(0, 1=1)", True), ("OR(1>2, 0)", False), ("NOT(0)", True), ("NOT(1=1)", False),
    ('IF(AND(a>b, OR(c>a, "x"="X")), "是", "否")', "是"),
    ('IF(NOT(OR(a<b, c>a)), IF(AND(a>0, b>0), "正", "负"), "否")', "正"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_and_or_not_values(text, result):
    assert value(text) == result


def test_and_or_not_render_as_excel_functions():
    assert excel("and(a>b, or(b>c, not(c)))") == "AND(a>b,OR(b>c,NOT(c)))"


@pytest.mark.parametrize("number, fmt, text", [
    ("0.5", "0", "1"), ("-0.5", "0", "-1"), ("2.4", "0", "2"), ("3.14159", "0.00", "3.14"),
    ("1234.5", "0.00", "1234.50"), ("1234567.891", "#,##0.00", "1,234,567.89"),
    ("-1234.5", "#,##0.00", "-1,234.50"), ("-1234.5", "#,##0", "-1,235"),
    ("0.12345", "0.0%", "12.3%"), ("0.0005", "0.0%", "0.1%"), ("1", "0%", "100%"),
    ("-0.004", "0.00", "0.00"), ("0", "#,##0.00", "0.00"),
])
def test_text_formats_numbers_as_excel_does(number, fmt, text):
    assert value(f'TEXT({number}, "{fmt}")') == text


def test_text_renders_as_written_and_joins_with_units():
    node = parse('TEXT(x, "#,##0.00") & "万元"')
    assert node.excel(Ctx()) == 'TEXT(x,"#,##0.00")&"万元"'
    assert node.value(Ctx({"x": D("1234.5")})) == "1,234.50万元"


def test_function_value_text_and_arguments_of_a_call_node():
    node = Call("ROUND", (Name("a"), Number(2)))
    assert node.excel(Ctx()) == "ROUND(a,2)" and node.value(Ctx()) == D(10)
    assert node.with_children((Number(D("1.234")), Number(1))).value(Ctx()) == D("1.2")


# ============================================================================ SUM
def _sum_ctx():
    cells = {f"{c}{r}": (HERE, r - 1, "ABCDE".index(c), D(r))
             for c in "ABCDE" for r in range(1, 8)}
    cells["other"] = ("底稿", 0, 0, D(100))
    return Ctx(cells=cells)


@pytest.mark.parametrize("ids, rendered", [
    (["A1", "A2", "A3", "A5"], "SUM(A1:A3,A5)"),
    (["A1", "B1", "C1"], "SUM(A1:C1)"),
    (["B2", "C2", "D2", "B3", "C3"], "SUM(B2:D2,B3:C3)"),
    (["A1", "A2", "B2"], "SUM(A1:A2,B2)"),
    (["A1", "B1", "B2"], "SUM(A1:B1,B2)"),
    (["A2", "A1"], "SUM(A2,A1)"),
    (["A1", "A1"], "SUM(A1,A1)"),
    (["A1", "other", "A2"], "SUM(A1,'底稿'!A1,A2)"),
    (["A1"], "SUM(A1)"),
], ids=lambda v: "-".join(v) if isinstance(v, list) else None)
def test_sum_collapses_runs_of_adjacent_cells_of_this_sheet_to_ranges(ids, rendered):
    assert Sum(tuple(Ref(i) for i in ids)).excel(_sum_ctx()) == rendered


def test_sum_keeps_non_cell_items_as_they_are_and_breaks_runs_at_them():
    node = Sum((Ref("A1"), Number(5), Ref("A2"), Name("a")))
    assert node.excel(_sum_ctx()) == "SUM(A1,5,A2,a)"
    assert node.value(_sum_ctx()) == D(1) + 5 + D(2) + D(10)


def test_sum_of_nothing_is_zero():
    assert Sum(()).excel(Ctx()) == "0" and Sum(()).value(Ctx()) == 0
    assert parse("SUM(a, b)") == Sum((Name("a"), Name("b")))


# ============================================================================ parser errors
@pytest.mark.parametrize("text", [
    "底稿(方向)",                       # no "=" in a criterion
    "底稿(方向=支出",                   # unclosed query parenthesis
    "a+",                               # trailing operator
    "a*",
    "IF(a)",                            # IF needs 2–3 arguments
    "IF(a,b,c,d)",
    "NOT(a,b)",
    "ROUND(a)",
    'TEXT(a, "yyyy")',                  # not a number format
    'TEXT(a, b)',                       # format not a literal
    "底稿(方向=支出,)",                 # empty criterion after a comma
    "底稿(,方向=支出)",
    "a b",                              # two names without an operator
    "",
    "   ",
    "(a+b",
    "a+b)",
    "()",
    '"abc',
    "a^b",
    "a=b=c",                            # one comparison per expression
    "底稿#[金额](方向=x)",               # a count takes no amount column
    "底稿[](方向=x)",
    "FOO(1)",
    "a,b",
], ids=lambda t: t or "empty")
def test_malformed_text_is_a_parse_error(text):
    with pytest.raises(ParseError):
        parse(text)


def test_parse_error_gives_the_position_of_the_fault():
    with pytest.raises(ParseError) as caught:
        parse("a + b +")
    assert caught.value.position == 7 and "▲" in str(caught.value)


def test_parse_refuses_non_text():
    with pytest.raises(ParseError):
        parse(3)


def test_parse_reads_the_template_forms():
    assert parse("底稿(方向=支出, 功能分类科目^=201)") == Query("底稿", (
        Criterion("方向", "支出"), Criterion("功能分类科目", "201", prefix=True)))
    assert parse("底稿#(期间=2020-05)") == Count("底稿", (Criterion("期间", "2020-05"),))
    assert parse("预算指标[年初预算数](资金性质=x)") == Query(
        "预算指标", (Criterion("资金性质", "x"),), "年初预算数")
    assert parse('IF(ABS(差额) = 0, "一致", "不符")') == Call("IF", (
        Binary("=", Call("ABS", (Name("差额"),)), Number(D(0))), Text("一致"), Text("不符")))
    assert parse('TEXT(x, "#,##0.00") & "万元"') == Binary(
        "&", Call("TEXT", (Name("x"), Text("#,##0.00"))), Text("万元"))
    assert parse("公开03_{code}_本年支出合计") == Name("公开03_{code}_本年支出合计")


def test_a_query_inside_a_function_is_a_query_not_a_function_call():
    node = parse("ROUND(底稿(方向=支出)/10000, 2)")
    assert node == Call("ROUND", (Binary("/", Query("底稿", (Criterion("方向", "支出"),)),
                                          Number(D(10000))), Number(D(2))))


# ============================================================================ transforms
def test_fill_replaces_placeholders_in_names_and_criterion_values_only():
    node = parse("公开03_{code}_合计 - 底稿(功能分类科目^={code}, 期间={month})")
    filled = fill(node, {"code": "201", "month": "2020-05"})
    assert filled == Binary("-", Name("公开03_201_合计"), Query("底稿", (
        Criterion("功能分类科目", "201", prefix=True), Criterion("期间", "2020-05"))))


def test_fill_reaches_counts_and_nested_nodes():
    filled = fill(parse("IF(底稿#(期间={m}) > 0, {x}_a, 0)"), {"m": "2020-06", "x": "甲"})
    assert filled == Call("IF", (Binary(">", Count("底稿", (Criterion("期间", "2020-06"),)),
                                        Number(D(0))), Name("甲_a"), Number(D(0))))


def test_fill_with_a_missing_placeholder_raises_key_error():
    with pytest.raises(KeyError):
        fill(parse("公开_{code}"), {})


def test_fill_text_and_placeholders():
    assert placeholders("公开03_{code}_{col}") == ["code", "col"]
    assert fill_text("公开03_{code}", {"code": 201}) == "公开03_201"


def test_bind_replaces_names_by_nodes_and_leaves_the_others():
    bound = bind(parse("左 - 右 + 其他"), {"左": Ref("x"), "右": Number(D(3))})
    assert bound == Binary("+", Binary("-", Ref("x"), Number(D(3))), Name("其他"))


def test_bind_reaches_inside_functions():
    assert bind(parse("ABS(差额)"), {"差额": Ref("d")}) == Call("ABS", (Ref("d"),))


def test_narrow_adds_criteria_to_every_query_and_count():
    extra = (Criterion("期间", "2020-05"),)
    narrowed = narrow(parse("底稿(方向=支出) + 底稿#(方向=收入) + a + 底稿()"), extra)
    assert [q.criteria for q in queries(narrowed)] == [
        (Criterion("方向", "支出"), *extra), (Criterion("方向", "收入"), *extra), extra]
    assert "a" in names(narrowed)


def test_names_lists_each_name_once_in_order():
    assert names(parse("b + a*b + IF(c, a, 底稿(方向=a))")) == ["b", "a", "c"]


def test_queries_and_walk_find_nested_nodes():
    node = parse("ROUND(底稿(方向=支出)/底稿#(方向=支出), 2)")
    assert [type(q) for q in queries(node)] == [Query, Count]
    assert len(list(walk(node))) == 5


def test_map_queries_changes_only_queries():
    node = map_queries(parse("底稿(方向=支出) + a"), lambda q: Number(D(1)))
    assert node == Binary("+", Number(D(1)), Name("a"))


@pytest.mark.parametrize("text, expected", [
    ("a+b-c", [(1, "a"), (1, "b"), (-1, "c")]),
    ("a-(b-c)", [(1, "a"), (-1, "b"), (1, "c")]),
    ("-(a+b)", [(-1, "a"), (-1, "b")]),
    ("-a", [(-1, "a")]),
    ("a", [(1, "a")]),
], ids=lambda v: v if isinstance(v, str) else None)
def test_terms_splits_sums_and_differences_into_signed_addends(text, expected):
    assert terms(parse(text)) == [(s, Name(n)) for s, n in expected]


def test_terms_keeps_products_and_functions_whole():
    assert terms(parse("a*b - ROUND(c,2)")) == [
        (1, Binary("*", Name("a"), Name("b"))), (-1, Call("ROUND", (Name("c"), Number(D(2)))))]


# ============================================================================ LibreOffice
ROWS = [  # 底稿: 方向, 功能分类科目, 期间, 摘要, 金额 (元)
    ("支出", "2010101", "2020-05", "办公费", "1234.50"),
    ("支出", "2010102", "2020-05", "差旅*费", "100.25"),
    ("支出", "2010102", "2020-06", "差旅交通费", "300.00"),      # what 差旅*费 unescaped matches
    ("支出", "2050101", "2020-06", "培训?费", "-20.10"),
    ("支出", "2050101", "2020-05", "培训班费", "45.00"),          # … and 培训?费 unescaped
    ("收入", "2010101", "2020-05", "拨款~1", "5000.00"),
    ("收入", "2010101", "2020-06", "拨款1", "800.00"),
    ("支出", "201", "2020-05", "a.b", "0.35"),
    ("支出", "2010101", "2020-06", "aXb", "0.70"),               # … and a.b as a regex
    ("支出", "1201", "2020-06", 'say "hi"', "7.00"),             # 201 inside, not at the start
    ("支出", "2010101", "2020-05", ">100", "2.00"),
    ("支出", "2010101", "2020-05", "=y", "4.00"),
]
PAPER_COLUMNS = ("方向", "功能分类科目", "期间", "摘要", "金额")
BUDGET_COLUMNS = ("资金性质", "年初预算数")
BUDGET = [("一般公共预算", "1000.00"), ("政府性基金预算", "250.50"), ("一般公共预算", "99.99")]


def _input_sheet(name, columns, rows):
    """As tables/working_sheets.py input_table_sheet: a header row, the rows as a data block,
    one defined name per column range (<sheet>_<列名>)."""
    sheet = Sheet(name)
    for col, key in enumerate(columns):
        sheet.text(0, col, key, "header")
    amount = columns[-1]
    sheet.data_block = DataBlock(1, tuple(BlockColumn(key, itemgetter(key),
                                                      "amount" if key == amount else "value")
                                          for key in columns), rows)
    last = max(1, len(rows))
    for col, key in enumerate(columns):
        sheet.range_names.append((f"{name}_{key}", 1, col, last, col))
    return sheet


def _tables():
    paper = [dict(zip(PAPER_COLUMNS, (*r[:4], D(r[4])))) for r in ROWS]
    budget = [dict(zip(BUDGET_COLUMNS, (n, D(v)))) for n, v in BUDGET]
    return {"底稿": paper, "预算指标": budget}


def _data_sheet():
    sheet = Sheet("数据")
    sheet.named_number(1, 1, "数据_甲", D("1234.50"), "yuan")
    sheet.named_number(2, 1, "数据_乙", D("-2.5"), "number")
    sheet.named_number(3, 1, "数据_零", D(0), "number")
    sheet.number(4, 1, D("7.25"), "number")                          # read by Data, no name
    sheet.formula(1, 2, "数据.两倍", parse("数据_甲*2"), "money")     # read from another sheet
    return sheet


def _book(cases: list[tuple[str, object, str]], extra=None):
    """A workbook of the input tables and one formula cell per case (column B of 式)."""
    tables = _tables()
    book = Workbook([_input_sheet("底稿", PAPER_COLUMNS, tables["底稿"]),
                     _input_sheet("预算指标", BUDGET_COLUMNS, tables["预算指标"]),
                     _data_sheet()])
    sheet = book.add(Sheet(HERE))
    for row, (case_id, node, style) in enumerate(cases):
        sheet.text(row, 0, case_id, "cell_text")
        sheet.formula(row, 1, case_id, parse(node) if isinstance(node, str) else node, style)
    if extra:
        extra(sheet)
    book.resolve(Lines(tables))
    return book


def _sums_and_counts(sheet: Sheet) -> None:
    """Cells for SUM ranges (column D down, row 30 across) and a RowCount over verdicts (E)."""
    for r in range(4):
        sheet.formula(r, 3, f"s.d{r}", Number(D(r) + D("0.25")), "money")
    sheet.formula(5, 3, "s.d5", parse("底稿(方向=收入)"), "money")
    sheet.formula(6, 3, "s.col", Sum(tuple(Ref(f"s.d{r}") for r in (0, 1, 2, 5))), "money")
    for c in range(3, 6):
        sheet.formula(30, c, f"s.r{c}", Number(D(c) / 4), "money")
    sheet.formula(30, 6, "s.row", Sum(tuple(Ref(f"s.r{c}") for c in range(3, 6))), "money")
    sheet.formula(31, 3, "s.mixed", Sum((Ref("s.d0"), Ref("数据.两倍"), parse("底稿()"),
                                         Ref("s.d1"), Name("数据_甲"))), "money")
    verdicts = ["1=1", "1=2", "2=2", '"A"="a"']
    for r, test in enumerate(verdicts):
        sheet.formula(r, 4, f"v{r}", parse(f'IF({test}, "一致", "不符")'), "verdict")
    sheet.formula(len(verdicts), 4, "v.count",
                  RowCount(((0, len(verdicts) - 1, 4, "一致"),),
                           tuple((Ref(f"v{r}"),) for r in range(len(verdicts)))), "count")
    sheet.names.append(("式_净额", "net"))


CASES = [
    # queries and counts
    ("q.prefix", "底稿(方向=支出, 功能分类科目^=201)", "money"),
    ("q.class5", "底稿(功能分类科目^=20501)", "money"),
    ("q.star", "底稿(摘要=差旅*费)", "money"),
    ("q.question", "底稿(摘要=培训?费)", "money"),
    ("q.tilde", "底稿(摘要=拨款~1)", "money"),
    ("q.dot", "底稿(摘要=a.b)", "money"),
    ("q.quote", Query("底稿", (Criterion("摘要", 'say "hi"'),)), "money"),
    ("q.period", "底稿(方向=支出, 期间=2020-05)", "money"),
    ("q.all", "底稿()", "money"),
    ("q.amount", "预算指标[年初预算数](资金性质=一般公共预算)", "money"),
    ("q.none", "底稿(方向=没有)", "money"),
    ("net", "底稿(方向=收入) - 底稿(方向=支出)", "money"),
    ("n.count", "底稿#(方向=支出)", "count"),
    ("n.prefix", "底稿#(功能分类科目^=201, 期间=2020-06)", "count"),
    ("n.prefix_star", "底稿#(摘要^=差旅*)", "count"),
    # arithmetic and precedence
    ("o.paren", "10-(4-3)", "money"),
    ("o.neg", "-数据_甲*2", "money"),
    ("o.precedence", "1+2*3-(1+2)*3", "money"),
    ("o.divide", "7/4", "money"),
    ("o.double_minus", "5--1", "money"),
    ("o.negate_ref", Negate(Ref("q.prefix")), "money"),
    ("o.bool_plus", "(1<2)+1", "money"),
    # references
    ("r.name_cell", "式_净额 + 1", "money"),
    ("r.name_data", "数据_甲 + 数据_乙", "money"),
    ("r.data", Binary("*", Data("数据", 4, 1, D("7.25")), Number(2)), "money"),
    ("r.ref", Binary("-", Ref("q.prefix"), Ref("n.count")), "money"),
    ("r.other_sheet", Binary("+", Ref("数据.两倍"), Number(1)), "money"),
    # functions
    ("f.round_div", "ROUND(10/3,2)", "money"),
    ("f.round_neg_half", "ROUND(-2.5,0)", "money"),
    ("f.round_neg_cent", "ROUND(-0.125,2)", "money"),
    ("f.round_float", "ROUND(2.675,2)", "money"),
    ("f.round_tens", "ROUND(-1250,-2)", "money"),
    ("f.round_wan", "ROUND(数据_甲/10000,2)", "money"),
    ("f.abs", "ABS(数据_乙)", "money"),
    ("f.min", "MIN(3, 数据_乙, 2)", "money"),
    ("f.max", "MAX(3, 数据_乙, 2)", "money"),
    ("f.if_lazy", 'IF(数据_零=0, "", 数据_甲/数据_零)', "money"),
    ("f.if_divides", 'IF(数据_乙=0, "", 数据_甲/数据_乙)', "money"),
    ("f.if_no_else", "IF(1>2, 1)", "verdict"),
    ("f.nested", 'IF(AND(1<2, OR(1>2, "a"="A")), IF(NOT(数据_乙>0), "是", "否"), "不")',
     "verdict"),
    ("f.and", "AND(1<2, 数据_乙<0)", "verdict"),
    ("f.or", "OR(1>2, 数据_零<>0)", "verdict"),
    ("f.not", "NOT(1=2)", "verdict"),
    ("f.boolean", Call("IF", (Boolean(True), Text("真"), Text("假"))), "verdict"),
    # comparisons
    ("c.text_eq", '"abc"="ABC"', "verdict"),
    ("c.text_ne", '"abc"<>"ABC"', "verdict"),
    ("c.text_lt", '"a"<"B"', "verdict"),
    ("c.ge", "数据_甲>=1234.5", "verdict"),
    ("c.le", "数据_乙<=-3", "verdict"),
    ("c.gt_query", "底稿(方向=收入) > 底稿(方向=支出)", "verdict"),
    ("c.number_text", '1<"a"', "verdict"),
    ("c.float_sum", "0.1+0.2=0.3", "verdict"),
    # TEXT and joining
    ("t.grouped", 'TEXT(1234567.891, "#,##0.00")', "cell_text"),
    ("t.int_half", 'TEXT(0.5, "0")', "cell_text"),
    ("t.int_neg_half", 'TEXT(-2.5, "0")', "cell_text"),
    ("t.fixed", 'TEXT(3.14159, "0.00")', "cell_text"),
    ("t.percent", 'TEXT(0.12345, "0.0%")', "cell_text"),
    ("t.grouped_neg", 'TEXT(-1234.5, "#,##0")', "cell_text"),
    ("t.neg_zero", 'TEXT(-0.004, "0.00")', "cell_text"),
    ("t.wan", 'TEXT(ROUND(数据_甲/10000,2), "#,##0.00") & "万元"', "cell_text"),
    ("j.data", '数据_甲 & "元"', "cell_text"),
    ("j.sum", '"合计" & (1+2)', "cell_text"),
    ("j.zeros", '100.00 & ""', "cell_text"),
    ("j.query", '"收入" & 底稿(方向=收入)', "cell_text"),
    ("j.quote", Binary("&", Text('say "'), Text('hi"')), "cell_text"),
]

# Edge cases where Python once disagreed with LibreOffice (a literal criterion beginning with a
# comparison sign, approximate equality after a division, 15 significant digits when joining);
# recalculated in the same LibreOffice run, in a workbook of their own.
BUG_CASES = [
    ("b.gt_literal", Count("底稿", (Criterion("摘要", ">100"),)), "count"),
    ("b.eq_literal", Count("底稿", (Criterion("摘要", "=y"),)), "count"),
    ("b.thirds", "1/3*3=1", "verdict"),
    ("b.join_third", '1/3 & ""', "cell_text"),
]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    """Both workbooks written and recalculated by ONE LibreOffice start."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("expr")
    cases, bugs = _book(CASES, _sums_and_counts), _book(BUG_CASES)
    paths = [folder / "cases.xlsx", folder / "bugs.xlsx"]
    write_workbook(cases, paths[0])
    write_workbook(bugs, paths[1])
    outs = oracle.recalculate(paths, folder / "out")
    return {"cases": (cases, paths[0], outs[0]), "bugs": (bugs, paths[1], outs[1])}


def test_the_case_workbook_python_values_are_as_pinned():
    """The Python side of the LibreOffice cases, pinned (so the LO test checks known values)."""
    book = _book(CASES, _sums_and_counts)
    got = {cell_id: cell.value for cell_id, (_, cell) in book.formula_cells().items()}
    assert got["q.prefix"] == D("1234.50") + D("100.25") + D("300.00") + D("0.35") \
        + D("0.70") + D("2.00") + D("4.00")
    assert got["q.star"] == D("100.25") and got["q.question"] == D("-20.10")
    assert got["q.tilde"] == D("5000.00") and got["q.dot"] == D("0.35")
    assert got["q.quote"] == D("7.00") and got["q.none"] == 0
    assert got["n.prefix"] == 3 and got["n.prefix_star"] == 1
    assert got["f.if_lazy"] == "" and got["f.if_no_else"] is False
    assert got["f.round_neg_half"] == D(-3) and got["f.round_neg_cent"] == D("-0.13")
    assert got["t.wan"] == "0.12万元" and got["j.data"] == "1234.5元"
    assert got["j.quote"] == 'say "hi"' and got["c.text_eq"] is True
    assert got["s.col"] == D("0.25") + D("1.25") + D("2.25") + D("5800.00")
    assert got["v.count"] == 3
    book_sheet = book.sheet(HERE)
    formulas = {c.cell_id: c.formula for c in book_sheet.cells if c.kind == "formula"}
    assert formulas["q.prefix"] == '=SUMIFS(底稿_金额,底稿_方向,"支出",底稿_功能分类科目,"201*")'
    assert formulas["q.star"] == '=SUMIFS(底稿_金额,底稿_摘要,"差旅~*费")'
    assert formulas["n.count"] == '=COUNTIFS(底稿_方向,"支出")'
    assert formulas["s.col"] == "=SUM(D1:D3,D6)"
    assert formulas["s.row"] == "=SUM(D31:F31)"
    assert formulas["s.mixed"] == "=SUM(D1,'数据'!C2,SUM(底稿_金额),D2,数据_甲)"
    assert formulas["v.count"] == '=COUNTIFS($E$1:$E$4,"一致")'
    assert formulas["r.data"] == "='数据'!$B$5*2"
    assert formulas["r.name_cell"] == "=式_净额+1"
    assert formulas["o.negate_ref"] == "=-B1"


def test_libreoffice_computes_every_case_as_python_cached_it(request):
    require_libreoffice()
    book, written, recalculated_path = request.getfixturevalue("recalculated")["cases"]
    cells = oracle.formula_cells(written)
    assert len(CASES) >= 30
    assert len(cells) == len(book.formula_cells()) == len(CASES) + 17
    diffs = oracle.differences(written, recalculated_path)
    assert diffs == [], "\n".join(map(str, diffs))


def _both(request, cell_id):
    """(Python's cached value, LibreOffice's value) of one cell of the bug workbook."""
    require_libreoffice()
    book, _, recalculated_path = request.getfixturevalue("recalculated")["bugs"]
    sheet, cell = book.formula_cells()[cell_id]
    lo = openpyxl.load_workbook(recalculated_path, data_only=True)[sheet.name]
    return cell.value, lo.cell(cell.row + 1, cell.col + 1).value


def test_a_count_without_criteria_is_refused_when_read():
    """COUNTIFS() has no meaning in Excel (and is #VALUE! in LibreOffice)."""
    with pytest.raises(ParseError, match="至少要有一个条件"):
        parse("底稿#()")


@pytest.mark.parametrize("cell_id", ["b.gt_literal", "b.eq_literal"])
def test_criterion_values_beginning_with_a_comparison_sign_match_only_themselves(request,
                                                                                cell_id):
    python, libreoffice = _both(request, cell_id)
    assert python == 1 and libreoffice == 1


def test_division_then_comparison_agrees_with_libreoffice(request):
    assert parse("1/3*3=1").value(Ctx()) is True
    python, libreoffice = _both(request, "b.thirds")
    assert python == libreoffice


def test_joining_a_non_terminating_quotient_shows_15_significant_digits(request):
    assert parse('1/3&""').value(Ctx()) == "0.333333333333333"
    python, libreoffice = _both(request, "b.join_third")
    assert python == libreoffice
