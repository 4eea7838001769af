"""核对表: the rules of templates/<year>/checks.toml, expanded over the workbook's rows.

Each check instance becomes one row of the 核对表 sheet: left and right as live formulas over
named cells (or queries over the input sheets), their difference, a verdict formula
(一致 / 尾差 / 不符), the rule's severity, where to look and what to do.  The Python side of
the same cells gives the verdicts the command line prints.  Checks read cells; they never
change a value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..classification import function_codebook
from ..errors import TemplateError
from ..model import (AtLeastVerdict, BandVerdict, Const, Count, CountRows, DataCell, Expr, Fen,
                     FlagVerdict, Linear, Name, Query, Ratio, Ref, Sheet, ToWan, Verdict,
                     Workbook, address, quote_sheet)
from ..tables import layout, table_names
from ..tables.working_sheets import staffing_fields, staffing_name
from ..templates import load_toml
from ..working_paper import (EXPENDITURE, FUNDS_HELD, INCOME, OPENING, WORKING_PAPER_COLUMNS,
                             WORKING_PAPER_SHEET, WorkingPaper)

CHECK_SHEET = "核对表"
SEVERITIES = ("错误", "警告", "提示")
VERDICTS = ("不符", "尾差", "一致")


@dataclass
class Instance:
    """One row of 核对表, before evaluation."""

    rule: dict
    key: str                          # distinguishes the rows of a family ("201", "2020-05")
    description: str
    left: Expr | None
    right: Expr | None
    place: str                        # where to look, in words
    link: str | None                  # internal link target ("'公开01表'!C33")
    verdict: Expr | None = None       # set for listing rows; else derived from compare
    addends: tuple[Expr, ...] = ()    # the independently rounded terms of the longer side


@dataclass
class Finding:
    """A check's outcome as the command line reports it."""

    rule_id: str
    family: str
    description: str
    severity: str
    verdict: str
    left: object
    right: object
    difference: object
    unit: str
    place: str
    advice: str
    ratio: object = None

    @property
    def is_problem(self) -> bool:
        return self.verdict == "不符"


@dataclass
class CheckSheet:
    sheet: Sheet
    rows: list[tuple[Instance, dict[str, str]]] = field(default_factory=list)  # cell ids
    not_checked: list[str] = field(default_factory=list)   # rules this workbook cannot check

    def findings(self, book: Workbook) -> list[Finding]:
        cells = book.formula_cells()

        def value(cell_id: str | None):
            return cells[cell_id][1].value if cell_id else None

        out = []
        for instance, ids in self.rows:
            rule = instance.rule
            out.append(Finding(
                rule_id=instance_id(instance), family=rule["family"],
                description=instance.description, severity=rule["severity"],
                verdict=value(ids["verdict"]), left=value(ids.get("left")),
                right=value(ids.get("right")), difference=value(ids.get("difference")),
                unit=rule.get("unit", "万元"), place=instance.place,
                advice=rule.get("advice", ""), ratio=value(ids.get("ratio"))))
        return out


def instance_id(instance: Instance) -> str:
    return instance.rule["id"] + (f"[{instance.key}]" if instance.key else "")


# ----------------------------------------------------------------------------- expressions
TERM = re.compile(r"^(?P<table>[^\s(\[#]+)(?P<count>#)?(?:\[(?P<amount>[^\]]+)\])?"
                  r"\((?P<criteria>.*)\)$")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _split_terms(text: str) -> list[tuple[int, str]]:
    """'a + b(x=1) - c' → [(1,'a'), (1,'b(x=1)'), (-1,'c')]: signs outside parentheses only."""
    terms, depth, sign, current = [], 0, 1, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if depth == 0 and ch in "+-":
            if current.strip():
                terms.append((sign, current.strip()))
            sign, current = (1 if ch == "+" else -1), ""
            continue
        current += ch
    if current.strip():
        terms.append((sign, current.strip()))
    return terms


def query_term(criteria: tuple[tuple[str, str], ...], unit: str, amount: str = "金额",
               table: str = WORKING_PAPER_SHEET) -> Expr:
    """A sum over an input sheet, in 元 snapped to the fen, or in 万元 rounded on its own."""
    query = Fen(Query(criteria, amount=amount, table=table))
    return query if unit == "元" else ToWan(query)


def _term(text: str, unit: str, rule_id: str) -> Expr:
    if NUMBER.fullmatch(text):
        return Const(Decimal(text))
    match = TERM.match(text)
    if not match:
        return Name(text)
    criteria = []
    for part in filter(None, (p.strip() for p in match["criteria"].split(","))):
        if "=" not in part:
            raise TemplateError(f"checks.toml {rule_id}: criterion {part!r} needs 列=值")
        key, value = (x.strip() for x in part.split("=", 1))
        criteria.append((key, value))
    if match["count"]:
        return Count(tuple(criteria), table=match["table"])
    return query_term(tuple(criteria), unit, match["amount"] or "金额", match["table"])


def _names_in(text: str) -> list[str]:
    return [t for _, t in _split_terms(text) if not TERM.match(t) and not NUMBER.fullmatch(t)]


@dataclass
class Side:
    """One side of a comparison: its terms (sign, expression)."""

    terms: list[tuple[int, Expr]]

    @classmethod
    def parse(cls, text: str, unit: str, rule_id: str) -> "Side":
        return cls([(sign, _term(t, unit, rule_id)) for sign, t in _split_terms(text)])

    def expression(self, money: bool) -> Expr:
        if not self.terms:
            return Const(0)
        if len(self.terms) == 1 and self.terms[0][0] == 1:
            return self.terms[0][1]
        linear = Linear(tuple(self.terms))
        return Fen(linear) if money else linear


class NotCheckable(Exception):
    """A rule names a cell this workbook does not have (e.g. no prior-year figures given)."""


# ----------------------------------------------------------------------------- planning
class Planner:
    """Expands the rules over what this workbook holds."""

    def __init__(self, book: Workbook, paper: WorkingPaper, settings: dict):
        self.book = book
        self.paper = paper
        self.settings = settings
        self.names = book.cell_names()
        self.cells = book.formula_cells()
        self.codebook = function_codebook(paper.year)
        self.data_cells = {name: (sheet.name, r1, c1) for sheet in book.sheets
                           for name, r1, c1, r2, c2 in sheet.range_names if (r1, c1) == (r2, c2)}
        self.data_ranges = {name for sheet in book.sheets for name, *_ in sheet.range_names}
        self.not_checked: list[str] = []

    def known(self, name: str) -> bool:
        return name in self.names or name in self.data_ranges

    def locate(self, name: str) -> tuple[str, str | None]:
        """Where a named cell is, in words and as a link target."""
        if name in self.names:
            sheet, cell = self.cells[self.names[name]]
            sheet_name, row, col = sheet.name, cell.row, cell.col
        elif name in self.data_cells:
            sheet_name, row, col = self.data_cells[name]
        else:
            return name, None
        return (f"{sheet_name} {address(row, col)}",
                f"{quote_sheet(sheet_name)}!{address(row, col)}")

    def table_rows(self, table: str) -> list[str]:
        """合计 and the 功能分类 codes of a classification table, as the table prints them."""
        sheet = next((s for s in self.book.sheets if s.name == layout(self.paper.year, table)["code"]),
                     None)
        return list(sheet.row_keys) if sheet else []

    def classes_01(self) -> list[tuple[str, str]]:
        for table in table_names(self.paper.year):
            spec = layout(self.paper.year, table)
            if spec.get("layout") == "two_sided":
                return [(code, self.codebook.name(code))
                        for code in spec["right"]["body_classes"]]
        return []

    def plan(self, rules: list[dict]) -> list[Instance]:
        out: list[Instance] = []
        for rule in rules:
            if rule.get("full_year_only") and not self.paper.period_end.endswith("-12"):
                self.not_checked.append(f"{rule['id']}：{rule['description']}"
                                        f"（只核对全年数，本次期间至 {self.paper.period_end}）")
                continue
            each = rule.get("each")
            expand = getattr(self, f"_each_{each}" if each else "_single", None)
            if expand is None:
                raise TemplateError(f"checks.toml {rule['id']}: unknown each = {each!r}")
            out.extend(expand(rule))
        return out

    # -- building one instance
    def _compare(self, rule: dict, key: str, description: str, left_text: str,
                 right_text: str) -> list[Instance]:
        """An instance from the rule's expressions (placeholders already filled).  A name the
        workbook lacks counts as 0 where the rule says so (a row the table does not print),
        else the instance is reported as not checked."""
        unit = rule.get("unit", "万元")
        missing = [n for n in _names_in(left_text) + _names_in(right_text) if not self.known(n)]
        if missing and not rule.get("missing_is_zero", False):
            self.not_checked.append(f"{rule['id']}{f'[{key}]' if key else ''}：{description}"
                                    f"（工作簿中没有 {'、'.join(missing)}）")
            return []
        left = Side([t for t in Side.parse(left_text, unit, rule["id"]).terms
                     if not (isinstance(t[1], Name) and t[1].name in missing)])
        right = Side([t for t in Side.parse(right_text, unit, rule["id"]).terms
                      if not (isinstance(t[1], Name) and t[1].name in missing)])
        first = next(iter(n for n in _names_in(left_text) + _names_in(right_text)
                          if self.known(n)), None)
        place, link = self.locate(first) if first else (rule.get("place", ""), None)
        if "place" in rule:
            place, link = rule["place"], None
        return [self._instance(rule, key, description, left, right, place, link)]

    def _instance(self, rule: dict, key: str, description: str, left: Side, right: Side,
                  place: str, link: str | None) -> Instance:
        money = rule.get("unit", "万元") in ("万元", "元")
        addends = max((left, right), key=lambda side: len(side.terms)).terms
        return Instance(rule, key, description, left.expression(money),
                        right.expression(money), place, link,
                        addends=tuple(expr for _, expr in addends)
                        if rule.get("unit", "万元") == "万元" else ())

    # -- the families
    def _single(self, rule: dict) -> list[Instance]:
        return self._compare(rule, "", rule["description"], rule["left"], rule["right"])

    def _filled(self, rule: dict, key: str, fill: dict, place: str | None = None,
                ) -> list[Instance]:
        """The rule with its placeholders filled for one instance; ``place`` overrides where
        to look when the instance's cells do not say it (a month, a fund, a budget class)."""
        instances = self._compare(rule, key, rule["description"].format(**fill),
                                  rule["left"].format(**fill), rule["right"].format(**fill))
        if place is not None:
            for instance in instances:
                instance.place, instance.link = place, None
        return instances

    def _each_row(self, rule: dict) -> list[Instance]:
        return [i for code in self.table_rows(rule["table"])
                for i in self._filled(rule, code, {"code": code})]

    def _each_parent(self, rule: dict) -> list[Instance]:
        prefix = layout(self.paper.year, rule["table"])["name_prefix"]
        codes = [r for r in self.table_rows(rule["table"]) if r != "合计"]
        children: dict[str, list[str]] = defaultdict(list)
        for code in codes:
            parent = self.codebook.parent(code)
            children[parent if parent in codes else "合计"].append(code)
        out = []
        for parent, kids in children.items():
            for column in rule["columns"]:
                description = rule["description"].format(code=parent, column=column)
                right = " + ".join(f"{prefix}_{k}_{column}" for k in kids)
                out.extend(self._compare(rule, f"{parent}/{column}", description,
                                         f"{prefix}_{parent}_{column}", right))
        return out

    def _each_class(self, rule: dict) -> list[Instance]:
        classes = self.classes_01()
        if "right_each" in rule:          # one row: left = Σ over the classes
            right = " + ".join(rule["right_each"].format(class_code=c, class_name=n)
                               for c, n in classes)
            return self._compare(rule, "", rule["description"], rule["left"], right)
        return [i for code, name in classes
                for i in self._filled(rule, code, {"class_code": code, "class_name": name})]

    def _each_group(self, rule: dict) -> list[Instance]:
        """Right side: one independently rounded term per value of ``group_by``."""
        where = tuple((str(k), str(v)) for k, v in rule["where"].items())
        column = next(c for c in WORKING_PAPER_COLUMNS if c.key == rule["group_by"])
        values = sorted({str(column.value(line)) for line in self.paper.matching(where)})
        unit = rule.get("unit", "万元")
        right = Side([(1, query_term(where + ((rule["group_by"], v),), unit)) for v in values])
        left = Side.parse(rule["left"], unit, rule["id"])
        place, link = self.locate(_names_in(rule["left"])[0])
        return [self._instance(rule, "", rule["description"], left, right, place, link)]

    def _each_month(self, rule: dict) -> list[Instance]:
        year, last = self.paper.year, int(self.paper.period_end[5:])
        return [i for month in (f"{year}-{m:02d}" for m in range(1, last + 1))
                for i in self._filled(rule, month, {"month": month}, f"{month} 明细账")]

    def _each_fund(self, rule: dict) -> list[Instance]:
        funds = sorted({l.fund_source for l in self.paper.lines
                        if l.fund_source and l.direction in (INCOME, EXPENDITURE, FUNDS_HELD)})
        return [i for fund in funds
                for i in self._filled(rule, fund, {"fund": fund}, f"底稿（资金性质：{fund}）")]

    def _each_budget_class(self, rule: dict) -> list[Instance]:
        fund = rule["fund"]
        classes = ({b.function_code[:3] for b in self.paper.budget if b.fund_source == fund}
                   | {l.function_code[:3] for l in self.paper.lines
                      if l.direction == EXPENDITURE and l.fund_source == fund and l.function_code})
        return [i for code in sorted(classes)
                for i in self._filled(rule, code, {"class_code": code, "fund": fund,
                                                   "class_name": self.codebook.name(code)
                                                   or "（未知类）"},
                                      f"预算指标、底稿 {code} 类")]

    def _each_staffing(self, rule: dict) -> list[Instance]:
        """Every hand-typed total of the staffing sheet against the sum of its parts."""
        staff = self.paper.staffing
        parts = [s for s in staff if not s.is_typed_total]
        out = []
        for typed in (s for s in staff if s.is_typed_total):
            for field_name, total in staffing_fields(typed):
                if total is None:
                    continue
                left = Side([(1, self._data_cell(staffing_name(typed, field_name), total))])
                right = Side([(1, self._data_cell(staffing_name(p, field_name), value))
                              for p in parts
                              if (value := dict(staffing_fields(p))[field_name]) is not None])
                _, link = self.locate(staffing_name(typed, field_name))
                out.append(self._instance(rule, field_name,
                                          rule["description"].format(field=field_name),
                                          left, right, str(typed.source), link))
        return out

    def _data_cell(self, name: str, value) -> DataCell:
        sheet, row, col = self.data_cells[name]
        return DataCell(sheet, row, col, value, name)

    # -- families found by looking at the lines
    def _ledger_files(self) -> dict[str, list[int]]:
        """Line indexes per source file, for the files that are double-entry exports (they post
        the counterpart account, 8001 资金结存)."""
        marker = self.settings.get("double_entry_account", "8001")
        by_file: dict[str, list[int]] = defaultdict(list)
        for index, line in enumerate(self.paper.lines):
            if line.direction != OPENING:
                by_file[line.source.file].append(index)
        return {f: rows for f, rows in by_file.items()
                if any(self.paper.lines[i].account_code == marker for i in rows)}

    def _each_double_entry_file(self, rule: dict) -> list[Instance]:
        out = []
        for file, rows in sorted(self._ledger_files().items()):
            criteria = (("来源文件", file),)
            left = Side([(1, query_term(criteria, "元", "借方"))])
            right = Side([(1, query_term(criteria, "元", "贷方"))])
            out.append(self._instance(rule, file, rule["description"].format(file=file), left,
                                      right, file,
                                      f"{quote_sheet(WORKING_PAPER_SHEET)}!A{rows[0] + 2}"))
        return out

    def _each_voucher(self, rule: dict) -> list[Instance]:
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
            criteria = (("来源文件", file), ("单位", unit), ("期间", period), ("凭证号", voucher))
            line = self.paper.lines[first_row[key]]
            out.append(self._instance(
                rule, f"{unit} {period} {voucher}",
                rule["description"].format(voucher=voucher, unit=unit, period=period),
                Side([(1, query_term(criteria, "元", "借方"))]),
                Side([(1, query_term(criteria, "元", "贷方"))]),
                f"{line.source}（凭证 {voucher}）",
                f"{quote_sheet(WORKING_PAPER_SHEET)}!A{first_row[key] + 2}"))
        return out

    def _each_repeated_voucher(self, rule: dict) -> list[Instance]:
        """A voucher (unit, month, number) found in two files: most often one month exported
        twice (a 副本, or a year-to-date export beside the monthly ones), counted twice."""
        files: dict[tuple, dict[str, int]] = defaultdict(dict)
        for index, line in enumerate(self.paper.lines):
            if line.voucher and line.direction != OPENING:
                files[(line.unit, line.period, line.voucher)].setdefault(line.source.file, index)
        out = []
        for (unit, period, voucher), seen in sorted(files.items()):
            if len(seen) < 2:
                continue
            first_file, first_index = min(seen.items())
            voucher_criteria = (("单位", unit), ("期间", period), ("凭证号", voucher))
            left = Side([(1, Count(voucher_criteria))])
            right = Side([(1, Count(voucher_criteria + (("来源文件", first_file),)))])
            out.append(self._instance(
                rule, f"{unit} {period} {voucher}",
                rule["description"].format(voucher=voucher, unit=unit, period=period,
                                           files="」「".join(sorted(seen))),
                left, right, "、".join(f"{f}" for f in sorted(seen)),
                f"{quote_sheet(WORKING_PAPER_SHEET)}!A{first_index + 2}"))
        return out

    def _each_line(self, rule: dict) -> list[Instance]:
        columns = [c.key for c in WORKING_PAPER_COLUMNS]
        amount_col, mark_col = columns.index("金额"), columns.index("核对结果")
        out = []
        for index, line in enumerate(self.paper.lines):
            if not line.problems:
                continue
            row = index + 1
            fill = {"place": str(line.source), "problem": "；".join(line.problems)}
            out.append(Instance(
                rule, f"底稿第{row + 1}行", rule["description"].format(**fill),
                DataCell(WORKING_PAPER_SHEET, row, amount_col, line.amount), None,
                str(line.source), f"{quote_sheet(WORKING_PAPER_SHEET)}!A{row + 1}",
                verdict=FlagVerdict(WORKING_PAPER_SHEET, row, mark_col, "错误",
                                    line.check_mark)))
        return out


def load_rules(year: int) -> tuple[dict, list[dict]]:
    data = load_toml(year, "checks.toml")
    rules = data.get("rule", [])
    seen = set()
    for rule in rules:
        for key in ("id", "family", "severity", "description"):
            if key not in rule:
                raise TemplateError(f"checks.toml: a rule lacks {key}: {rule}")
        if rule["id"] in seen:
            raise TemplateError(f"checks.toml: duplicate rule id {rule['id']}")
        if rule["severity"] not in SEVERITIES:
            raise TemplateError(f"checks.toml {rule['id']}: severity must be one of {SEVERITIES}")
        seen.add(rule["id"])
    return data.get("settings", {}), rules


# ----------------------------------------------------------------------------- the sheet
HEADERS = [("编号", 26), ("类别", 6), ("检查内容", 54), ("左值", 14), ("右值", 14), ("差额", 12),
           ("比率", 9), ("结论", 7), ("级别", 6), ("单位", 5), ("位置", 34), ("处理办法", 44)]
SUMMARY_TOP = 3
DETAIL_HEADER = SUMMARY_TOP + len(SEVERITIES) + 3


def build_check_sheet(book: Workbook, paper: WorkingPaper) -> CheckSheet:
    settings, rules = load_rules(paper.year)
    planner = Planner(book, paper, settings)
    instances = planner.plan(rules)
    tail = Decimal(str(settings.get("tail", "0.01")))
    low, high = (Decimal(str(x)) for x in settings.get("budget_band", [0.9, 1.1]))

    sheet = Sheet(CHECK_SHEET, tab_color="#C00000")
    result = CheckSheet(sheet, not_checked=planner.not_checked)
    sheet.text(0, 0, f"核对表 — {paper.department} {paper.year}年度部门决算", "title")
    sheet.merge(0, 0, 0, len(HEADERS) - 1)
    sheet.text(1, 0, "结论：一致＝两边相等；尾差＝差额不超过 0.01 万元×独立舍入的加项数，系各数分别"
                     "四舍五入所致，不是错账；不符＝须处理。级别：错误必须更正，警告须在情况说明中"
                     "说明原因，提示供参考。左值、右值、差额、结论均为公式，改动底稿后随之重算。",
               "text")
    sheet.merge(1, 0, 1, len(HEADERS) - 1)
    sheet.row_heights[1] = 30

    first = DETAIL_HEADER + 1
    last = first + max(len(instances), 1) - 1
    verdict_col, severity_col = 7, 8
    for col, (header, width) in enumerate(HEADERS):
        sheet.text(DETAIL_HEADER, col, header, "header")
        sheet.col_widths[col] = width

    verdict_refs: list[tuple[Ref, str]] = []
    for offset, instance in enumerate(instances):
        row = first + offset
        rule = instance.rule
        unit = rule.get("unit", "万元")
        style = "count" if unit in ("人", "行") else "money"
        base = f"核对.{instance_id(instance)}"
        ids = {}
        sheet.text(row, 0, instance_id(instance), "cell_text")
        sheet.text(row, 1, rule["family"], "cell_text")
        sheet.text(row, 2, instance.description, "cell_text")
        if instance.left is not None:
            ids["left"] = base + ".左"
            sheet.formula(row, 3, ids["left"], instance.left, style)
        if instance.right is not None:
            ids["right"] = base + ".右"
            sheet.formula(row, 4, ids["right"], instance.right, style)
        compare = rule.get("compare", "equal")
        money = unit in ("万元", "元")  # counts of people or lines are not snapped to the fen
        if instance.verdict is not None:
            verdict = instance.verdict
        elif compare == "equal":
            ids["difference"] = base + ".差"
            difference = Linear(((1, Ref(ids["left"])), (-1, Ref(ids["right"]))))
            sheet.formula(row, 5, ids["difference"], Fen(difference) if money else difference,
                          style)
            per_addend = Decimal(str(rule["tail"])) if "tail" in rule else tail
            verdict = Verdict(Ref(ids["difference"]), per_addend, instance.addends)
        elif compare == "band":
            ids["difference"] = base + ".差"
            sheet.formula(row, 5, ids["difference"],
                          Fen(Linear(((1, Ref(ids["left"])), (-1, Ref(ids["right"]))))), style)
            ids["ratio"] = base + ".比"
            sheet.formula(row, 6, ids["ratio"], Ratio(Ref(ids["left"]), Ref(ids["right"])),
                          "percent")
            verdict = BandVerdict(Ref(ids["left"]), Ref(ids["right"]), low, high)
        elif compare == "at_least":
            verdict = AtLeastVerdict(Ref(ids["left"]), Ref(ids["right"]))
        else:
            raise TemplateError(f"checks.toml {rule['id']}: unknown compare {compare!r}")
        ids["verdict"] = base + ".结论"
        sheet.formula(row, verdict_col, ids["verdict"], verdict, "verdict")
        sheet.text(row, severity_col, rule["severity"], "cell_text")
        sheet.text(row, 9, unit, "cell_text")
        if instance.link:
            sheet.link(row, 10, instance.place, instance.link)
        else:
            sheet.text(row, 10, instance.place, "cell_text")
        sheet.text(row, 11, rule.get("advice", ""), "cell_text")
        verdict_refs.append((Ref(ids["verdict"]), rule["severity"]))
        result.rows.append((instance, ids))

    _summary(sheet, verdict_refs, first, last, verdict_col, severity_col)
    for offset, text in enumerate(planner.not_checked, start=2):
        sheet.text(last + offset, 0, "未核对", "cell_text")
        sheet.text(last + offset, 2, text, "cell_text")
    for text, style in (("不符", "bad"), ("尾差", "warn"), ("一致", "good")):
        sheet.highlights.append((first, verdict_col, last, verdict_col, text, style))
    sheet.freeze = (first, 3)
    sheet.autofilter = (DETAIL_HEADER, 0, last, len(HEADERS) - 1)
    sheet.repeat_rows = (DETAIL_HEADER, DETAIL_HEADER)
    sheet.print_area = (0, 0, last + 1 + len(planner.not_checked), len(HEADERS) - 1)
    return result


def _summary(sheet: Sheet, verdicts: list[tuple[Ref, str]], first: int, last: int,
             verdict_col: int, severity_col: int) -> None:
    """Counts per severity and verdict, as COUNTIFS over the rows below."""
    top = SUMMARY_TOP
    sheet.text(top - 1, 0, "汇总", "section")
    for col, header in enumerate(("级别", *VERDICTS, "合计")):
        sheet.text(top, col, header, "header")
    for r, severity in enumerate(SEVERITIES, start=1):
        sheet.text(top + r, 0, severity, "label")
        for c, verdict in enumerate(VERDICTS, start=1):
            sheet.formula(top + r, c, f"核对汇总.{severity}.{verdict}", CountRows(
                ((first, last, verdict_col, verdict), (first, last, severity_col, severity)),
                tuple((ref, sev) for ref, sev in verdicts)), "count")
        sheet.formula(top + r, len(VERDICTS) + 1, f"核对汇总.{severity}.合计", CountRows(
            ((first, last, severity_col, severity),),
            tuple((sev,) for _, sev in verdicts)), "count")
    total_row = top + len(SEVERITIES) + 1
    sheet.text(total_row, 0, "合计", "label_total")
    for c, verdict in enumerate(VERDICTS, start=1):
        sheet.formula(total_row, c, f"核对汇总.合计.{verdict}", CountRows(
            ((first, last, verdict_col, verdict),), tuple((ref,) for ref, _ in verdicts)),
            "count")
    sheet.formula(total_row, len(VERDICTS) + 1, "核对汇总.合计.合计",
                  Linear(tuple((1, Ref(f"核对汇总.合计.{v}")) for v in VERDICTS)), "count")
    sheet.names.append(("核对_错误数", "核对汇总.错误.不符"))


def findings_from_workbook(path) -> list[Finding]:
    """The findings of a workbook's 核对表 as the spreadsheet program last computed them (the
    cached values: fresh after Excel or WPS saved the file)."""
    import openpyxl

    from ..errors import InputError

    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable file is the same to the user
        raise InputError(f"无法打开工作簿：{error}", file=str(path),
                         hint="请给出 jdzxlsx 生成的 .xlsx 文件，或输入目录。") from None
    if CHECK_SHEET not in book.sheetnames:
        raise InputError(f"工作簿中没有「{CHECK_SHEET}」工作表。", file=str(path),
                         hint="请给出 jdzxlsx 生成的工作簿，或用输入目录重新核对。")
    rows = list(book[CHECK_SHEET].iter_rows(min_row=DETAIL_HEADER + 2, values_only=True))
    book.close()
    out = []
    for row in rows:
        if not row or not row[0]:
            continue
        row = list(row) + [None] * len(HEADERS)
        out.append(Finding(rule_id=row[0], family=row[1], description=row[2],
                           severity=row[8], verdict=row[7], left=row[3], right=row[4],
                           difference=row[5], unit=row[9], place=row[10] or "",
                           advice=row[11] or "", ratio=row[6]))
    if out and all(f.verdict is None for f in out):
        raise InputError("工作簿的核对表没有计算结果（文件由不计算公式的程序保存过）。",
                         file=str(path), sheet=CHECK_SHEET,
                         hint="用 Excel 或 WPS 打开该工作簿、保存后再核对，或对输入目录运行 check。")
    return out
