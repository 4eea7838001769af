"""The 绩效 checks E1–E5: the expansion over the 绩效自评 scorecard (each = "performance",
entries, typed), the units 分 / 比率 / 等级 and the verdict kinds score / rate / same — on a small
hand-built 绩效自评 sheet with the names the scoring sheet defines, on the small working papers
(tests/synthetic.py), on both samples and recalculated by LibreOffice: every typed score,
subtotal, rate and grade against the computed one, and 未核对 (with the reason) when the office
gave no 绩效 sheet, never a comparison with 0."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from jdzxlsx.checks import CheckResult, build_checks
from jdzxlsx.checks.findings import evaluate
from jdzxlsx.checks.plan import Planner
from jdzxlsx.checks.sheet import check_sheet
from jdzxlsx.errors import TemplateError
from jdzxlsx.expr import parse
from jdzxlsx.model import Sheet, Workbook, WorkbookContext
from jdzxlsx.pipeline import year_template
from jdzxlsx.scoring import ScoreEntry, Scorecard
from tests import synthetic
from tests.conftest import load_extension
from tests.synthetic import paper

SHEET = "绩效自评"
IDS = ("E1-1", "E1-2", "E2", "E2-2", "E3-1", "E3-2", "E4", "E5")


@pytest.fixture(scope="module")
def template():
    """The 2020 template with its 绩效 rules only (the others need the whole year's workbook)."""
    loaded = year_template(2020)
    return replace(loaded, checks=replace(loaded.checks, rules=[
        r for r in loaded.checks.rules if r.family == "绩效"]))


def test_the_2020_template_has_the_performance_rules(template):
    assert tuple(r.id for r in template.checks.rules) == IDS
    assert {r.severity for r in template.checks.rules} == {"错误"}
    assert template.checks.parameters["绩效_得分尾差"].value == Decimal("0.05")
    assert template.checks.parameters["绩效_比率尾差"].value == Decimal("0.0005")


# ----------------------------------------------------------------------------- the sheet
LABELS = {"指标1": "投入／预算执行／公用经费控制率", "指标2": "投入／预算执行／结转结余率",
          "指标3": "产出／数量／展会次数", "二级1": "投入／预算执行", "一级1": "投入",
          "二级2": "产出／数量", "一级2": "产出", "总计": "总计"}


def scorecard(**typed: frozenset) -> Scorecard:
    """Three indicators: a judged one (typed 1.95 of 2), 结转结余率 (typed 1.9 of 2, stated
    5.47% where the books give 0.55%), a counted one the office scored nothing for; the
    office's 小计 of 投入, its 总计 and its grade."""
    marks = {"指标1": {"自评得分"}, "指标2": {"自评得分", "单位所填比率"}, "指标3": set(),
             "二级1": {"手填分值", "手填得分"}, "一级1": set(), "二级2": set(), "一级2": set(),
             "总计": {"手填分值", "手填得分", "手填得分率"}}
    marks |= typed
    levels = {"指": "指标", "二": "二级", "一": "一级", "总": "总计"}
    kinds = {"指标1": "judged", "指标2": "linear", "指标3": "at_least_target"}
    return Scorecard([
        ScoreEntry(key, LABELS[key], levels[key[0]], kinds.get(key, "group"),
                   "结转结余率" if key == "指标2" else None, frozenset(marks[key]))
        for key in LABELS], typed_grade=True)


def performance_sheet(typed: dict | None = None, full_marks=5, **changed: str | None) -> Sheet:
    """The named cells the checks read: typed figures as data, the rest as formulas
    (``changed``: other formulas; None: the name is not defined)."""
    values = {"指标1_自评得分": Decimal("1.95"), "指标2_自评得分": Decimal("1.9"),
              "指标2_单位所填比率": Decimal("0.0547"), "二级1_手填分值": 4,
              "二级1_手填得分": Decimal("3.9"), "总计_手填分值": 5, "总计_手填得分": Decimal("4.9"),
              "总计_手填得分率": Decimal("0.98"), "手填等级": "优", **(typed or {})}
    formulas = {
        "指标1_分值": "2", "指标2_分值": "2", "指标3_分值": "1",
        "指标1_得分": "ROUND(MIN(绩效_指标1_分值, MAX(0, 绩效_指标1_自评得分)), 2)",
        "指标2_实际值": "ROUND(ROUND(44207.26 / 10000, 2) / ROUND(8081800 / 10000, 2), 4)",
        "指标2_得分": "ROUND(MIN(绩效_指标2_分值, MAX(0, (0.15 - 绩效_指标2_实际值) / (0.15 - 0.05)"
                   " * 绩效_指标2_分值)), 2)",
        "指标3_得分": "1",
        "二级1_分值": "绩效_指标1_分值 + 绩效_指标2_分值", "二级1_得分": "绩效_指标1_得分 + 绩效_指标2_得分",
        "二级1_得分率": "ROUND(绩效_二级1_得分 / 绩效_二级1_分值, 4)",
        "一级1_分值": "绩效_二级1_分值", "一级1_得分": "绩效_二级1_得分",
        "二级2_分值": "绩效_指标3_分值", "二级2_得分": "绩效_指标3_得分",
        "一级2_分值": "绩效_二级2_分值", "一级2_得分": "绩效_二级2_得分",
        "总计_分值": "绩效_一级1_分值 + 绩效_一级2_分值", "总计_得分": "绩效_一级1_得分 + 绩效_一级2_得分",
        "总计_得分率": "ROUND(绩效_总计_得分 / 绩效_总计_分值, 4)",
        "等级": 'IF(绩效_总计_得分率 >= 0.9, "优", IF(绩效_总计_得分率 >= 0.8, "良", "中"))',
        **changed}
    sheet = Sheet(SHEET)
    row = 0
    for field, value in values.items():
        if value is None:
            continue
        if isinstance(value, str):          # a typed text: a cell holding it
            sheet.formula(row, 1, f"绩效.{field}", parse(f'"{value}"'), "cell_text")
            sheet.names.append((f"绩效_{field}", f"绩效.{field}"))
        else:
            sheet.named_number(row, 1, f"绩效_{field}", value)
        row += 1
    sheet.named_number(row, 1, "绩效_满分", full_marks)
    for field, text in formulas.items():
        if text is None:
            continue
        row += 1
        sheet.formula(row, 1, f"绩效.{field}", parse(text), "number")
        sheet.names.append((f"绩效_{field}", f"绩效.{field}"))
    return sheet


def run(template, card: Scorecard | None = None, sheet: Sheet | None = None) -> CheckResult:
    """The findings of the rules over the sheet, as the pipeline makes them."""
    working_paper = paper([])
    book = Workbook([sheet if sheet is not None else performance_sheet()])
    book.add(check_sheet(working_paper.department, working_paper.year,
                         list(template.checks.parameters.values())))
    context = WorkbookContext(book, working_paper)
    planner = Planner(book, context, working_paper, template, card)
    return CheckResult(evaluate(planner.plan(), template.checks, context), planner.not_checked,
                       [])


def rows(result: CheckResult) -> dict:
    return {f.rule_id: f for f in result.findings}


# ----------------------------------------------------------------------------- the rows
def test_one_row_per_scored_line_the_office_typed_the_figure_for(template):
    found = rows(run(template, scorecard()))
    assert set(found) == {"E2[指标1]", "E2[指标2]", "E4[指标2]", "E1-2[二级1]", "E1-2[总计]",
                          "E3-1[二级1]", "E3-1[总计]", "E3-2[总计]", "E1-1[总计]", "E5[总计]"}
    assert found["E2[指标2]"].description == "投入／预算执行／结转结余率：自评得分 = 按评分规则计算的得分"
    assert found["E2[指标2]"].place.startswith(f"{SHEET} B")        # the typed score's cell


def test_typed_scores_rates_and_totals_against_the_computed(template):
    found = rows(run(template, scorecard()))
    verdicts = {k: (f.left, f.right, f.difference, f.verdict) for k, f in found.items()}
    # 结转结余率 0.55% scores the full 2: the office's 1.9 is wrong, and so is its 5.47%
    assert verdicts["E2[指标2]"] == (Decimal("1.9"), Decimal("2.00"), Decimal("-0.10"), "不符")
    assert verdicts["E4[指标2]"] == (Decimal("0.0547"), Decimal("0.0055"), Decimal("0.0492"),
                                     "不符")
    assert verdicts["E2[指标1]"][3] == "一致"                 # judged: the typed 1.95 stands
    # one decimal kept: 3.9 for 3.95 is 尾差 within 绩效_得分尾差 (0.05)
    assert verdicts["E3-1[二级1]"] == (Decimal("3.9"), Decimal("3.95"), Decimal("-0.05"), "尾差")
    assert verdicts["E3-1[总计]"] == (Decimal("4.9"), Decimal("4.95"), Decimal("-0.05"), "尾差")
    assert verdicts["E3-2[总计]"] == (Decimal("0.98"), Decimal("0.99"), Decimal("-0.01"), "不符")
    assert verdicts["E1-2[二级1]"][3] == verdicts["E1-2[总计]"][3] == "一致"
    assert verdicts["E1-1[总计]"] == (Decimal(5), 5, 0, "一致")
    assert verdicts["E5[总计]"] == ("优", "优", None, "一致")
    assert found["E2[指标2]"].unit == "分" and found["E4[指标2]"].unit == "比率"


@pytest.mark.parametrize("typed, rule, verdict", [
    ({"指标1_自评得分": Decimal("1.94")}, "E2[指标1]", "一致"),        # 1.94 of a judged 2: its own
    ({"指标2_自评得分": Decimal("1.95")}, "E2[指标2]", "尾差"),        # at the tail: 0.05
    ({"指标2_自评得分": Decimal("1.94")}, "E2[指标2]", "不符"),
    ({"指标2_单位所填比率": Decimal("0.0055")}, "E4[指标2]", "一致"),
    ({"指标2_单位所填比率": Decimal("0.006")}, "E4[指标2]", "尾差"),   # at the tail: 0.0005
    ({"指标2_单位所填比率": Decimal("0.0061")}, "E4[指标2]", "不符"),
    ({"总计_手填得分率": Decimal("0.9895")}, "E3-2[总计]", "尾差"),
    ({"总计_手填得分率": Decimal("0.99")}, "E3-2[总计]", "一致"),
    ({"二级1_手填分值": Decimal("4.05")}, "E1-2[二级1]", "不符"),       # weights: no tail
    ({"手填等级": "良"}, "E5[总计]", "不符"),
])
def test_each_verdict_kind_at_its_edges(template, typed, rule, verdict):
    assert rows(run(template, scorecard(), performance_sheet(typed)))[rule].verdict == verdict


def test_a_judged_score_above_its_weight_is_flagged(template):
    """The office may type 2.5 of 2 (no input error): the sheet holds it to 2, the check says so."""
    row = rows(run(template, scorecard(), performance_sheet({"指标1_自评得分": Decimal("2.5")})))
    assert (row["E2[指标1]"].right, row["E2[指标1]"].verdict) == (Decimal("2.00"), "不符")


def test_weights_not_adding_up_to_full_marks(template):
    row = rows(run(template, scorecard(), performance_sheet(full_marks=100)))["E1-1[总计]"]
    assert (row.left, row.right, row.verdict) == (Decimal(5), 100, "不符")


# ----------------------------------------------------------------------------- 未核对
def test_without_a_performance_sheet_every_rule_is_unchecked_with_the_reason(template):
    for card in (None, Scorecard([], False)):
        result = run(template, card, Sheet(SHEET))
        assert result.findings == []
        assert tuple(t.split("：", 1)[0] for t in result.not_checked) == IDS
        assert all("没有绩效指标表" in t for t in result.not_checked)


def test_the_reason_of_a_rule_without_a_sheet_names_the_missing_sheet(template):
    text = run(template, None, Sheet(SHEET)).not_checked[2]
    assert text == "E2：…：自评得分 = 按评分规则计算的得分（输入目录中没有绩效指标表，绩效自评表只列出计算依据）"


def test_nothing_typed_of_a_kind_is_unchecked_and_says_what_is_missing(template):
    result = run(template, replace(scorecard(总计={"手填分值"}), typed_grade=False))
    assert not any(f.rule_id.startswith(("E3-2", "E5")) for f in result.findings)
    reasons = {t.split("：", 1)[0]: t for t in result.not_checked}
    assert "绩效指标表中没有填写得分率" in reasons["E3-2"]
    assert "绩效指标表中没有填写评价等级" in reasons["E5"]


def test_a_rate_the_books_cannot_give_is_unchecked_not_compared_with_zero(template):
    """The measure's input is absent: the sheet defines no 绩效_指标2_实际值 and takes the typed
    score; the stated rate's row is 未核对, the score's is checked."""
    sheet = performance_sheet(指标2_实际值=None,
                              指标2_得分="ROUND(MIN(绩效_指标2_分值, MAX(0, 绩效_指标2_自评得分)), 2)")
    result = run(template, scorecard(), sheet)
    assert "E4[指标2]" not in rows(result) and rows(result)["E2[指标2]"].verdict == "一致"
    (text,) = [t for t in result.not_checked if t.startswith("E4[指标2]")]
    assert "计算该比率所需的数没有提供" in text and "绩效_指标2_实际值" in text


def test_a_typed_figure_the_sheet_cannot_check_is_unchecked_with_the_sheet_s_reason(template):
    """Typed, but nothing to compare it with (the rate's inputs missing, a part-year period):
    the row is 未核对 with the scorecard's reason — not compared, not left out silently."""
    card = scorecard()
    why = "期间至 2020-06，未满一年：按账比率不能与全年填报数比较"
    card.entries = [replace(e, unchecked=(("单位所填比率", why), ("自评得分", why)))
                    if e.key == "指标2" else e for e in card.entries]
    result = run(template, card)
    assert "E4[指标2]" not in rows(result) and "E2[指标2]" not in rows(result)
    assert "E2[指标1]" in rows(result)                    # the others are still checked
    texts = [t for t in result.not_checked if t.startswith(("E4[指标2]", "E2[指标2]"))]
    assert len(texts) == 2 and all(why in t and "结转结余率" in t for t in texts)


# ----------------------------------------------------------------------------- the template
RULE = ('[[rule]]\nfamily = "绩效"\nseverity = "错误"\nid = "Z1"\n'
        'description = "{label}：自评得分 = 计算得分"\neach = "performance"\n'
        'entries = "indicators"\ntyped = "自评得分"\nunit = "分"\ncompare = "score"\n'
        'left = "绩效_{key}_自评得分"\nright = "绩效_{key}_得分"\n')


def test_a_performance_rule_of_an_extending_template_is_read(tmp_path):
    rule = next(r for r in load_extension(tmp_path, RULE).checks.rules if r.id == "Z1")
    assert (rule.each, rule.entries, rule.typed, rule.unit) == ("performance", "indicators",
                                                                 "自评得分", "分")


@pytest.mark.parametrize("old, new, key, words", [
    ('entries = "indicators"\n', "", None, "entries"),
    ('"indicators"', '"indicator"', "entries", "groups"),
    ('typed = "自评得分"', 'typed = "手填得分"', "typed", "自评得分"),
    ('entries = "indicators"\ntyped = "自评得分"', 'entries = "groups"\ntyped = "手填等级"',
     "typed", "手填得分率"),
    ("绩效_{key}_得分", "绩效_{label}_得分", "right", "{key}"),
    ('unit = "分"', 'unit = "点"', "unit", "比率"),
    ("{label}", "{code}", "description", "{key}"),
    ('"绩效_{key}_得分"', '"绩效_{key}_得份"', "right", "没有任何表"),
])
def test_a_fault_in_a_performance_rule_is_refused_with_its_place(tmp_path, old, new, key, words):
    text = RULE.replace(old, new)
    lines = text.split("\n")
    line = 1 if key is None else next(i + 1 for i, l in enumerate(lines) if l.startswith(f"{key} ="))
    with pytest.raises(TemplateError) as error:
        load_extension(tmp_path, text)
    message = str(error.value)
    assert "checks.toml" in message and f"第 {line} 行" in message and words in message


def test_entries_and_typed_belong_to_the_performance_expansion_only(tmp_path):
    rule = ('[[rule]]\nfamily = "绩效"\nseverity = "错误"\nid = "Z9"\ndescription = "x"\n'
            'entries = "total"\nunit = "分"\nleft = "绩效_满分"\nright = "绩效_满分"\n')
    with pytest.raises(TemplateError, match="entries"):
        load_extension(tmp_path, rule)


# ----------------------------------------------------------------------------- the sheet
def test_the_check_sheet_shows_scores_rates_and_grades_in_their_own_formats(template):
    working_paper = paper([])
    book = Workbook([performance_sheet()])
    result = build_checks(book, working_paper, template, scorecard())
    book.resolve(working_paper)
    cells = {c.cell_id: c for c in book.sheet("核对表").cells if c.cell_id}
    assert cells["核对.E2[指标2].左"].style == "money"              # 1.90
    assert cells["核对.E4[指标2].右"].style == "percent"            # 0.55%
    assert cells["核对.E4[指标2].差额"].style == "percent"
    assert cells["核对.E5[总计].左"].style == "cell_text"
    assert cells["核对.E4[指标2].右"].formula == "=绩效_指标2_实际值"
    assert cells["核对.E2[指标2].允许差额"].formula == "=绩效_得分尾差"
    assert cells["核对.E1-1[总计].允许差额"].formula == "=核对_无尾差"
    assert cells["核对.E4[指标2].结论"].value == "不符"
    assert {f.rule_id for f in result.findings} >= {"E2[指标2]", "E5[总计]"}


# ----------------------------------------------------------------------------- small papers
def test_a_consistent_sheet_is_checked_whole_and_silent():
    """tests/synthetic.py's year: every 绩效 rule has rows, each 一致, nothing 未核对."""
    result = synthetic.check(synthetic.clean_paper())
    rows_of = {rule: synthetic.findings(result, rule) for rule in IDS}
    assert all(rows_of.values()), [r for r, found in rows_of.items() if not found]
    assert {f.verdict for found in rows_of.values() for f in found.values()} == {"一致"}
    assert set(rows_of["E4"]) == {"E4[指标2]"}             # 预算完成率 is not stated: no row
    assert rows_of["E3-1"]["E3-1[总计]"].right == Decimal("94.00")
    assert result.not_checked == []


def test_a_score_outside_its_band_is_flagged_with_the_totals_it_was_carried_into():
    result = synthetic.check(synthetic.SCENARIOS[
        "a qualitative score above its band, carried into the total"][0]())
    bad = {f.rule_id: (f.left, f.right) for f in result.findings if f.verdict == "不符"}
    assert bad == {"E2[指标4]": (Decimal(18), Decimal("16.00")),
                   "E2-2[指标4]": (Decimal("0.9"), Decimal("0.8000")),    # 18 ÷ 20 typed, 16 ÷ 20
                   "E3-1[总计]": (Decimal(98), Decimal("96.00")),
                   "E3-2[总计]": (Decimal("0.98"), Decimal("0.9600"))}


def _unchecked(result: CheckResult, *ids: str) -> dict[str, str]:
    return {t.split("：", 1)[0]: t for t in result.not_checked if t.startswith(ids)}


def test_a_rate_the_books_cannot_give_leaves_its_stated_rate_and_score_unchecked():
    """No 编制数 and 在职人员数 in 绩效评价基础数据: 在职人员控制率 is not computed, its indicator
    takes the typed score — E2 does not compare that score with itself, and the stated 85.71 %
    is not left out: both rows are 未核对 with the reason."""
    basis = [b for b in synthetic.perf.BASIS if b.key not in ("编制数", "在职人员数")]
    result = synthetic.check(synthetic.clean_paper(performance_basis=basis))
    assert not {"E2[指标2]", "E4[指标2]"} & {f.rule_id for f in result.findings}
    reasons = _unchecked(result, "E2[指标2]", "E4[指标2]")
    assert set(reasons) == {"E2[指标2]", "E4[指标2]"}
    assert all("「在职人员控制率」未提供" in t and "基础信息_绩效_在职人员数" in t
               for t in reasons.values())
    assert synthetic.findings(result, "E2")["E2[指标1]"].verdict == "一致"     # the others stand


def test_a_part_year_leaves_the_measured_indicators_unchecked():
    result = synthetic.check(synthetic.clean_paper(period_end="2020-06"))
    reasons = _unchecked(result, "E2[", "E4[")
    assert set(reasons) == {"E2[指标1]", "E2[指标2]", "E4[指标2]"}       # 预算完成率 stated nothing
    assert all("期间至 2020-06，未满一年" in t for t in reasons.values())
    assert {k for k in synthetic.findings(result, "E2")} == {"E2[指标3]", "E2[指标4]"}


def test_a_stated_rate_without_its_sign_is_unchecked_and_says_how_to_write_it():
    stated = {2: {"actual": synthetic.perf.reading("85.71", "", "85.71")}}
    result = synthetic.check(synthetic.clean_paper(
        performance=synthetic.perf.performance(indicators=stated)))
    assert "E4[指标2]" not in synthetic.findings(result, "E4")
    (reason,) = _unchecked(result, "E4[指标2]").values()
    assert "实际完成值「85.71」不是百分数：如是 85.71%，请写成「85.71%」" in reason


@pytest.mark.parametrize("rate, verdict", [("0.7", "一致"), ("0.7005", "尾差"), ("0.7006", "不符"),
                                           ("0.75", "不符")])
def test_an_indicator_s_typed_score_rate_against_its_computed_one(rate, verdict):
    """E2-2: 服务企业复工复产 scores 14 of 20 — 70 %; one more place kept than the sheet's four is
    尾差 within 绩效_比率尾差 (0.0005)."""
    typed = {4: {"score_rate": Decimal(rate)}}
    result = synthetic.check(synthetic.clean_paper(
        performance=synthetic.perf.performance(indicators=typed)))
    row = synthetic.findings(result, "E2-2")["E2-2[指标4]"]
    assert (row.left, row.right, row.verdict) == (Decimal(rate), Decimal("0.7000"), verdict)
    assert row.description == "效果／社会效益指标／服务企业复工复产：单位所填得分率 = 得分 ÷ 分值"
