"""The 绩效 checks end to end: both samples built from their folders (局本级's sheet as the
office typed it against the books; no sheet → every 绩效 rule 未核对 with the reason), and the
small year's 绩效自评 and 核对表 sheets recalculated by LibreOffice, following a typed score."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from jdzxlsx.checks import build_checks, findings_from_workbook
from jdzxlsx.pipeline import build
from jdzxlsx.xlsx.writer import write_workbook
from tests import oracle, synthetic
from tests.conftest import ROOT, require_libreoffice
from tests.mutations import findings_after, named_cell
from tests.test_checks_performance import IDS

pytestmark = pytest.mark.slow        # builds whole workbooks, runs LibreOffice


# ----------------------------------------------------------------------------- the samples
def _by_label(findings, rule: str, label: str):
    (found,) = [f for f in findings if f.rule_id.startswith(rule + "[")
                and f.description.startswith(label + "：")]
    return found


def test_the_first_samples_typed_scores_rates_and_totals():
    """局本级's sheet as the office typed it (seed 表2–表5) against the books."""
    found = findings_after("sample as it is")
    carry = "投入／部门结转结余资金管理／结转结余率"
    expected = [  # rule, label, left, right, verdict
        ("E2", carry, Decimal("1.9"), Decimal("2.00"), "不符"),
        ("E4", carry, Decimal("0.0547"), Decimal("0.0055"), "不符"),
        ("E3-1", "投入", Decimal("32.7"), Decimal("32.80"), "不符"),
        ("E3-2", "投入", Decimal("0.937"), Decimal("0.9371"), "尾差"),
        # 93.30, not 93.00: 服务陶瓷平台搭建 is typed 2.1 (70 %) under 「完全达成」 (≥ 80 %)
        ("E3-1", "总计", Decimal("92.9"), Decimal("93.30"), "不符"),
        ("E1-1", "绩效自评", Decimal(100), Decimal(100), "一致"),
        ("E4", "投入／预算执行管理／预算完成率", Decimal("1.2873"), Decimal("1.2873"), "一致"),
        ("E4", "投入／预算执行管理／公用经费控制率", Decimal("0.3057"), Decimal("0.3058"), "尾差"),
        # each typed 得分率 against the computed score ÷ weight: 1.9 ÷ 2 typed, 2.00 ÷ 2 computed;
        # 2 ÷ 3 kept to three places
        ("E2-2", carry, Decimal("0.95"), Decimal("1.0000"), "不符"),
        ("E2-2", "投入／预算编审管理／绩效目标管理", Decimal("0.667"), Decimal("0.6667"), "尾差"),
        ("E2-2", "投入／预算编审管理／预算编制准确性", Decimal("0.7"), Decimal("0.7000"), "一致"),
    ]
    for rule, label, left, right, verdict in expected:
        row = (_by_label(found, rule, label) if rule != "E1-1"
               else next(f for f in found if f.rule_id == "E1-1[总计]"))
        assert (row.left, row.right, row.verdict, row.severity) == (left, right, verdict, "错误"), \
            (rule, label)
    grade = next(f for f in found if f.rule_id == "E5[总计]")
    assert (grade.left, grade.right, grade.verdict) == ("优", "优", "一致")
    assert _by_label(found, "E2", carry).place == "绩效自评 M15"


def test_without_a_performance_sheet_the_second_sample_lists_every_rule_unchecked():
    result = build(ROOT / "inputs" / "样例县农业农村局-2020")
    assert not [f for f in result.findings if f.family == "绩效"]
    unchecked = [t for t in result.not_checked if t.startswith("E")]
    assert tuple(t.split("：", 1)[0] for t in unchecked) == IDS
    assert all(t.endswith("（输入目录中没有绩效指标表，绩效自评表只列出计算依据）") for t in unchecked)


# ----------------------------------------------------------------------------- LibreOffice
def test_libreoffice_computes_the_checks_as_python_did_and_follows_a_typed_score(tmp_path):
    """The small year and a corrupted one, written with their 绩效自评 and 核对表 sheets: zero
    differences after recalculation, the same verdicts; typing 18 over 服务企业复工复产's 自评得分
    (基本达成: at most 16) in the saved workbook turns E2 to 不符 there."""
    require_libreoffice()
    cases = {"clean": synthetic.clean_paper(),
             "typed wrong": synthetic.SCENARIOS["the typed grade one band low"][0]()}
    written, results = {}, {}
    for name, case in cases.items():
        book, card = synthetic.with_scorecard(case)
        results[name] = build_checks(book, case, synthetic.template(), card)
        book.resolve(case)
        written[name] = tmp_path / f"{len(written)}.xlsx"
        write_workbook(book, written[name])
    edited = openpyxl.load_workbook(written["clean"])
    sheet, ref = named_cell(edited, "绩效_指标4_自评得分")
    edited[sheet][ref] = 18
    edited.save(tmp_path / "edited.xlsx")
    out = oracle.recalculate([*written.values(), tmp_path / "edited.xlsx"], tmp_path / "out")
    for (name, path), recalculated in zip(written.items(), out):
        assert oracle.differences(path, recalculated) == [], name
        assert [(f.rule_id, f.verdict) for f in findings_from_workbook(recalculated)] == \
            [(f.rule_id, f.verdict) for f in results[name].findings], name
    after = {f.rule_id: f for f in findings_from_workbook(out[-1])}
    assert (after["E2[指标4]"].left, after["E2[指标4]"].right) == (18, 16)
    assert after["E2[指标4]"].verdict == "不符" and after["E5[总计]"].verdict == "一致"
    assert {f.rule_id for f in findings_from_workbook(out[1]) if f.verdict == "不符"} == {"E5[总计]"}


def test_the_sheet_corrected_as_the_checks_advise_has_no_performance_error():
    """The office's corrections (tests/mutations.py): every 绩效 row 一致 or 尾差 — 投入's 93.7 %
    for 32.8 ÷ 35 = 93.71 % stays a 尾差, and so does 绩效目标管理's 0.667 for 2 ÷ 3."""
    found = findings_after("the 绩效 sheet corrected")
    rows = [f for f in found if f.family == "绩效"]
    assert len(rows) == 83 + 41 - 1 and not [f.rule_id for f in rows if f.verdict == "不符"]
    assert {f.rule_id for f in rows if f.verdict == "尾差"} == {
        "E3-2[二级1]", "E3-2[一级1]", "E4[指标6]", "E2-2[指标3]"}
    total = next(f for f in rows if f.rule_id == "E3-1[总计]")
    assert (total.left, total.right) == (Decimal(93), Decimal("93.00"))
