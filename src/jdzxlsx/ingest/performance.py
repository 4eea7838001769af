"""The office's 绩效指标 sheet (kind performance): one PerformanceRow per row — an indicator, a
total the office typed (小计 / 合计 / 总计) or its 评价等级 row — with the level texts filled in.

A level cell merged down over several rows already gives each of them its text (extract.py);
a blank level cell is filled from the indicator above (fill_levels, once the sheet's rows are
all built). Which total a row is comes from its total word (the first level column holding
one) where the word says it: 小计 closes the 二级 group above, 总计 the whole sheet. 合计 is
placed by its column: in 三级 it closes the 二级 group above, in 二级 the 一级, in 一级 the 一级
it names ("投入合计"), or else the whole sheet. A sheet that writes 总计 under each 一级 in a
column right of its whole-sheet total (投入 | 总计 | 35 … 总计 | | 100, as the office prints it)
has those placed by their column like 合计. The words are input_kinds.toml's
[values.performance_*]: data, not code.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .cells import CellError
from .headers import raw_cell, title_texts
from .readings import comparators, parse_decimal, parse_percent, parse_reading
from .records import PerformanceRow, Reading
from .rows import Row, SheetContext, cell_error
from .text import cell_text, fold, squeeze

LEVELS = ("level1", "level2", "level3")
# The totals a word says wherever it stands ([values.performance_total]'s canonical words);
# any other (合计) is placed by its column: TOTAL_BY_COLUMN.
TOTAL_BY_WORD = {"小计": "二级", "总计": "总计"}
TOTAL_BY_COLUMN = {"level1": "总计", "level2": "一级", "level3": "二级"}
GRADE_ROW = "等级"


def performance_row(row: Row) -> PerformanceRow | None:
    levels = {name: row.text(name) for name in LEVELS}
    if _is_note(row, levels):
        row.sheet.notes.append(f"{row.source}：「{next(t for t in levels.values() if t)}」"
                               "是表下的说明，不是指标，未读取")
        return None
    vocabularies = row.sheet.catalogue.vocabularies
    if any(vocabularies["performance_grade_row"].resolve(t) for t in levels.values() if t):
        return _grade_row(row, levels)
    word = _total_word(row, levels)
    total = _total_level(word) if word else ""
    weight = _decimal(row, "weight", "分值")
    if weight is None and not total:
        raise row.fail("weight", "分值（数字，如 2）", "",
                       hint="每个指标都要有分值（权重）：请填上；如这一行是标题或说明，"
                            "请删去该行或移到表格下方，并以「注：」开头。")
    known = (comparators(vocabularies["comparator"]),
             comparators(vocabularies["comparator_after"], words_only=True))
    return PerformanceRow(
        level1=levels["level1"], level2=levels["level2"], level3=levels["level3"],
        weight=weight,
        target=_reading(row, "target", known),
        actual=_reading(row, "actual", known),
        criterion=row.text("criterion"),
        rule=row.text("rule"),
        score=_decimal(row, "score", "自评得分"),
        score_rate=_percent(row),
        note=row.text("note"),
        total=total, grade="", title=_title(row.sheet), source=row.source,
        total_column=row.sheet.found.columns[word[0]].text if word else "",
        title_rows=_title_rows(row.sheet))


def _grade_row(row: Row, levels: dict[str, str]) -> PerformanceRow:
    """The 评价等级 row: its grade in the 自评得分 cell, or in any other text cell of the row."""
    grades = row.sheet.catalogue.vocabularies["performance_grade"]
    score = cell_text(row.values.get("score"))
    cells = [score, *(cell_text(v) for v in row.sheet.raw.rows[row.index])]
    grade = next((g for text in cells if text and (g := grades.resolve(text))), None)
    if grade is None:
        raise row.fail("score", "评价等级（" + "、".join(grades.canonical) + "）", score,
                       hint="「评价等级」行须写明单位自评的等级：请在自评得分一格填写优、良、中或差；"
                            "没有评定等级时请删去该行。")
    return PerformanceRow(level1=levels["level1"], level2=levels["level2"],
                          level3=levels["level3"], weight=None, target=Reading(""),
                          actual=Reading(""), criterion="", rule="", score=None,
                          score_rate=None, note=row.text("note"), total=GRADE_ROW, grade=grade,
                          title=_title(row.sheet), source=row.source,
                          title_rows=_title_rows(row.sheet))


def _total_word(row: Row, levels: dict[str, str]) -> tuple[str, str, str] | None:
    """(level column, total word, what the cell names before it) of the first level cell
    holding 小计 / 合计 / 总计 alone (("level3", "小计", "")) or ending it ("投入合计":
    ("level1", "合计", "投入")); None for a row that is no total."""
    vocabulary = row.sheet.catalogue.vocabularies["performance_total"]
    for name in LEVELS:
        text = levels[name]
        if not text:
            continue
        if word := vocabulary.resolve(text):
            return name, word, ""
        folded = fold(text)
        for word in vocabulary.canonical:
            if folded.endswith(fold(word)):
                return name, word, _before(text, word)
    return None


def _before(text: str, word: str) -> str:
    """The text in front of the total word ending ``text``, as written ("投入 合计" → "投入")."""
    text = text.strip()
    if text.endswith(word):
        return text[:-len(word)].strip()
    folded = fold(text)
    return folded[:-len(fold(word))]


def _total_level(word: tuple[str, str, str]) -> str:
    """小计 → 二级 and 总计 → 总计 wherever written; 合计 by its column, in 一级 the 一级 it names
    ("投入合计") or, naming none, the whole sheet."""
    column, total_word, named = word
    if total_word in TOTAL_BY_WORD:
        return TOTAL_BY_WORD[total_word]
    return "一级" if column == "level1" and named else TOTAL_BY_COLUMN[column]


def _is_note(row: Row, levels: dict[str, str]) -> bool:
    """"注：…" under the table: a note, when the row has no 分值 and no 自评得分."""
    first = next((t for t in levels.values() if t), "")
    head, colon, _ = first.replace("：", ":").partition(":")
    return bool(colon) and row.sheet.catalogue.vocabularies["performance_note"].resolve(head) \
        is not None and all(cell_text(row.values.get(n)) == "" for n in ("weight", "score"))


def _decimal(row: Row, name: str, what: str) -> Decimal | None:
    if name not in row.values:
        return None
    try:
        return parse_decimal(row.values[name], what)
    except CellError as error:
        raise cell_error(row.sheet, row.index, row.sheet.found.columns[name], error) from None


def _percent(row: Row) -> Decimal | None:
    if "score_rate" not in row.values:
        return None
    try:
        return parse_percent(row.values["score_rate"])
    except CellError as error:
        raise cell_error(row.sheet, row.index, row.sheet.found.columns["score_rate"],
                         error) from None


def _reading(row: Row, name: str, known: tuple[tuple[tuple[str, str], ...], ...]) -> Reading:
    return parse_reading(row.values.get(name), *known)


def _title(sheet: SheetContext) -> str:
    return " ".join(sheet.title.texts)


def _title_rows(sheet: SheetContext) -> tuple[tuple[str, int | None], ...]:
    """The title's texts as _title joins them, each with its 1-based row (None: not a row of
    the sheet, e.g. an HTML export's text above its table)."""
    return tuple((squeeze(text), None if index is None else index + 1)
                 for text, index in title_texts(sheet.raw, sheet.found.header_row, sheet.merged)
                 if text and text.strip())


def fill_levels(sheet: SheetContext, built: list[tuple[Row, object]]) -> list:
    """Blank level cells take the text of the indicator row above (a new 一级 starts its 二级
    afresh); a total row's levels are the group it closes (_total_group). An indicator needs a
    name: its 三级, or the 二级 written on its own row (a 二级 with no 三级 under it)."""
    built = _place_group_totals(built)
    above = ("", "")
    filled = []
    for row, record in built:
        if record.total == GRADE_ROW:
            filled.append((row, record))
            continue
        if record.total:
            record = _total_group(row, record, above)
        level1 = record.level1 or above[0]
        new_group = bool(record.level1) and record.level1 != above[0]
        level2 = record.level2 or ("" if new_group else above[1])
        if not record.total:
            if not (record.level3 or record.level2):
                column = sheet.found.columns.get("level3") or sheet.found.columns.get("level2")
                raise cell_error(sheet, row.index, column, CellError(
                    "指标名称（三级指标）", raw_cell(sheet.raw, row.index, column.index)
                    if column else "",
                    hint="这一行有分值而没有指标名称：请填写三级指标（或二级指标）名称。"),
                    label="三级指标")
            above = (level1, level2)
        filled.append((row, replace(record, level1=level1, level2=level2)))
    return filled


def _words(row: Row) -> tuple[str, str, str] | None:
    return _total_word(row, {name: row.text(name) for name in LEVELS})


def _place_group_totals(built: list[tuple[Row, object]]) -> list[tuple[Row, object]]:
    """总计 is the whole sheet's, unless the sheet's whole-sheet total stands in a column further
    left: then a 总计 right of it closes the group its column says (投入 | 总计 | 35 under each
    一级, 总计 | | 100 in the 一级 column at the bottom, as the office prints it)."""
    wholes = [LEVELS.index(word[0]) for row, record in built
              if record.total == "总计" and (word := _words(row))]
    if not wholes:
        return built
    leftmost = min(wholes)
    placed = []
    for row, record in built:
        word = _words(row) if record.total == "总计" else None
        if word and word[1] == "总计" and LEVELS.index(word[0]) > leftmost:
            record = replace(record, total=TOTAL_BY_COLUMN[word[0]])
        placed.append((row, record))
    return placed


def _total_group(row: Row, record: PerformanceRow, above: tuple[str, str]) -> PerformanceRow:
    """A total row's levels name the group it closes: the level cells holding (or right of) its
    word are no group name, and are filled from the indicators above — except the 一级 a 合计
    in the 一级 column names ("投入合计" closes 投入)."""
    word = _words(row)
    if word is None:
        return record
    column, _, named = word
    if record.total == "二级" and column in ("level1", "level2"):
        return replace(record, level1="" if column == "level1" else record.level1, level2="")
    if record.total == "一级" and column == "level1":
        level1 = above[0] if fold(named) == fold(above[0]) else named
        return replace(record, level1=level1, level2="")
    return record
