"""The 绩效自评 template (templates/<year>/绩效.toml) read into typed, validated objects: the
sheet's name and title, full marks and grade bands, the 达成程度 bands of qualitative
indicators, the measures (rates computed from 底稿, 预算指标 and 基础信息) and the indicators the
template scores by rule.  Everything is data; scoring/ turns it into formulas."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..expr import placeholders
from .common import Origin, Section, valid_name
from .measures import (MONTH_NAME, PREFIX, Measure, Within, measure_names, order_measures,
                       read_measure)

TOP_KEYS = {"sheet", "title", "full_marks", "bare_fraction_limit", "grade", "band", "describe", "measure", "indicator"}
GRADE_KEYS = {"name", "from"}
BAND_KEYS = {"words", "low", "high"}
INDICATOR_KEYS = {"names", "measure", "rule"}

# rule kind → its parameters (numbers of the template)
KINDS: dict[str, tuple[str, ...]] = {
    "linear": ("from", "to"), "at_most": ("limit", "deduct"), "proportional": (),
    "at_least_target": (), "at_most_target": (), "qualitative": (), "judged": (),
}
# the texts of 评分规则 besides the kinds': a measure or a figure the rule needs is missing
DESCRIBE_EXTRA = ("fallback",)
# fields of the defined names (绩效_指标{n}_…, 绩效_二级{n}_…, 绩效_一级{n}_…, 绩效_总计_…)
INDICATOR_FIELDS = ("分值", "得分", "得分率", "自评得分", "手填得分率", "实际值", "目标值",
                    "单位所填比率")
GROUP_FIELDS = ("分值", "得分", "得分率", "手填分值", "手填得分", "手填得分率")
SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")


@dataclass(frozen=True)
class Grade:
    name: str                       # 优 / 良 / 中 / 差
    lower: Decimal                  # the least total score of the grade


@dataclass(frozen=True)
class Band:
    """A 达成程度 and the share of the weight its score lies within."""

    words: tuple[str, ...]
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Rule:
    kind: str
    params: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class IndicatorRule:
    names: tuple[str, ...]          # as written, the first the indicator's usual name
    measure: str | None
    rule: Rule
    origin: Origin


# a leading ordinal (1. 1、 1． （1） (1) 一、 （一） (一)) and a trailing unit (% （%） (%)) of a name
ORDINAL = re.compile(r"^(?:\d+[.、．]|[（(]\d+[）)]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
UNIT_SUFFIX = re.compile(r"(?:[（(][%％][）)]|[%％])$")


def fold(text: str) -> str:
    """An indicator's name for matching: no spaces, quotes or brackets, no leading ordinal and
    no trailing unit (“三公经费”控制率 → 三公经费控制率; 1.预算完成率（%） → 预算完成率)."""
    text = re.sub(r"\s", "", text)
    text = UNIT_SUFFIX.sub("", ORDINAL.sub("", text))
    return re.sub(r"[\"'“”‘’「」『』()（）\[\]【】《》〈〉]", "", text)


@dataclass
class PerformanceTemplate:
    sheet: str
    title: str                      # {unit_label} {year}
    full_marks: Decimal
    # a bare number (no %) is a rate, a per-cent cell's fraction (128.73 % stored 1.2873), only
    # up to this; beyond it, a per cent typed without its sign (3 under ≤5 %): said, not guessed
    bare_fraction_limit: Decimal
    grades: tuple[Grade, ...]       # best first; the last starts at 0
    bands: tuple[Band, ...]
    describe: dict[str, str]        # rule kind (and "fallback") → 评分规则 text
    measures: dict[str, Measure]    # in the order printed (a measure after those it uses)
    indicators: list[IndicatorRule]
    origin: Origin                  # of its sheet = …

    def rule_for(self, name: str) -> IndicatorRule | None:
        folded = fold(name)
        return next((i for i in self.indicators if folded in {fold(n) for n in i.names}), None)

    def defined_names(self) -> list[str]:
        """The names the 绩效自评 sheet may define ({n}: a number)."""
        out = [f"{PREFIX}指标{{n}}_{f}" for f in INDICATOR_FIELDS]
        out += [f"{PREFIX}{g}{{n}}_{f}" for g in ("二级", "一级") for f in GROUP_FIELDS]
        out += [f"{PREFIX}总计_{f}" for f in GROUP_FIELDS]
        out += [f"{PREFIX}等级", f"{PREFIX}手填等级", f"{PREFIX}满分", MONTH_NAME]
        out += [f"{PREFIX}等级_{g.name}" for g in self.grades if g.lower > 0]
        return out + [n for m in self.measures for n in measure_names(m)]


# ----------------------------------------------------------------------------- reading
def read_performance(top: Section) -> PerformanceTemplate:
    top.only(TOP_KEYS, "绩效.toml ")
    sheet = top.require("sheet", str, "绩效.toml ")
    if not sheet.strip() or len(sheet) > 31 or SHEET_CHARS.search(sheet):
        raise top.origin("sheet").error(f"工作表名「{sheet}」不合 Excel 的规则。",
                                        expected="不超过 31 个字，不含 [ ] : * ? / \\ '")
    title = top.require("title", str, "绩效.toml ")
    for key in placeholders(title):
        if key not in ("unit_label", "year"):
            raise top.origin("title").error(f"title 中的「{{{key}}}」不会被填写。",
                                            expected="{unit_label}、{year}")
    full = _number(top, "full_marks", "绩效.toml ")
    if full <= 0:
        raise top.origin("full_marks").error(f"full_marks = {full} 应大于 0。", expected="100")
    limit = _number(top, "bare_fraction_limit", "绩效.toml ")
    if limit <= 0:
        raise top.origin("bare_fraction_limit").error(f"bare_fraction_limit = {limit} 应大于 0。",
                                                      expected="1.5")
    grades = _grades(top, full)
    spec = PerformanceTemplate(sheet, title, full, limit, grades, _bands(top), _describe(top), {}, [],
                               top.origin("sheet"))
    for item in top.items("measure"):
        measure = read_measure(item)
        if measure.id in spec.measures:
            raise item.origin("id").error(f"比率 id「{measure.id}」重复。")
        spec.measures[measure.id] = measure
    order_measures(spec.measures)
    seen: dict[str, Origin] = {}
    for item in top.items("indicator"):
        indicator = _indicator(item, spec)
        for name in indicator.names:
            if fold(name) in seen:
                raise item.origin("names").error(f"指标名「{name}」在 {seen[fold(name)]} 已经列过。")
            seen[fold(name)] = item.origin("names")
        spec.indicators.append(indicator)
    return spec


def _number(section: Section, key: str, what: str, required: bool = True) -> Decimal:
    value = section.require(key, (int, float), what) if required else section.get(key, (int, float))
    if isinstance(value, float) and not math.isfinite(value):
        raise section.origin(key).error(f"「{key}」的值 {value!r} 不是有限的数。")
    return Decimal(str(value))


def _grades(top: Section, full: Decimal) -> tuple[Grade, ...]:
    grades = []
    for item in top.items("grade"):
        item.only(GRADE_KEYS, "评价等级")
        grade = Grade(item.require("name", str, "评价等级"), _number(item, "from", "评价等级"))
        if not valid_name(f"{PREFIX}等级_{grade.name}") or not grade.name.strip():
            raise item.origin("name").error(f"等级名「{grade.name}」不能用作 Excel 名称的一部分。",
                                            expected="优、良、中、差 这样的文字")
        if not 0 <= grade.lower <= full:
            raise item.origin("from").error(f"等级「{grade.name}」的下限 {grade.lower} 不在 0 到满分"
                                            f" {full} 之间。")
        if grades and (grade.lower >= grades[-1].lower or grade.name in {g.name for g in grades}):
            raise item.origin("from").error("等级应从高到低排列，下限逐级降低，名称不重复。",
                                            expected="优 90、良 80、中 60、差 0")
        grades.append(grade)
    if not grades or grades[-1].lower != 0:
        raise top.origin("grade").error("最低的等级应从 0 分起（[[grade]] 的最后一项 from = 0）。")
    return tuple(grades)


def _bands(top: Section) -> tuple[Band, ...]:
    bands, words = [], set()
    for item in top.items("band"):
        item.only(BAND_KEYS, "达成程度")
        band = Band(tuple(item.texts("words")), _number(item, "low", "达成程度"),
                    _number(item, "high", "达成程度"))
        if not band.words or any(not w.strip() for w in band.words):
            raise item.origin("words").error("达成程度的 words 不能为空。",
                                             expected='["完全达成", "达成"]')
        if words & set(band.words):
            raise item.origin("words").error(f"「{'、'.join(words & set(band.words))}」已在另一档列过。")
        words |= set(band.words)
        if not 0 <= band.low < band.high <= 1:
            raise item.origin("low").error(f"得分区间 {band.low}—{band.high} 不合理。",
                                           expected="0 ≤ low < high ≤ 1（分值的比例），如 0.8 与 1")
        bands.append(band)
    return tuple(bands)


def _describe(top: Section) -> dict[str, str]:
    section = top.sub("describe")
    wanted = set(KINDS) | set(DESCRIBE_EXTRA)
    section.only(wanted, "describe ")
    texts = {}
    for key in sorted(wanted):
        text = section.require(key, str, "describe ")
        allowed = {*KINDS.get(key, ()), *(("band", "low", "high") if key == "qualitative" else ()),
                   *(("reason",) if key == "fallback" else ())}
        for name in placeholders(text):
            if name not in allowed:
                raise section.origin(key).error(f"describe.{key} 中的「{{{name}}}」不会被填写。",
                                                expected="、".join("{" + a + "}" for a in sorted(allowed))
                                                or "不写占位符")
        texts[key] = text
    return texts


def _indicator(item: Section, spec: PerformanceTemplate) -> IndicatorRule:
    item.only(INDICATOR_KEYS, "指标 ")
    indicator_names = item.texts("names")
    if not indicator_names or any(not fold(n) for n in indicator_names):
        raise item.origin("names").error("指标的 names 不能为空。", expected='["预算完成率"]')
    measure = item.get("measure", str)
    if measure is not None and measure not in spec.measures:
        raise item.origin("measure").error(f"没有 id 为「{measure}」的比率。",
                                           expected="、".join(spec.measures))
    data = item.get("rule", dict)
    if data is None:
        raise item.origin().error(f"指标「{indicator_names[0]}」缺少 rule。",
                                  expected='rule = { kind = "linear", from = 0.85, to = 0.95 }')
    rule = Within(item.file, f"{item.table}.rule", item.index, data, item.origin("rule"))
    kind = rule.require("kind", str, "rule ")
    if kind not in KINDS:
        raise item.origin("rule").error(f"未知的评分方式「{kind}」。", expected="、".join(KINDS))
    rule.only({"kind", *KINDS[kind]}, f"评分方式 {kind} ")
    params = {key: _number(rule, key, f"评分方式 {kind} ") for key in KINDS[kind]}
    at = item.origin("rule")
    if kind == "linear" and (params["from"] == params["to"] or min(params.values()) < 0):
        raise at.error("linear 的 from 与 to 应为不同的非负比率。",
                       expected="from = 0.85, to = 0.95（越高越好）或 from = 0.15, to = 0.05（越低越好）")
    if kind == "at_most" and (params["limit"] <= 0 or not 0 < params["deduct"] <= 1):
        raise at.error("at_most 的 limit 应大于 0，deduct（每超 1 个百分点扣分值的比例）在 0 到 1 之间。",
                       expected="limit = 1, deduct = 0.1")
    return IndicatorRule(tuple(indicator_names), measure, Rule(kind, params), item.origin())


def validate_performance(spec: PerformanceTemplate, sheets: set[str], defined,
                         check_queries) -> None:
    """Against the rest of the template: the sheet's name is not a table's; every measure
    queries known columns (``check_queries``) and names what a table or an input sheet defines
    (``defined``) or a name of the sheet itself (checked when read)."""
    if spec.sheet in sheets:
        raise spec.origin.error(f"绩效自评的工作表名「{spec.sheet}」与一张表相同。")
    for measure in spec.measures.values():
        for node in (measure.numerator.value, measure.numerator.fallback,
                     measure.denominator.value, measure.denominator.fallback, measure.requires):
            if node is not None:
                check_queries(node, measure.origin)
        for name in measure.names():
            if not name.startswith(PREFIX) and not defined(name):
                raise measure.origin.error(f"比率「{measure.id}」用到名称「{name}」，没有任何表或输入表"
                                           "定义它。", expected="如 基础信息_绩效_编制数、公开01_本年支出合计")
