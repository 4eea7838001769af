"""Families found by looking at the ledger lines: double-entry files, vouchers whose debits ≠
credits, vouchers found in two files, and 底稿 lines that land in no table cell."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from ..expr import Count, Criterion, Data, Node, Query, fill_text
from ..model import quote_sheet
from ..templates import Rule
from ..working_paper import (BALANCE_DIRECTIONS, WORKING_PAPER_COLUMNS, WORKING_PAPER_SHEET,
                             period_key, text_key)
from .instances import Instance, instance, linear

PAPER = WORKING_PAPER_SHEET
LIVE_SUM_LIMIT = 300          # cells one grouped line row sums (an Excel formula ≤ 8 192 characters)


def _criteria(**pairs: str) -> tuple[Criterion, ...]:
    return tuple(Criterion(column, value) for column, value in pairs.items())


def _paper_link(index: int) -> str:
    """The 底稿 row of line ``index`` (row 1 holds the headers)."""
    return f"{quote_sheet(PAPER)}!A{index + 2}"


class LedgerFamilies:
    """Mixed into the Planner: ``self.paper``, ``self.template``."""

    def _ledger_files(self) -> dict[str, list[int]]:
        """Line indexes per source file, for the files that are double-entry exports (they post
        the counterpart account, 8001 资金结存)."""
        marker = self.template.checks.double_entry_account
        by_file: dict[str, list[int]] = defaultdict(list)
        for index, line in enumerate(self.paper.lines):
            if line.direction not in BALANCE_DIRECTIONS:
                by_file[line.source.file].append(index)
        return {f: rows for f, rows in by_file.items()
                if any(self.paper.lines[i].account_code == marker for i in rows)}

    def _each_double_entry_file(self, rule: Rule) -> list[Instance]:
        out = []
        for file, rows in sorted(self._ledger_files().items()):
            criteria = _criteria(来源文件=text_key(file))
            out.append(instance(rule, file, _fill(rule.description, file=file),
                                Query(PAPER, criteria, "借方"), Query(PAPER, criteria, "贷方"),
                                file, _paper_link(rows[0])))
        return out

    def _each_voucher(self, rule: Rule) -> list[Instance]:
        """Vouchers whose debits ≠ credits, in double-entry files."""
        totals: dict[tuple, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
        first_row: dict[tuple, int] = {}
        for file, rows in self._ledger_files().items():
            for index in rows:
                line = self.paper.lines[index]
                key = (file, line.unit, line.period, line.voucher)
                totals[key][0] += line.debit
                totals[key][1] += line.credit
                first_row.setdefault(key, index)
        out = []
        for key, (debit, credit) in totals.items():
            if debit == credit:
                continue
            file, unit, period, voucher = key
            criteria = _criteria(来源文件=text_key(file), 单位=unit, 期间=period_key(period),
                                 凭证号=text_key(voucher))
            line = self.paper.lines[first_row[key]]
            description = _fill(rule.description, voucher=voucher, unit=unit, period=period)
            out.append(instance(rule, f"{unit} {period} {voucher}", description,
                                Query(PAPER, criteria, "借方"), Query(PAPER, criteria, "贷方"),
                                f"{line.source}（凭证 {voucher}）", _paper_link(first_row[key])))
        return out

    def _each_repeated_voucher(self, rule: Rule) -> list[Instance]:
        """A voucher (unit, month, number) found in two files: most often one month exported
        twice (a 副本, or a year-to-date export beside the monthly ones), counted twice."""
        files: dict[tuple, dict[str, int]] = defaultdict(dict)
        for index, line in enumerate(self.paper.lines):
            if line.voucher and line.direction not in BALANCE_DIRECTIONS:
                files[(line.unit, line.period, line.voucher)].setdefault(line.source.file, index)
        out = []
        for (unit, period, voucher), seen in sorted(files.items()):
            if len(seen) < 2:
                continue
            first_file, first_index = min(seen.items())
            voucher_criteria = _criteria(单位=unit, 期间=period_key(period),
                                         凭证号=text_key(voucher))
            description = _fill(rule.description, voucher=voucher, unit=unit, period=period,
                                files="」「".join(sorted(seen)))
            out.append(instance(
                rule, f"{unit} {period} {voucher}", description, Count(PAPER, voucher_criteria),
                Count(PAPER, voucher_criteria + _criteria(来源文件=text_key(first_file))),
                "、".join(sorted(seen)), _paper_link(first_index)))
        return out

    def _each_line(self, rule: Rule) -> list[Instance]:
        """Every line with a problem (``lines = "problems"``, it lands in no table cell) or
        with a warning (``"warnings"``): its amount, and its 核对结果 mark as 标记.  With
        ``grouped``, the lines that say the same thing form one row (an unlisted code used all
        year is one finding, not one per line): their amounts summed, the first line's mark."""
        columns = [c.key for c in WORKING_PAPER_COLUMNS]
        amount_col, mark_col = columns.index("金额"), columns.index("核对结果")
        groups: dict[object, list[int]] = defaultdict(list)
        for index, line in enumerate(self.paper.lines):
            said = line.problems if rule.lines == "problems" else line.warnings
            if said:
                groups[_note(line) if rule.grouped else index].append(index)
        out = []
        keys: dict[str, int] = defaultdict(int)
        for indexes in groups.values():
            first = self.paper.lines[indexes[0]]
            said = first.problems if rule.lines == "problems" else first.warnings
            place = str(first.source) + (f" 等 {len(indexes)} 行" if len(indexes) > 1 else "")
            key = _line_key(rule, said, indexes[0])
            keys[key] += 1          # lines naming one code with different other findings
            key = key if keys[key] == 1 else f"{key}-{keys[key]}"
            out.append(instance(rule, key, _fill(
                rule.description, place=place, problem="；".join(said)),
                self._lines_amount(indexes, amount_col), None, place, _paper_link(indexes[0]),
                标记=Data(PAPER, indexes[0] + 1, mark_col, first.check_mark)))
        return out

    def _lines_amount(self, indexes: list[int], amount_col: int) -> Node:
        """The lines' amounts, live: their cells, or for many lines one SUMIFS over the note they
        share (a criterion is at most 255 characters in Excel)."""
        note = _note(self.paper.lines[indexes[0]])
        criterion = Criterion("核对说明", note).excel_value()[1:-1]      # without its quotes
        if len(indexes) > LIVE_SUM_LIMIT and len(criterion) <= 255:
            return Query(PAPER, _criteria(核对说明=note), "金额")
        return linear([(1, Data(PAPER, i + 1, amount_col, self.paper.lines[i].amount))
                       for i in indexes])


def _note(line) -> str:
    """The 核对说明 of a line, as 底稿 writes it."""
    return "；".join(line.problems + line.warnings)


def _line_key(rule: Rule, said: tuple[str, ...], index: int) -> str:
    """A grouped row is known by the code or value its finding names (S11[2130135]); a row per
    line by its 底稿 row."""
    named = re.search(r"「(.+?)」", said[0]) if rule.grouped else None
    return named.group(1) if named else f"底稿第{index + 2}行"


def _fill(text: str, **values: str) -> str:
    return fill_text(text, values)
