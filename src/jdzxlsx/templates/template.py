"""One ``Template`` per year: every file of templates/<year>/ read once, validated, and handed
to every stage.  A folder may extend another (template.toml: base = 2020): files it has replace
the base's, its check rules are added to the base's (a rule with the same id replaces it).

Validation stops the build (TemplateError, exit 2) naming file and line: an unknown key, an
unknown family or verdict kind, a malformed formula, a query over an unknown column, a name used
but defined by no table, parameter or input sheet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..classification import ECONOMIC_LEVELS, FUNCTION_LEVELS, Codebook, codebook_from_rows
from ..expr import Node, Query, fill, names, queries
from .common import Origin, Section
from ..errors import TemplateError
from .files import TomlFile, display, fingerprint, read_csv, read_toml, year_dir
from .layouts import TableLayout, read_layout
from .performance import PerformanceTemplate, read_performance, validate_performance
from .rules import (DEFAULT_BINDINGS, ROW_BINDINGS, CheckRules, Rule, compare_names, read_rule,
                    read_settings)

WORKBOOK_KEYS = {"tables", "sheet_descriptions", "key_figures", "input_names", "one_page_rows"}
ACCOUNT_KEYS = {"code", "name", "direction", "category", "side", "fund_source", "carried",
                "debit_flow", "funds"}
DIRECTIONS = ("收入", "支出", "资金结存", "结转结余")   # 底稿「方向」 an account may give
SIDES = ("借", "贷")


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    direction: str
    category: str
    side: str                       # 借 / 贷
    fund_source: str | None = None  # fixed by the account, else the line's own
    carried: bool = False           # its balances are 年初/年末结转和结余 (8101 8102 8201 8401)
    debit_flow: str | None = None   # a debit posting in the year is this flow (使用非财政拨款结余 …)
    funds: tuple[str, ...] = ()     # the 资金性质 a line of this account may carry


@dataclass(frozen=True)
class YearEndEntries:
    """How a 年终结转 voucher is recognised (accounts.toml [year_end]): every line on a budget
    account (income, expense) or a carry-over account, at least one carry-over line and no
    funds-held line; or, where an export gives no voucher numbers, a line debiting income or
    crediting expense whose 摘要 holds one of ``summary_words``."""

    carry_over_prefixes: tuple[str, ...]
    budget_prefixes: tuple[str, ...]
    summary_words: tuple[str, ...]


@dataclass
class Template:
    year: int
    folders: list[Path]
    version: str
    tables: dict[str, TableLayout]
    checks: CheckRules
    accounts: dict[str, Account]
    fund_groups: dict[str, tuple[str, ...]]
    functions: Codebook
    economics: Codebook
    sheet_descriptions: dict[str, str] = field(default_factory=dict)
    key_figures: list[tuple[str, str]] = field(default_factory=list)
    input_names: list[str] = field(default_factory=list)
    project_categories: dict[str, str] = field(default_factory=dict)
    year_end: YearEndEntries = YearEndEntries((), (), ())
    performance: PerformanceTemplate | None = None      # 绩效.toml: the 绩效自评 sheet

    @property
    def funds(self) -> tuple[str, ...]:
        """The canonical 资金性质 values (the 全部 group of accounts.toml)."""
        return self.fund_groups["全部"]

    def name_patterns(self) -> list[str]:
        return ([n for t in self.tables.values() for n in t.defined_names()]
                + self.input_names + list(self.checks.parameters)
                + (self.performance.defined_names() if self.performance else []))

    def defines(self, name: str) -> bool:
        """Whether some table, input sheet or parameter can define ``name``; {x} in either
        stands for any text."""
        return any(_may_match(name, pattern) for pattern in self.name_patterns())


@lru_cache(maxsize=4096)
def _pattern(text: str) -> re.Pattern:
    return re.compile("^" + ".+".join(re.escape(p) for p in re.split(r"\{[^{}]+\}", text)) + "$")


@lru_cache(maxsize=4096)
def _sample(text: str) -> str:
    return re.sub(r"\{[^{}]+\}", "\x00", text)


def _may_match(name: str, pattern: str) -> bool:
    # a template checks a few hundred names against a few hundred patterns: compiled once each
    return bool(_pattern(pattern).match(_sample(name)) or _pattern(name).match(_sample(pattern)))


# ----------------------------------------------------------------------------- loading
def _chain(folder: Path) -> list[Path]:
    """The folder and the folders it extends, nearest first."""
    chain = [folder]
    while (chain[-1] / "template.toml").is_file():
        top = _top(read_toml(chain[-1] / "template.toml"))
        top.only({"base"}, "template.toml ")
        base = top.require("base", (int, str), "template.toml ")
        if not re.fullmatch(r"(19|20)\d{2}", str(base)):
            raise top.origin("base").error(f"base = {base!r} 不是年度。",
                                           expected="随 jdzxlsx 安装的年度模板，如 base = 2020")
        chain.append(year_dir(base))
        if len(chain) > 10 or chain[-1] in chain[:-1]:
            raise top.origin("base").error("模板的 base 形成了循环。")
    return chain


def _find(chain: list[Path], name: str) -> Path:
    for folder in chain:
        if (folder / name).is_file():
            return folder / name
    return chain[0] / name           # read_toml reports it missing


def _top(file: TomlFile) -> Section:
    return Section(file, "", 0, file.data)


def load_template(year: int, folder: Path | None = None,
                  query_tables: dict[str, set[str]] | None = None) -> Template:
    """Read and validate the template of ``year`` (or of ``folder``, which may extend a year).
    ``query_tables``: the input tables formulas may query, with their columns."""
    chain = _chain(Path(folder) if folder else year_dir(year))
    functions = _codebook(chain, "支出功能分类.csv", FUNCTION_LEVELS, year)
    economics = _codebook(chain, "支出经济分类.csv", ECONOMIC_LEVELS, year)

    settings: dict = {}
    descriptions: dict[str, str] = {}
    for path in reversed([f / "workbook.toml" for f in chain if (f / "workbook.toml").is_file()]):
        top = _top(read_toml(path))
        top.only(WORKBOOK_KEYS, "workbook.toml ")
        descriptions.update(top.get("sheet_descriptions", dict, {}))
        top.texts("tables")
        top.texts("input_names")
        settings.update({k: (v, top) for k, v in top.data.items()})
    if "tables" not in settings:
        raise _top(read_toml(_find(chain, "workbook.toml"))).origin().error("缺少 tables 列表。")
    tables: dict[str, TableLayout] = {}
    for name in settings["tables"][0]:
        layout = read_layout(_top(read_toml(_find(chain, f"tables/{name}.toml"))), functions,
                             economics)
        for other in tables.values():
            if layout.code == other.code or layout.name_prefix == other.name_prefix:
                raise layout.origin.error(f"表「{layout.code}」的 code 或 name_prefix 与"
                                          f"「{other.code}」相同。")
        tables[name] = layout
    if "one_page_rows" in settings:
        value, top = settings["one_page_rows"]
        if not isinstance(value, int) or isinstance(value, bool) or not 10 <= value <= 80:
            raise top.origin("one_page_rows").error(f"one_page_rows = {value!r} 不合理。",
                                                    expected="10 到 80 之间的整数，如 40")
        for layout in tables.values():
            layout.one_page_rows = value
    key_figures = []
    if "key_figures" in settings:
        key_top = settings["key_figures"][1]
        for item in key_top.items("key_figures"):
            item.only({"cell", "label"}, "key_figures ")
            key_figures.append((item.require("cell"), item.require("label"), item.origin("cell")))

    checks = None
    rules: list[Rule] = []
    for path in reversed([f / "checks.toml" for f in chain if (f / "checks.toml").is_file()]):
        top = _top(read_toml(path))
        top.only({"settings", "parameter", "compare", "rule"}, "checks.toml ")
        checks = read_settings(top, checks)
        seen_here: set[str] = set()
        for item in top.items("rule"):
            rule = read_rule(item, checks)
            if rule.id in seen_here:
                raise rule.origin.error(f"规则编号 {rule.id} 重复。")
            seen_here.add(rule.id)
            ids = [r.id for r in rules]
            if rule.id in ids:           # an extending template replaces the base's rule
                rules[ids.index(rule.id)] = rule
            else:
                rules.append(rule)
    if checks is None:
        raise TemplateError("模板文件缺失。", file=display(chain[0] / "checks.toml"))
    checks.rules = rules

    accounts_top = _top(read_toml(_find(chain, "accounts.toml")))
    accounts_top.only({"fund_groups", "account", "project_categories", "year_end"},
                      "accounts.toml ")
    groups = {k: tuple(v) for k, v in accounts_top.get("fund_groups", dict, {}).items()}
    accounts = {}
    for item in accounts_top.items("account"):
        item.only(ACCOUNT_KEYS, "科目 ")
        for key, allowed in (("direction", DIRECTIONS), ("side", SIDES)):
            if item.require(key, str, "科目 ") not in allowed:
                raise item.origin(key).error(f"{key} = {item.get(key)!r} 无法理解。",
                                             expected="、".join(allowed))
        group = item.get("funds", str, "全部")
        if group not in groups:
            raise item.origin("funds").error(f"资金性质组「{group}」没有定义。",
                                             expected="、".join(groups))
        accounts[item.require("code")] = Account(
            item.require("code"), item.require("name"), item.require("direction"),
            item.require("category"), item.require("side"), item.get("fund_source"),
            item.get("carried", bool, False), item.get("debit_flow"), groups[group])
    project_categories = _project_categories(accounts_top)
    year_end = _year_end(accounts_top)

    template = Template(year, chain, fingerprint(chain, str(year)), tables, checks, accounts,
                        groups, functions, economics, descriptions,
                        [(cell, label) for cell, label, _ in key_figures],
                        list(settings.get("input_names", ([], None))[0]),
                        project_categories, year_end,
                        read_performance(_top(read_toml(_find(chain, "绩效.toml")))))
    _validate(template, query_tables)
    for cell, label, origin in key_figures:
        if not template.defines(cell.replace(".", "_")):
            raise origin.error(f"key_figures 中的单元格「{cell}」（{label}）没有任何表定义。")
    return template


def _project_categories(top: Section) -> dict[str, str]:
    """一体化 项目类别 → 基本支出 / 项目支出."""
    table = top.get("project_categories", dict, {})
    for category, kind in table.items():
        if kind not in ("基本支出", "项目支出"):
            raise top.origin("project_categories").error(
                f"项目类别「{category}」对应的「{kind}」无法理解。", expected="基本支出、项目支出")
    return dict(table)


def _year_end(top: Section) -> YearEndEntries:
    if "year_end" not in top.data:
        return YearEndEntries((), (), ())
    section = top.sub("year_end")
    section.only({"carry_over_accounts", "budget_accounts", "summary_words"}, "year_end ")
    return YearEndEntries(tuple(section.texts("carry_over_accounts")),
                          tuple(section.texts("budget_accounts")),
                          tuple(section.texts("summary_words")))


def _codebook(chain: list[Path], name: str, levels: tuple[int, ...], year: int) -> Codebook:
    path = _find(chain, name)
    rows = read_csv(path)
    if rows and not {"编码", "名称"} <= set(rows[0]):
        raise TemplateError("编码表的表头应为「编码,名称」。", file=display(path), line=1)
    return codebook_from_rows(rows, levels, year)


# ----------------------------------------------------------------------------- validation
def _validate(template: Template, query_tables: dict[str, set[str]] | None) -> None:
    for kind in template.checks.compare.values():
        compare_names(kind, template.checks.parameters)
    for layout in template.tables.values():
        for node, origin in layout.formulas():
            _check_queries(node, origin, query_tables)
        for name in layout.form.external_names():
            if not any(_may_match(name, pattern) for pattern in template.input_names):
                raise layout.origin.error(f"表「{layout.code}」的公式用到名称「{name}」，"
                                          "它既不是本表的栏或行，也不是输入表定义的名称。",
                                          expected="workbook.toml 的 input_names 中的名称")
    table_names = [n for t in template.tables.values() for n in t.defined_names()]
    validate_performance(template.performance, {t.code for t in template.tables.values()},
                         lambda name: any(_may_match(name, p)
                                          for p in table_names + template.input_names),
                         lambda node, origin: _check_queries(node, origin, query_tables))
    for rule in template.checks.rules:
        _check_rule(template, rule, query_tables)
    for parameter in template.checks.parameters.values():
        if any(_may_match(parameter.name, n) for n in table_names + template.input_names):
            raise parameter.origin.error(f"参数名「{parameter.name}」与表或输入表定义的名称相同。")


def _check_queries(node: Node, origin: Origin, query_tables: dict[str, set[str]] | None) -> None:
    if query_tables is None:
        return
    for query in queries(node):
        if query.table not in query_tables:
            raise origin.error(f"查询的表「{query.table}」不存在。",
                               expected="、".join(query_tables))
        columns = query_tables[query.table]
        used = [c.column for c in query.criteria] + ([query.amount] if isinstance(query, Query)
                                                     else [])
        for column in used:
            if column not in columns:
                raise origin.error(f"表「{query.table}」没有「{column}」列。",
                                   expected="、".join(sorted(columns)))


class _OnlyItem(dict):
    """Fills {item}; every other placeholder stays as written (filled per row at build)."""

    def __init__(self, item: str):
        super().__init__(item=item)

    def __contains__(self, key) -> bool:
        return True

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _check_rule(template: Template, rule: Rule, query_tables) -> None:
    conditions = [("requires", rule.requires)] if rule.requires is not None else []
    for key, node in rule.formulas() + conditions:
        _check_queries(node, rule.at(key), query_tables)
        for name in names(node):
            if not template.defines(name):
                raise rule.at(key).error(f"规则 {rule.id} 的「{key}」用到名称「{name}」，"
                                        "没有任何表、参数或输入表定义它。",
                                        expected="表样中定义的名称，如 公开01_本年收入合计")
    for item in rule.items:             # each item fills {item}: the names it makes must exist
        for key, node in rule.formulas():
            for name in names(fill(node, _OnlyItem(item))):
                if not template.defines(name):
                    raise rule.at("items").error(f"规则 {rule.id} 的 items 中的「{item}」使「{key}」"
                                                 f"用到名称「{name}」，没有任何表或输入表定义它。")
    if rule.where is not None:
        _check_queries(rule.where, rule.at("where"), query_tables)
        if (query_tables and rule.group_by is not None
                and rule.group_by not in query_tables[rule.where.table]):
            raise rule.origin.error(f"group_by「{rule.group_by}」不是表「{rule.where.table}」的列。")
    kind = template.checks.compare[rule.compare]
    bound = ROW_BINDINGS.get(rule.each, DEFAULT_BINDINGS)
    for column, node in kind.columns.items():
        for name in names(node):
            if name in ("左", "右", "标记") and name not in bound:
                raise rule.at("compare").error(
                    f"规则 {rule.id} 的结论种类「{kind.name}」的「{column}」用到「{name}」，"
                    f"{'不展开的规则' if rule.each is None else 'each = ' + repr(rule.each)}"
                    "没有这一项。", expected="、".join(sorted(bound)))
    if rule.table is not None:
        layout = template.tables.get(rule.table)
        if layout is None:
            raise rule.origin.error(f"规则 {rule.id} 的 table「{rule.table}」不在工作簿中。",
                                    expected="、".join(template.tables))
        if rule.each == "class" and not layout.class_rows():
            raise rule.origin.error(f"each = \"class\" 的 table 应为有 body_classes 的两栏式表，"
                                    f"{rule.table} 不是。")
        if rule.each == "parent" and layout.layout != "classification":
            raise rule.origin.error(f"each = \"parent\" 的 table 应为分类表，{rule.table} 不是。")
        wanted = {"economic_parent": "economic", "economic_class": "economic"}.get(rule.each)
        if rule.side is not None:
            wanted = "two_sided"
        if wanted is not None and layout.layout != wanted:
            raise rule.origin.error(f"规则 {rule.id} 的 table 应为 {wanted} 表样，"
                                    f"{rule.table} 是 {layout.layout}。")
        known = {c.id for c in layout.columns}
        for column in rule.columns:
            if column not in known:
                raise rule.origin.error(f"表 {rule.table} 没有栏「{column}」。",
                                        expected="、".join(sorted(known)))
