"""A header that clearly is a kind but cannot be read as one: the error that stops the build.

A sheet is skipped (and listed) only when it resembles no kind. A ledger, balance or budget
sheet whose header lacks a required column, or has two columns for one field, is never skipped:
a month would be missing from the workbook without a word. What "clearly a kind" means is data
(``resembles`` in input_kinds.toml); this module only says what is wrong and where.
"""

from __future__ import annotations

from ..errors import InputError, column_letter
from .identify import Identified

_HINT = ("请补上缺少的列、改正列名（两列同名时把不用的一列改名，如在列名前加「备注」）后重新运行；"
         "如这张表不需要读取，请把文件移出输入目录，或在 jdzxlsx.toml 的「忽略」中写上文件名。")


def _at(column) -> str:
    return f"「{column.text}」（第 {column_letter(column.index + 1)} 列）"


def duplicate_text(found: Identified) -> str:
    """"「借方」（第 E 列）和「借方」（第 F 列）都是「借方」列，无法判断用哪一列", "" if none."""
    if not found.duplicates:
        return ""
    name, first, second = found.duplicates[0]
    return (f"{_at(first)}和{_at(second)}都是「{found.kind.fields[name].label}」列，"
            "无法判断用哪一列")


def ambiguous_columns_error(found: Identified, file: str, sheet: str) -> InputError:
    """Two columns that both mean one field of the sheet's kind: say which, never pick one."""
    second = found.duplicates[0][2]
    return InputError(duplicate_text(found), file=file, sheet=sheet,
                      row=found.header_row + found.depth, column=second.index + 1,
                      hint="请删去其中一列，或把不用的一列改名（如在列名前加「备注」）后重新运行。")


def faulty_header_error(found: Identified, reason: str, file: str, sheet: str) -> InputError:
    """The sheet's header is clearly ``found.kind`` but incomplete, doubled or undecidable.

    Names the header row, what is missing and doubled, and every column found."""
    kind = found.kind
    problems = [f"缺少{text}列" for text in kind.missing(set(found.columns))]
    if doubled := duplicate_text(found):
        problems.append(doubled)
    if not problems:
        problems.append(reason)     # e.g. it meets two kinds equally
    rows = (f"第 {found.header_row + 1} 行" if found.depth == 1
            else f"第 {found.header_row + 1}～{found.data_row} 行")
    columns = [*found.columns.values(), *(second for _, _, second in found.duplicates)]
    listed = "、".join(_at(column) for column in sorted(columns, key=lambda c: c.index))
    second = found.duplicates[0][2].index + 1 if found.duplicates else None
    return InputError(
        f"这张表看起来是「{kind.label}」（{rows}是表头），但无法读取：{'；'.join(problems)}。"
        f"找到的列：{listed}",
        file=file, sheet=sheet, row=found.data_row, column=second, hint=_HINT)
