"""The input kinds of input_kinds.toml as typed objects: fields, aliases, vocabularies, words.

Everything a vendor's export may call a column lives in the TOML; this module only gives it
shape and checks that the file is well formed (a fault there is the installation's, not the
accountant's, so it raises TemplateError).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from ..errors import TemplateError
from .text import fold, fold_label, label_prefix_pattern, without_leading_code

FIELD_TYPES = frozenset({
    "text", "code_name", "code", "name", "date", "period", "month", "day", "amount", "count",
    "auxiliary", "choice", "figure", "decimal", "percent", "reading",
})
SUBTOTAL_MODES = frozenset({"skip", "mark", "keep"})


@dataclass(frozen=True)
class Vocabulary:
    """Canonical values and the spellings that mean them (fund sources, 是/否, …)."""

    name: str
    canonical: tuple[str, ...]
    spellings: tuple[str, ...]      # canonical values, then their aliases, as written
    _lookup: dict[str, str]
    _prefix: re.Pattern[str]        # layout words in front of a label ("其中：", "一、")

    def resolve(self, text: str) -> str | None:
        """The canonical value for a spelling, or None if it is not one we know. A number in
        front of a known spelling ("11 人员类", "[21]公用经费") is the export's code for it."""
        key = fold_label(text, self._prefix)
        if key in self._lookup:
            return self._lookup[key]
        rest = without_leading_code(key)
        return self._lookup.get(fold_label(rest, self._prefix)) if rest else None


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    aliases: tuple[str, ...]        # as written in the TOML (the first one is shown in messages)
    vocabulary: Vocabulary | None = None
    skip_unknown: bool = False      # choice fields: leave out a row with an unknown value
    keep_unknown: bool = False      # choice fields: keep an unknown value as written (checked later)
    no_value: Vocabulary | None = None  # text fields: spellings meaning "none" ("无", "-") → ""

    @property
    def label(self) -> str:
        return self.aliases[0]


# What a defined name may hold (Excel's rule, as XlsxWriter checks it, and no full-width
# brackets, which Excel refuses too): letters of any script, digits, "_" and ".".
_NAME_CHARACTER = re.compile(r"[^\W]|[.]", re.UNICODE)


def name_part(text: str) -> str:
    """``text`` as part of a defined name: only letters, digits, "_" and "." are kept, so
    「因公出国（境）费」 → 「因公出国境费」, 「土地、房屋及构筑物」 → 「土地房屋及构筑物」."""
    return "".join(c for c in text if _NAME_CHARACTER.fullmatch(c))


@dataclass(frozen=True)
class HandKept:
    """How a hand-kept kind's rows become figures (``[kinds.<id>.hand_kept]``)."""

    group: str                      # 三公 / 资产 / 采购: the 基础信息 block
    value: str                      # the field holding the figure
    field: str = ""                 # a word after the item in its key ("预算数")
    totals: frozenset[str] = frozenset()    # typed totals: kept, marked, never trusted
    counts: frozenset[str] = frozenset()    # whole numbers (辆, 批次): never scaled by 万元
    keys: dict[str, str] | None = None      # item → key (default: name_part(item))

    def key(self, item: str) -> str:
        return (self.keys or {}).get(item) or name_part(item)


@dataclass(frozen=True)
class KindSpec:
    id: str
    label: str
    fields: dict[str, FieldSpec]
    require: tuple[tuple[tuple[str, ...], ...], ...]   # groups of alternatives of field sets
    subtotals: str                                       # skip / mark / keep
    _aliases: dict[str, str]                             # folded alias → field name
    needs_prior_year: bool = False      # read only with a sign that it is last year's
    single_period: bool = False         # a title naming several months is refused
    code_subtotals: tuple[str, ...] = ()  # code fields whose strict prefixes are subtotals
    no_amounts: bool = False            # a header with any kind's amount column is not this kind
    loose_fields: frozenset[str] = frozenset()  # fields that alone need a title word …
    title_words: tuple[str, ...] = ()   # … one of these (folded)
    prior_year_sign: str = ""           # "title": only the title tells last year's figures
    exact_columns: bool = False         # of two columns for a field, read the one in 元
    title_refuses: tuple[str, ...] = ()  # a title with one of these words is not this kind
    resembles: int = 0                  # require groups a header must touch to be this kind
    hand_kept: HandKept | None = None   # a hand-kept 项目 | 数 sheet (三公, 资产, 采购)

    def touched(self, matched: set[str]) -> int:
        """How many require groups have at least one field of one alternative matched."""
        return sum(any(set(alternative) & matched for alternative in group)
                   for group in self.require)

    def is_resembled(self, matched: set[str]) -> bool:
        """A header touching ``resembles`` require groups is this kind even if it falls short:
        not read, it stops the build (it is never skipped as "no kind")."""
        return bool(self.resembles) and self.touched(matched) >= self.resembles

    def field_for(self, folded_label: str) -> str | None:
        return self._aliases.get(folded_label)

    def unmet(self, matched: set[str]) -> list[str]:
        """The requirement groups the matched fields do not meet, as readable text."""
        missing = []
        for group in self.require:
            if not any(set(alternative) <= matched for alternative in group):
                missing.append(" 或 ".join(
                    "+".join(self.fields[name].label for name in alternative)
                    for alternative in group))
        return missing


@dataclass(frozen=True)
class Words:
    """The [words] of input_kinds.toml: the vocabulary of titles, totals and placeholders."""

    subtotal: tuple[str, ...] = ()          # folded
    footer: tuple[str, ...] = ()            # folded
    report_titles: tuple[str, ...] = ()     # as written, longest first
    unit_keys: tuple[str, ...] = ()
    period_keys: tuple[str, ...] = ()
    other_title_keys: tuple[str, ...] = ()
    not_period: tuple[str, ...] = ()
    money_units: tuple[tuple[str, int], ...] = ()   # (unit, 元 per unit)
    currency: tuple[str, ...] = ()
    zero_marks: frozenset[str] = frozenset()        # NFKC-normalised, spaces removed
    label_prefixes: tuple[str, ...] = ()
    prior_year: tuple[str, ...] = ()        # folded
    code_list_function: tuple[str, ...] = ()    # folded
    code_list_economic: tuple[str, ...] = ()    # folded
    table_total: tuple[str, ...] = ()           # folded
    jdzxlsx_workbook: tuple[str, ...] = ()      # sheet names, as written
    published_sheets: tuple[str, ...] = ()      # sheet names, as written
    department_level: tuple[str, ...] = ()  # "（汇总）" markers after a department's name


@dataclass(frozen=True)
class Catalogue:
    kinds: tuple[KindSpec, ...]
    vocabularies: dict[str, Vocabulary]
    words: Words = Words()

    @property
    def subtotal_words(self) -> tuple[str, ...]:
        return self.words.subtotal

    @property
    def footer_words(self) -> tuple[str, ...]:
        return self.words.footer

    @property
    def report_titles(self) -> tuple[str, ...]:
        return self.words.report_titles

    @cached_property
    def amount_headers(self) -> frozenset[str]:
        """The folded aliases of every kind's amount and count fields (for ``no_amounts``)."""
        return frozenset(fold(alias) for kind in self.kinds for spec in kind.fields.values()
                         if spec.type in ("amount", "count", "figure") for alias in spec.aliases)


@cache
def catalogue() -> Catalogue:
    """The packaged input_kinds.toml, parsed once."""
    text = resources.files(__package__).joinpath("input_kinds.toml").read_text(encoding="utf-8")
    return parse_catalogue(tomllib.loads(text))


def parse_catalogue(data: dict) -> Catalogue:
    words = _words(data.get("words", {}))
    prefix = label_prefix_pattern(words.label_prefixes)
    vocabularies = {name: _vocabulary(name, table, prefix)
                    for name, table in data.get("values", {}).items()}
    shared = data.get("fields", {})
    kinds = tuple(_kind(kind_id, table, vocabularies, shared)
                  for kind_id, table in data.get("kinds", {}).items())
    return Catalogue(kinds=kinds, vocabularies=vocabularies, words=words)


def _words(table: dict) -> Words:
    def listed(key: str) -> tuple[str, ...]:
        return tuple(table.get(key, []))

    units = table.get("money_units", {})
    if not all(isinstance(v, int) and v > 0 for v in units.values()):
        raise TemplateError("input_kinds.toml：[words] money_units 的值应为正整数（每单位合多少元）")
    return Words(
        subtotal=tuple(fold(w) for w in listed("subtotal")),
        footer=tuple(fold(w) for w in listed("footer")),
        report_titles=tuple(sorted(listed("report_titles"), key=len, reverse=True)),
        unit_keys=listed("unit_keys"),
        period_keys=listed("period_keys"),
        other_title_keys=listed("other_title_keys"),
        not_period=listed("not_period"),
        money_units=tuple(units.items()),
        currency=listed("currency"),
        zero_marks=frozenset(fold(w) for w in listed("zero_marks")),
        label_prefixes=listed("label_prefixes"),
        prior_year=tuple(fold(w) for w in listed("prior_year")),
        code_list_function=tuple(fold(w) for w in listed("code_list_function")),
        code_list_economic=tuple(fold(w) for w in listed("code_list_economic")),
        table_total=tuple(fold(w) for w in listed("table_total")),
        jdzxlsx_workbook=listed("jdzxlsx_workbook"),
        published_sheets=listed("published_sheets"),
        department_level=listed("department_level"),
    )


def _vocabulary(name: str, table: dict[str, list[str]], prefix: re.Pattern[str]) -> Vocabulary:
    lookup: dict[str, str] = {}
    for canonical, aliases in table.items():
        for spelling in (canonical, *aliases):
            key = fold_label(spelling, prefix)
            if lookup.get(key, canonical) != canonical:
                raise TemplateError(f"input_kinds.toml：[values.{name}] 中「{spelling}」"
                                    f"同时对应「{lookup[key]}」和「{canonical}」")
            lookup[key] = canonical
    spellings = tuple(dict.fromkeys([*table, *(a for aliases in table.values() for a in aliases)]))
    return Vocabulary(name, tuple(table), spellings, lookup, prefix)


def _kind(kind_id: str, table: dict, vocabularies: dict[str, Vocabulary],
          shared: dict[str, dict]) -> KindSpec:
    specs: dict[str, dict] = {}
    for name in table.get("shared", []):
        if name not in shared:
            raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] shared 中的 {name} "
                                "不在 [fields] 中")
        specs[name] = dict(shared[name])
    for name, spec in table.get("fields", {}).items():
        specs[name] = {**specs.get(name, {}), **spec}
    fields = {name: _field(kind_id, name, spec, vocabularies) for name, spec in specs.items()}
    aliases: dict[str, str] = {}
    for field in fields.values():
        for alias in field.aliases:
            key = fold(alias)
            if aliases.get(key, field.name) != field.name:
                raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] 的表头「{alias}」"
                                    f"同时属于 {aliases[key]} 和 {field.name}")
            aliases[key] = field.name
    require = tuple(tuple(tuple(alt.split("+")) for alt in group)
                    for group in table.get("require", []))
    for group in require:
        for alternative in group:
            for name in alternative:
                if name not in fields:
                    raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] require 中的 "
                                        f"{name} 不是该类的字段")
    subtotals = table.get("subtotals", "skip")
    if subtotals not in SUBTOTAL_MODES:
        raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] subtotals = {subtotals!r}")
    code_subtotals = tuple(table.get("code_subtotals", []))
    for name in code_subtotals:
        if name not in fields:
            raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] code_subtotals 中的 "
                                f"{name} 不是该类的字段")
    return KindSpec(kind_id, table.get("label", kind_id), fields, require, subtotals, aliases,
                    needs_prior_year=bool(table.get("needs_prior_year", False)),
                    single_period=bool(table.get("single_period", False)),
                    code_subtotals=code_subtotals,
                    no_amounts=bool(table.get("no_amounts", False)),
                    loose_fields=_field_names(kind_id, "loose_fields", table, fields),
                    title_words=tuple(fold(w) for w in table.get("title_words", [])),
                    prior_year_sign=str(table.get("prior_year_sign", "")),
                    exact_columns=bool(table.get("exact_columns", False)),
                    title_refuses=tuple(table.get("title_refuses", [])),
                    resembles=_resembles(kind_id, table, require),
                    hand_kept=_hand_kept(kind_id, table.get("hand_kept"), fields))


def _hand_kept(kind_id: str, table: dict | None, fields: dict[str, FieldSpec]) -> HandKept | None:
    """[kinds.<id>.hand_kept]: its item field is a choice; totals, counts and keys name items
    of that vocabulary; every key is a valid part of a defined name."""
    if table is None:
        return None
    where = f"input_kinds.toml：[kinds.{kind_id}.hand_kept]"
    unknown = set(table) - {"group", "value", "field", "totals", "counts", "keys"}
    if unknown:
        raise TemplateError(f"{where} 中没有 {'、'.join(sorted(unknown))} 这一项")
    item = fields.get("item")
    if item is None or item.vocabulary is None:
        raise TemplateError(f"{where}：该类须有 choice 类型的 item 字段")
    value = table.get("value", "")
    if value not in fields or fields[value].type != "figure":
        raise TemplateError(f"{where}：value 应为该类 figure 类型的字段")
    items = set(item.vocabulary.canonical)
    keys = dict(table.get("keys", {}))
    for listed in (*table.get("totals", []), *table.get("counts", []), *keys):
        if listed not in items:
            raise TemplateError(f"{where}：「{listed}」不是 [values.{item.vocabulary.name}] 的项目")
    spec = HandKept(str(table.get("group", "")), value, str(table.get("field", "")),
                    frozenset(table.get("totals", [])), frozenset(table.get("counts", [])), keys)
    for part in (spec.group, spec.field, *map(spec.key, items)):
        if name_part(part) != part:
            raise TemplateError(f"{where}：「{part}」不能用作定义名称的一部分"
                                "（只能有文字、数字、_ 和 .）")
    if not spec.group:
        raise TemplateError(f"{where}：缺少 group")
    return spec


def _resembles(kind_id: str, table: dict, require: tuple) -> int:
    value = table.get("resembles", 0)
    if not (isinstance(value, int) and 0 <= value <= len(require)):
        raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] resembles 应为 0～{len(require)}"
                            "（表头至少涉及 require 中几组列才算这一类）")
    return value


def _field_names(kind_id: str, key: str, table: dict, fields: dict) -> frozenset[str]:
    names = frozenset(table.get(key, []))
    if not names <= set(fields):
        raise TemplateError(f"input_kinds.toml：[kinds.{kind_id}] {key} 中的 "
                            f"{'、'.join(sorted(names - set(fields)))} 不是该类的字段")
    return names


def _field(kind_id: str, name: str, spec: dict,
           vocabularies: dict[str, Vocabulary]) -> FieldSpec:
    where = f"input_kinds.toml：[kinds.{kind_id}.fields] {name}"
    if spec.get("type") not in FIELD_TYPES:
        raise TemplateError(f"{where}：未知类型 {spec.get('type')!r}")
    if not spec.get("aliases"):
        raise TemplateError(f"{where}：缺少 aliases")
    vocabulary = no_value = None
    if spec["type"] == "choice":
        vocabulary = vocabularies.get(spec.get("values", ""))
        if vocabulary is None:
            raise TemplateError(f"{where}：values 应为 [values.*] 中的一个名称")
    if "no_value" in spec:
        no_value = vocabularies.get(spec["no_value"])
        if no_value is None or spec["type"] not in ("text", "name"):
            raise TemplateError(f"{where}：no_value 只用于文字列，且应为 [values.*] 中的一个名称")
    return FieldSpec(name, spec["type"], tuple(spec["aliases"]), vocabulary,
                     skip_unknown=spec.get("unknown") == "skip",
                     keep_unknown=spec.get("unknown") == "keep", no_value=no_value)
