"""The office's 绩效指标 sheet as one tree: indicators with their typed scores, the totals the
office typed beside them, and the unit the self-evaluation is about (performance_sheet)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..errors import InputError
from ..ingest.records import PerformanceRow, Provenance, Reading
from ..ingest.text import fold


@dataclass(frozen=True)
class Indicator:
    """A 三级指标 (or a 二级 where the sheet gives no 三级 under it)."""

    seq: int                        # 1, 2, … in sheet order
    level1: str
    level2: str                     # "" in a two-level sheet
    name: str
    weight: Decimal
    target: Reading
    actual: Reading
    criterion: str
    rule: str                       # 指标类型 as typed: 定量 | 定性 | ""
    note: str
    score: Decimal | None           # the office's 自评得分
    score_rate: Decimal | None
    source: Provenance


@dataclass(frozen=True)
class TypedTotal:
    """A 小计 / 合计 / 总计 row the office typed: read, kept, checked, never trusted."""

    level: str                      # "二级" | "一级" | "总计"
    level1: str                     # the group it closes ("" where not applicable)
    level2: str
    weight: Decimal | None
    score: Decimal | None
    score_rate: Decimal | None
    source: Provenance


@dataclass(frozen=True)
class PerformanceSheet:
    unit: str                       # the evaluated unit as 底稿 names it; "" = the department
    unit_label: str                 # as the title shows it
    indicators: tuple[Indicator, ...]
    totals: tuple[TypedTotal, ...]
    grade: str                      # the office's typed grade, "" if none
    grade_source: Provenance | None
    file: str
    sheet: str


def performance_sheet(rows: list[PerformanceRow], places: list[tuple[str, str]],
                      department: str, unit_names: set[str]) -> PerformanceSheet | None:
    """The tree of the office's 绩效指标 sheet (None when the folder has none). ``places`` are
    the (file, sheet) identified as 绩效指标, ``rows`` what they gave; ``unit_names`` the units
    底稿 and 预算单位 name: the one the title names is the evaluated unit (_evaluated_unit)."""
    if not places:
        return None
    if len(places) > 1:
        (file, sheet), (other_file, other_sheet) = places[:2]
        raise InputError(f"有两张绩效指标表（另一张是 {other_file}「{other_sheet}」），"
                         "不知道按哪一张自评。", file=file, sheet=sheet,
                         hint="只保留本年部门整体支出绩效自评的一张表；另一张请移出输入目录，"
                              "或在 jdzxlsx.toml 的「忽略」中写上它的文件名。")
    file, sheet = places[0]
    indicators: list[Indicator] = []
    totals: list[TypedTotal] = []
    grade, grade_source = "", None
    for row in rows:
        if row.total == "等级":
            if grade_source is not None:
                raise _error(row, f"评价等级写了两次（另一次在第{grade_source.row}行）。",
                             "只保留一行「评价等级」。")
            grade, grade_source = row.grade, row.source
        elif row.total:
            totals.append(_typed_total(row, indicators, totals))
        else:
            indicators.append(_indicator(len(indicators) + 1, row))
    if not indicators:
        raise InputError("绩效指标表中没有指标行（有分值的三级指标）。", file=file, sheet=sheet,
                         hint="请在表中逐行填写一级、二级、三级指标及其分值、自评得分。")
    unit = _evaluated_unit(rows[0], department, unit_names, file, sheet)
    return PerformanceSheet(unit=unit, unit_label=unit or department,
                            indicators=tuple(indicators), totals=tuple(totals), grade=grade,
                            grade_source=grade_source, file=file, sheet=sheet)


def _indicator(seq: int, row: PerformanceRow) -> Indicator:
    """A 三级指标; a 二级 with no 三级 under it is the indicator itself, in no 二级 group."""
    name, level2 = (row.level3, row.level2) if row.level3 else (row.level2, "")
    return Indicator(seq=seq, level1=row.level1, level2=level2, name=name,
                     weight=row.weight, target=row.target, actual=row.actual,
                     criterion=row.criterion, rule=row.rule, note=row.note, score=row.score,
                     score_rate=row.score_rate, source=row.source)


_CLOSES = {"二级": "二级指标", "一级": "一级指标", "总计": "指标"}
# the total word's usual column, where ingest did not say which column held it
_WRITTEN_IN = {"二级": "三级指标", "一级": "二级指标", "总计": "一级指标"}
_WHERE_TOTALS_GO = ("小计合计其上方的二级指标，总计合计全部指标；合计写在三级指标列时合计其上方的二级指标，"
                    "写在二级指标列时合计一级指标，写在一级指标列时写明一级指标（如「投入合计」）则合计该一级，"
                    "否则合计全部指标。")


def _typed_total(row: PerformanceRow, above: list[Indicator],
                 totals: list[TypedTotal]) -> TypedTotal:
    """The total the office typed, closing the group of the indicators above it: it must close
    one (a 小计 above every indicator closes nothing), and only once."""
    level1 = row.level1 if row.total in ("二级", "一级") else ""
    level2 = row.level2 if row.total == "二级" else ""
    members = [i for i in above if (not level1 or i.level1 == level1)
               and (row.total != "二级" or (level2 and i.level2 == level2))]
    group = "／".join(part for part in (level1, level2) if part) or "全部指标"
    column = row.total_column or _WRITTEN_IN[row.total]
    if not members:
        raise _error(row, f"这一行的合计（{row.total}）上方没有属于「{group}」的{_CLOSES[row.total]}，"
                          "不知道是哪些指标的合计。",
                     _WHERE_TOTALS_GO + "请把合计行移到所合计的指标下方，或改正合计的写法或其所在的列。",
                     column)
    for other in totals:
        if (other.level, other.level1, other.level2) == (row.total, level1, level2):
            raise _error(row, f"「{group}」的{row.total}合计写了两次（另一次在第{other.source.row}行）。",
                         "每组指标只保留一行手填合计。" + _WHERE_TOTALS_GO, column)
    return TypedTotal(level=row.total, level1=level1, level2=level2, weight=row.weight,
                      score=row.score, score_rate=row.score_rate, source=row.source)


def _evaluated_unit(row: PerformanceRow, department: str, unit_names: set[str], file: str,
                    sheet: str) -> str:
    """The one unit the title names (spaces and full-width forms ignored): a name found only
    inside a longer one found is part of that unit's own name (某局 in 某局本级); "" when the
    title names none, or only the department: the department as a whole is evaluated. A title
    naming two units (…自评表（含某局科研所）), or a unit and the department beside it, is
    refused: which of them is evaluated is not for jdzxlsx to guess."""
    folded = fold(row.title)
    by_key = {fold(name): name for name in sorted(unit_names) if name and fold(name)}
    if fold(department):
        by_key[fold(department)] = department
    spans = [(start, start + len(key), key) for key in by_key
             for start in _occurrences(folded, key)]
    outer = [(start, end, key) for start, end, key in spans
             if not any(s <= start and end <= e and e - s > end - start for s, e, _ in spans)]
    keys = list(dict.fromkeys(key for _, _, key in sorted(outer)))
    if not keys:
        return ""
    if len(keys) == 1:
        return "" if keys[0] == fold(department) else by_key[keys[0]]
    names = "、".join(f"「{by_key[key]}」" for key in keys)
    example = next(by_key[key] for key in keys if key != fold(department))
    title_row = next((r for text, r in row.title_rows if keys[0] in fold(text)),
                     next((r for _, r in row.title_rows), None))
    raise InputError(f"绩效指标表的标题「{row.title}」写了 {len(keys)} 个单位：{names}，"
                     "不知道自评的是哪一个单位。", file=file, sheet=sheet, row=title_row,
                     hint=f"标题只写明一个评价单位（如「{example}……绩效自评表」）；评价部门整体时"
                          f"写部门名称「{department}」或不写单位。其他单位的名称（如「（含……）」）"
                          "请从标题删去，需要时写在表格下方，以「注：」开头。")


def _occurrences(text: str, key: str) -> list[int]:
    starts, start = [], text.find(key)
    while start != -1:
        starts.append(start)
        start = text.find(key, start + 1)
    return starts


def _error(row: PerformanceRow, message: str, hint: str, column: str | None = None
           ) -> InputError:
    return InputError(message, file=row.source.file, sheet=row.source.sheet, row=row.source.row,
                      column=column, hint=hint)
