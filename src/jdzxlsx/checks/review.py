"""Families of the review rules a 久其 审核 would run: over the budget units of the 预算单位
sheet (a unit's kind against the accounts it uses), over the 功能分类 项 of a given name
(行政运行, 事业运行), and over the (source file, account) pairs of some 底稿 lines (income
exported without its 功能分类)."""

from __future__ import annotations

from ..expr import Count, Criterion, Query, fill, fill_text
from ..model import quote_sheet
from ..templates import Rule
from ..working_paper import WORKING_PAPER_SHEET, text_key
from .instances import Instance, instance

PAPER = WORKING_PAPER_SHEET


class ReviewFamilies:
    """Mixed into the Planner: ``self.paper``, ``self.codebook``, ``filled``, ``absent``."""

    def _each_unit(self, rule: Rule) -> list[Instance]:
        """Every unit of the 决算 (预算单位 sheet, 纳入) whose kind the rule selects: of
        ``unit_kinds``, or of any kind but ``other_unit_kinds``.  {unit}, {kind}."""
        units = [u for u in self.paper.units if u.included]
        if not units:
            self.absent(rule, [], "基础信息中没有预算单位表（单位类型）")
            return []
        chosen = [u for u in units if (u.kind in rule.unit_kinds if rule.unit_kinds
                                       else u.kind not in rule.other_unit_kinds)]
        return [i for u in chosen
                for i in self.filled(rule, u.name, {"unit": u.name, "kind": u.kind or "类型未填"},
                                     f"底稿（单位：{u.name}）")]

    def _each_function_name(self, rule: Rule) -> list[Instance]:
        """Every 功能分类 项 the 底稿 uses whose name in the code list is one of
        ``function_names`` (行政运行 is 2010101, 2010201 … in every 款).  {code}, {name}."""
        wanted = set(rule.function_names)
        codes = sorted({l.function_code for l in self.paper.lines
                        if self.codebook.name(l.function_code) in wanted})
        return [i for code in codes
                for i in self.filled(rule, code, {"code": code, "name": self.codebook.name(code)},
                                     f"底稿（功能分类科目 {code}）")]

    def _each_file_account(self, rule: Rule) -> list[Instance]:
        """The lines of ``where``, once per source file and account: left = their amount
        (SUMIFS), or how many they are (COUNTIFS) in a rule counting 行; {lines} and {amount} say
        both in the description; the rule writes the right side."""
        wanted = {id(line) for line in self.paper.matching(rule.where)}
        seen: dict[tuple[str, str], list[int]] = {}
        for index, line in enumerate(self.paper.lines):
            if id(line) in wanted:        # by identity: two equal lines of a file are two lines
                seen.setdefault((line.source.file, line.account_code), []).append(index)
        out = []
        for (file, account), rows in sorted(seen.items()):
            amount = sum(self.paper.lines[i].amount for i in rows)
            values = {"file": file, "account": account, "lines": str(len(rows)),
                      "amount": f"{amount:,.2f}"}
            criteria = rule.where.criteria + (Criterion("来源文件", text_key(file)),
                                              Criterion("会计科目", account))
            left = (Count(PAPER, criteria) if rule.unit == "行"
                    else Query(PAPER, criteria, rule.where.amount))
            out.append(instance(rule, f"{file} {account}", fill_text(rule.description, values),
                                left,
                                fill(rule.right, values), f"{file}（{len(rows)} 行）",
                                f"{quote_sheet(PAPER)}!A{rows[0] + 2}"))
        return out
