"""The office's own code list (kind 6): 科目编码 | 科目名称 rows → CodeEntry("功能" / "经济").

Which classification a row holds: its column says it (功能科目编码 | 经济科目编码); else words of
the sheet's title or headers ([words] code_list_function / code_list_economic); else the code
itself (2 then 3, 5 or 7 digits: 功能; 3 then 3 or 5 digits: 经济). A list none of whose codes
is either (a chart of 会计科目: 1001, 8101) is skipped with that reason; a list where some are
and some are not stops at the first that is not.
"""

from __future__ import annotations

from dataclasses import replace

from .records import CodeEntry
from .rows import Row, SheetContext, SheetSkipped
from .text import fold

FUNCTION, ECONOMIC = "功能", "经济"
# (field stem, the classification its column names, "" when the sheet or the code decides)
_STEMS = (("function", FUNCTION), ("economic", ECONOMIC), ("code", ""), ("bare_code", ""))


def code_entries(row: Row) -> list[CodeEntry]:
    entries = []
    for stem, kind in _STEMS:
        code_field = stem if stem.endswith("code") else f"{stem}_code"
        name_field = code_field.replace("code", "name")
        if not row.has(code_field):
            continue
        code, name_in_cell = row.values[code_field] or ("", "")
        name = row.text(name_field) or name_in_cell
        if not code and not name:
            continue
        if not code:
            raise row.fail(code_field, "科目编码（数字，如 2011301、30101）", name,
                           hint="代码表的每一行都要有编码；说明文字请写在表格之外。")
        entries.append(CodeEntry(kind, code, name, row.source))
    return entries


def classify(sheet: SheetContext, built: list[tuple[Row, CodeEntry]]
             ) -> list[tuple[Row, CodeEntry]]:
    """Fill in each entry's classification: sheet words, else the code's shape."""
    stated = _stated_kind(sheet)
    decided = [(row, replace(entry, kind=entry.kind or stated or by_code(entry.code)))
               for row, entry in built]
    if decided and all(not entry.kind for _, entry in decided):
        codes = "、".join(entry.code for _, entry in decided[:3])
        raise SheetSkipped(f"编码（{codes}…）既不是支出功能分类（2 开头 3/5/7 位）也不是支出经济分类"
                           "（3 开头 3/5 位），不是功能分类或经济分类科目代码表，未读取")
    for row, entry in decided:
        if not entry.kind:
            column = next(sheet.found.columns[name] for name in ("code", "bare_code")
                          if name in sheet.found.columns)
            raise sheet.error(
                f"「{column.text}」列的编码「{entry.code}」既不是支出功能分类（2 开头 3/5/7 位）"
                "也不是支出经济分类（3 开头 3/5 位）", row=row.index, column=column,
                hint="请删去该行，或在标题中写明是「支出功能分类科目」还是「支出经济分类科目」。")
    return decided


def by_code(code: str) -> str:
    if code.startswith("2") and len(code) in (3, 5, 7):
        return FUNCTION
    if code.startswith("3") and len(code) in (3, 5):
        return ECONOMIC
    return ""


def _stated_kind(sheet: SheetContext) -> str:
    """功能 / 经济 when the title or the code columns' headers say which (and not both)."""
    words = sheet.catalogue.words
    texts = [fold(text) for text in sheet.title.texts]
    texts += [fold(sheet.found.columns[name].text) for name in ("code", "bare_code", "name",
                                                                 "bare_name")
              if name in sheet.found.columns]
    said = {kind for kind, listed in ((FUNCTION, words.code_list_function),
                                      (ECONOMIC, words.code_list_economic))
            if any(word in text for text in texts for word in listed)}
    return said.pop() if len(said) == 1 else ""
