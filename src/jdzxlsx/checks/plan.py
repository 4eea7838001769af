"""Rules → 核对表 rows: each family (``each``) expands a rule over what this workbook holds.
Families over the tables and hand-kept sheets are here; those found by looking at the ledger
lines are in ledger.py, the review rules' in review.py, the 绩效自评 scorecard's in
performance.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from ..expr import Criterion, Data, Name, Node, Query, fill, fill_text, placeholders, queries
from ..model import Workbook, WorkbookContext, address, quote_sheet
from ..scoring import Scorecard
from ..tables import staffing_fields, staffing_name
from ..templates import Rule, Template
from ..working_paper import COLUMNS_OF, EXPENDITURE, UNMAPPED, WorkingPaper, period_key
from .instances import Instance, instance, linear, used_names, without
from .ledger import LedgerFamilies
from .performance import PerformanceFamilies
from .review import ReviewFamilies


class Planner(LedgerFamilies, ReviewFamilies, PerformanceFamilies):
    """Expands the template's rules over this workbook; names the workbook lacks make a row
    未核对 (with the reason) unless the rule counts them as 0."""

    def __init__(self, book: Workbook, context: WorkbookContext, paper: WorkingPaper,
                 template: Template, scorecard: Scorecard | None = None):
        self.book = book
        self.scorecard = scorecard          # the 绩效自评 sheet's scored lines (None: no sheet)
        self.context = context
        self.paper = paper
        self.template = template
        self.codebook = paper.functions or template.functions   # with the office's own list
        self.not_checked: list[str] = []

    def plan(self) -> list[Instance]:
        out: list[Instance] = []
        for rule in self.template.checks.rules:
            if rule.full_year_only and not self.paper.period_end.endswith("-12"):
                self.not_checked.append(f"{rule.id}：{rule.description}"
                                        f"（只核对全年数，本次期间至 {self.paper.period_end}）")
                continue
            before = len(self.not_checked)
            rows = getattr(self, f"_each_{rule.each or 'single'}")(rule)
            if rule.requires is not None and not self.present(rule):
                del self.not_checked[before:]        # the source is absent: nothing else counts
                self.absent(rule, rows)
                continue
            out.extend(rows)
        return out

    # -- 未核对 when what a rule checks against is absent (never a compare with 0)
    def present(self, rule: Rule) -> bool:
        """The rule's `requires` (a count of 底稿 or 预算指标 rows, say) is above 0."""
        value = self.context.evaluate(rule.requires)
        return isinstance(value, (int, Decimal)) and value > 0

    def absent(self, rule: Rule, rows: list[Instance], reason: str = "",
               because: str = "") -> None:
        """Every row the rule would have given is 未核对, with the rule's reason (``reason`` where
        it has none; ``because`` before it)."""
        why = because or rule.absent or reason
        if rows:
            self.not_checked.extend(f"{row.id}：{row.description}（{why}）" for row in rows)
            return
        blank = {name: "…" for name in placeholders(rule.description)}
        self.not_checked.append(f"{rule.id}：{fill_text(rule.description, blank)}（{why}）")

    def definable(self, name: str) -> bool:
        """Whether some table, input sheet or parameter of the template could define ``name``."""
        return self.template.defines(name)

    # -- one row
    def locate(self, name: str) -> tuple[str, str | None]:
        """Where a named cell is, in words and as a link target."""
        where = self.context.name_place(name)
        if where is None:
            return name, None
        sheet, row, col = where
        return f"{sheet} {address(row, col)}", f"{quote_sheet(sheet)}!{address(row, col)}"

    def compare(self, rule: Rule, key: str, description: str, left: Node | None,
                right: Node | None, place: str | None = None,
                values: dict | None = None) -> list[Instance]:
        """A row from the rule's sides (placeholders filled).  A name the workbook lacks is 0
        where the rule says so (a row the table does not print), else the row is 未核对."""
        used = used_names(left, right)
        missing = {n for n in used if not self.context.knows(n)}
        unknown = [n for n in used if n in missing and not self.definable(n)]
        if unknown:             # no table or input sheet could ever define it: a template fault
            raise rule.origin.error(f"规则 {rule.id}{f'[{key}]' if key else ''} 用到名称"
                                    f"「{unknown[0]}」，没有任何表、参数或输入表定义它。",
                                    expected="表样中定义的名称，如 公开01_本年收入合计")
        if missing and not rule.missing_is_zero:
            lacking = f"工作簿中没有 {'、'.join(sorted(missing, key=used.index))}"
            self.not_checked.append(f"{rule.id}{f'[{key}]' if key else ''}：{description}"
                                    f"（{f'{rule.absent}：' if rule.absent else ''}{lacking}）")
            return []
        if missing:
            left = without(left, missing) if left is not None else None
            right = without(right, missing) if right is not None else None
        first = next((n for n in used if n not in missing), None)
        link = None
        if rule.place is not None:
            where = fill_text(rule.place, values or {})
        elif place is not None:
            where = place
        elif first is not None:
            where, link = self.locate(first)
        else:
            where = ""
        return [instance(rule, key, description, left, right, where, link)]

    def filled(self, rule: Rule, key: str, values: dict, place: str | None = None,
               keys: dict | None = None):
        """A row with the placeholders filled: ``values`` in the words, ``keys`` (default the
        same) in the formulas — a period is 2020-05 to read, 2020年第05期 as a criterion."""
        keys = {**values, **(keys or {})}
        return self.compare(rule, key, fill_text(rule.description, values),
                            fill(rule.left, keys) if rule.left else None,
                            fill(rule.right, keys) if rule.right else None, place, values)

    # -- the families
    def _each_single(self, rule: Rule) -> list[Instance]:
        return self.compare(rule, "", rule.description, rule.left, rule.right)

    def table_rows(self, table: str) -> list[str]:
        """The row keys of a table as printed (合计 and 功能分类 codes, or row ids)."""
        return list(self.book.sheet(self.template.tables[table].code).row_keys)

    def _each_row(self, rule: Rule) -> list[Instance]:
        """Every row of the table; with ``side`` (a two-sided table), of that side only."""
        if rule.side is not None:
            layout = self.template.tables[rule.table]     # two-sided: checked on loading
            side = layout.sides[0 if rule.side == "left" else 1]
            keys = [r.id for r in side.body + side.tail if not r.blank]
        else:
            keys = self.table_rows(rule.table)
        return [i for key in keys for i in self.filled(rule, key, {"code": key, "row": key})]

    def _each_item(self, rule: Rule) -> list[Instance]:
        """Every item the rule lists ({item}): a column, a fund, a block of a table."""
        return [i for item in rule.items for i in self.filled(rule, item, {"item": item})]

    def _each_parent(self, rule: Rule) -> list[Instance]:
        prefix = self.template.tables[rule.table].name_prefix
        codes = [r for r in self.table_rows(rule.table) if r != "合计"]
        children: dict[str, list[str]] = defaultdict(list)
        for code in codes:
            parent = self.codebook.parent(code)
            children[parent if parent in codes else "合计"].append(code)
        out = []
        for parent, kids in children.items():
            for column in rule.columns:
                values = {"code": parent, "column": column}
                right = linear([(1, Name(f"{prefix}_{k}_{column}")) for k in kids])
                out.extend(self.compare(rule, f"{parent}/{column}",
                                        fill_text(rule.description, values),
                                        Name(f"{prefix}_{parent}_{column}"), right,
                                        values=values))
        return out

    def _each_class(self, rule: Rule) -> list[Instance]:
        classes = self.template.tables[rule.table].class_rows()
        if rule.right_each is not None and rule.items:     # per item: left = Σ over the classes
            return [i for item in rule.items for i in self.compare(
                rule, item, fill_text(rule.description, {"item": item}),
                fill(rule.left, {"item": item}),
                linear([(1, fill(rule.right_each, {"class_code": c, "class_name": n,
                                                   "item": item})) for c, n in classes]),
                values={"item": item})]
        if rule.right_each is not None:          # one row: left = Σ over the classes
            right = linear([(1, fill(rule.right_each, {"class_code": c, "class_name": n}))
                            for c, n in classes])
            return self.compare(rule, "", rule.description, rule.left, right)
        return [i for code, name in classes
                for i in self.filled(rule, code, {"class_code": code, "class_name": name})]

    # -- an economic table (公开06表: 类 and 款 of 支出经济分类, names {prefix}_{code})
    def printed_codes(self, rule: Rule) -> list[str]:
        """The 经济分类 codes the table prints, in print order — an item missing from the year's
        list but used by the lines too (公开06表 prints it, and its 类 counts it)."""
        return self.table_rows(rule.table)       # an economic table: checked on loading

    def _each_economic_parent(self, rule: Rule) -> list[Instance]:
        """Every printed 类 with printed 款 below it: 类 = Σ its printed 款.  {code}, {name}."""
        prefix = self.template.tables[rule.table].name_prefix
        economics = self.template.economics
        codes = self.printed_codes(rule)
        children: dict[str, list[str]] = defaultdict(list)
        for code in codes:
            parent = economics.parent(code)
            if parent in codes:
                children[parent].append(code)
        out = []
        for parent, kids in children.items():
            values = {"code": parent, "name": economics.name(parent) or ""}
            out.extend(self.compare(rule, parent, fill_text(rule.description, values),
                                    Name(f"{prefix}_{parent}"),
                                    linear([(1, Name(f"{prefix}_{k}")) for k in kids]),
                                    values=values))
        return out

    def _each_economic_class(self, rule: Rule) -> list[Instance]:
        """Every printed 类 but ``except_classes`` ({class_code}, {class_name}); with
        ``right_each``, one row: left = Σ right_each over them."""
        economics = self.template.economics
        classes = [(c, economics.name(c) or "") for c in self.printed_codes(rule)
                   if len(c) == economics.levels[0] and c not in rule.except_classes]
        if rule.right_each is not None:
            right = linear([(1, fill(rule.right_each, {"class_code": c, "class_name": n}))
                            for c, n in classes])
            return self.compare(rule, "", rule.description, rule.left, right)
        return [i for code, name in classes
                for i in self.filled(rule, code, {"class_code": code, "class_name": name})]

    def _each_group(self, rule: Rule) -> list[Instance]:
        """Right side: one independently rounded term per value of ``group_by``."""
        column = self.paper_column(rule.where.table, rule.group_by)
        digits = rule.group_digits
        values = sorted({str(column(row))[:digits] if digits else str(column(row))
                         for row in self.paper.matching(rule.where)})
        # a value shorter than the digits (a line without the code) is matched as it is:
        # "30*" would take in every 30x line
        right = linear([(1, Query(rule.where.table, rule.where.criteria
                                  + (Criterion(rule.group_by, v,
                                               prefix=bool(digits) and len(v) == digits),),
                                  rule.where.amount)) for v in values])
        return self.compare(rule, "", rule.description, rule.left, right)

    def paper_column(self, table: str, key: str):
        return COLUMNS_OF[table][key].value

    def _each_month(self, rule: Rule) -> list[Instance]:
        year, last = self.paper.year, int(self.paper.period_end[5:])
        return [i for month in (f"{year}-{m:02d}" for m in range(1, last + 1))
                for i in self.filled(rule, month, {"month": month}, f"{month} 明细账",
                                     keys={"month": period_key(month)})]

    def _each_fund(self, rule: Rule) -> list[Instance]:
        """Every 资金性质 of the 底稿 — of the year's lines and of the balance lines too: a fund
        with only a carry-over from last year must still end the year where it began."""
        funds = sorted({l.fund_source for l in self.paper.lines
                        if l.fund_source and l.direction != UNMAPPED})
        rows = [i for fund in funds
                for i in self.filled(rule, fund, {"fund": fund}, f"底稿（资金性质：{fund}）")]
        unfunded = self._without_fund(rule)
        if unfunded:            # their amount belongs to no fund's row: no row can be right
            self.absent(rule, rows, because=f"{len(unfunded)} 行没有资金性质（如 "
                        f"{unfunded[0].source}），不能按资金性质核对：请导出带资金性质的账或余额表")
            return []
        return rows

    def _without_fund(self, rule: Rule) -> list:
        """The lines a per-fund rule's queries would take but for their 资金性质, which is empty."""
        found: dict[int, object] = {}
        for query in [q for side in (rule.left, rule.right) if side is not None
                      for q in queries(side)]:
            loose = replace(query, criteria=tuple(c for c in query.criteria
                                                  if "{fund}" not in c.value))
            found.update((id(l), l) for l in self.paper.matching(loose) if not l.fund_source)
        return list(found.values())

    def _each_budget_class(self, rule: Rule) -> list[Instance]:
        fund = rule.fund
        # a line without a code is listed by S7; a budget row without one has no 类 to compare
        uncoded = [b for b in self.paper.budget if b.fund_source == fund
                   and len(b.function_code) < 3]
        if uncoded:
            self.not_checked.append(f"{rule.id}：预算指标中有 {len(uncoded)} 行没有支出功能分类科目"
                                    f"（如 {uncoded[0].source}），这些预算未按类核对")
        classes = ({b.function_code[:3] for b in self.paper.budget
                    if b.fund_source == fund and len(b.function_code) >= 3}
                   | {l.function_code[:3] for l in self.paper.lines
                      if l.direction == EXPENDITURE and l.fund_source == fund
                      and len(l.function_code) >= 3})
        return [i for code in sorted(classes)
                for i in self.filled(rule, code, {"class_code": code, "fund": fund,
                                                  "class_name": self.codebook.name(code)
                                                  or "（未知类）"},
                                     f"预算指标、底稿 {code} 类")]

    def _each_staffing(self, rule: Rule) -> list[Instance]:
        """Every hand-typed total of the staffing sheet against the sum of its parts."""
        staff = self.paper.staffing
        parts = [s for s in staff if not s.is_typed_total]
        data = self.book.data_names()
        out = []

        def cell(name: str) -> Data:
            sheet, row, col, value = data[name]
            return Data(sheet, row, col, value, name)

        if not any(s.is_typed_total for s in staff):
            self.absent(rule, [], "基础信息中没有人员编制表的手填合计行")
            return []
        for typed in (s for s in staff if s.is_typed_total):
            for field_name, total in staffing_fields(typed):
                if total is None:
                    continue
                right = linear([(1, cell(staffing_name(p, field_name))) for p in parts
                                if dict(staffing_fields(p))[field_name] is not None])
                _, link = self.locate(staffing_name(typed, field_name))
                out.append(instance(rule, field_name,
                                    fill_text(rule.description, {"field": field_name}),
                                    cell(staffing_name(typed, field_name)), right,
                                    str(typed.source), link))
        return out

