"""Integration: the sample folder (tools/make_sample.py) read end to end."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from jdzxlsx.ingest import read_folder

SAMPLE = Path(__file__).resolve().parents[2] / "inputs" / "景德镇市陶瓷产业发展局-2020"
SUBTOTAL_WORDS = {"本月合计", "本年累计", "合计", "小计", "本期合计", "累计"}

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason="sample folder not generated")


@pytest.fixture(scope="module")
def sample():
    return read_folder(SAMPLE)


def test_twelve_ledger_files_are_recognised_one_per_month(sample):
    ledger_files = [f for f in sample.files if any(kind == "ledger" for _, kind in f.sheets)]
    assert len(ledger_files) == 12
    assert {line.period for line in sample.ledger} == {f"2020-{m:02d}" for m in range(1, 13)}
    assert {f.format for f in ledger_files} == {"xlsx", "xls", "html", "csv"}


def test_no_sheet_is_skipped(sample):
    assert sample.skipped == []


def test_subtotal_rows_are_not_counted(sample):
    assert all(line.account_code for line in sample.ledger)
    assert not any(line.summary in SUBTOTAL_WORDS for line in sample.ledger)
    debit = sum(line.debit for line in sample.ledger)
    credit = sum(line.credit for line in sample.ledger)
    assert debit == credit > 0


def test_every_voucher_balances(sample):
    balance: dict[tuple[str, str, str], Decimal] = defaultdict(Decimal)
    for line in sample.ledger:
        balance[(line.source.file, line.unit, line.voucher)] += line.debit - line.credit
    assert {key: value for key, value in balance.items() if value} == {}


def test_expenditure_lines_carry_classification_fund_and_kind(sample):
    spending = [line for line in sample.ledger if line.account_code in ("7101", "7201")]
    assert spending
    assert all(len(line.function_code) == 7 and len(line.economic_code) == 5
               and line.fund_source for line in spending)
    # 支出类型 only where an export states it (凭证明细 has the column, 明细账 has not).
    stated = {line.source.file.startswith("凭证明细") for line in spending if line.expense_kind}
    assert stated == {True}
    assert {line.expense_kind for line in sample.ledger} == {"", "基本支出", "项目支出"}


def test_staffing_typed_total_is_returned_marked(sample):
    [total] = [row for row in sample.staffing if row.is_typed_total]
    assert (total.category, total.authorised) == ("合计", 126)
    assert sum(row.authorised for row in sample.staffing if not row.is_typed_total) == 132


def test_other_kinds_are_read(sample):
    assert len(sample.units) == 7
    assert sum(not unit.included for unit in sample.units) == 1
    assert sample.balances and all(b.period == "2020-01" for b in sample.balances)
    assert sample.budget
    figures = {figure.item: figure.amount for figure in sample.prior_year}
    assert figures["本年收入合计"] == Decimal("31633500.00")      # 3163.35 万元
    assert any("万元" in note for note in sample.notes)
