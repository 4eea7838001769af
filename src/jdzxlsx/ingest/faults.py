"""A header that clearly is a kind but cannot be read as one: the error that stops the build.

A sheet is skipped (and listed) only when it resembles no kind. A ledger, balance or budget
sheet whose header lacks a required column, or has two columns for one field, is never skipped:
a month would be missing from the workbook without a word. What "clearly a kind" means is data
(``resembles`` in input_kinds.toml); this module only says what is wrong and where.
"""

from __future__ import annotations

from ..errors import InputError, column_letter
from .identify import Identified
from .kinds import KindSpec
from .readers import RawSheet
from .readers.limits import MAX_TEXT_CHARS
from .rows import SheetContext

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


def missing_columns(kind: KindSpec, matched: set[str]) -> list[str]:
    """The columns an unmet header lacks, readably: 「贷方」 beside a 借方, or the alternatives
    of a require group it does not touch at all (「科目」或「科目编码」或「科目名称」)."""
    wanted = []
    for group in kind.require:
        if any(set(alternative) <= matched for alternative in group):
            continue
        if near := [alt for alt in group if set(alt) & matched]:
            alternative = max(near, key=lambda alt: len(set(alt) & matched))
            wanted.append("、".join(f"「{kind.fields[name].label}」" for name in alternative
                                   if name not in matched))
        else:
            wanted.append("或".join("+".join(f"「{kind.fields[name].label}」" for name in alt)
                                   for alt in group))
    return wanted


def faulty_header_error(found: Identified, reason: str, file: str, sheet: str) -> InputError:
    """The sheet's header is clearly ``found.kind`` but incomplete, doubled or undecidable.

    Names the header row, what is missing and doubled, and every column found."""
    kind = found.kind
    problems = [f"缺少{text}列" for text in missing_columns(kind, set(found.columns))]
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


# --- cells that cannot be read as they are ----------------------------------------------------

UNCACHED_HINT = ("请用 Excel 或 WPS 打开该文件，让它计算一遍（公式 → 开始计算，或按 F9），保存后"
                 "重新运行；也可以把这些公式单元格复制后「选择性粘贴 → 数值」。")


def uncached_formula_error(raw: RawSheet, file: str) -> InputError | None:
    """A formula saved without its value (written by a program, never opened in Excel) would
    read as blank: a 项目 column blank moves an amount from 项目 to 基本. Refused, first cell named."""
    if not raw.uncached:
        return None
    row, col = min(raw.uncached)
    more = f"（这张表共有 {len(raw.uncached)} 个这样的单元格）" if len(raw.uncached) > 1 else ""
    return InputError(f"公式单元格没有保存计算结果，读不到它的值{more}", file=file, sheet=raw.name,
                      row=row + 1, column=col + 1, hint=UNCACHED_HINT)


def excel_length(text: str) -> int:
    """Characters as Excel counts them (UTF-16 units: a rare 汉字 beyond U+FFFF counts two)."""
    return len(text.encode("utf-16-le")) // 2


def refuse_too_long(sheet: SheetContext, raw: object, label: str, row: int | None,
                    column: int | None) -> None:
    """Text a cell of the workbook cannot hold is refused, never cut by the writer. ``row`` and
    ``column`` are 0-based (None: not a cell of the table, e.g. the title's unit)."""
    if not (isinstance(raw, str) and len(raw) > MAX_TEXT_CHARS // 2):
        return
    if (length := excel_length(raw)) > MAX_TEXT_CHARS:
        raise InputError(f"「{label}」超过 {MAX_TEXT_CHARS} 个字符（有 {length:,} 个），"
                         "Excel 单元格放不下，写入时会被截断", file=sheet.file,
                         sheet=sheet.raw.name, row=None if row is None else row + 1,
                         column=None if column is None else column + 1,
                         hint="请缩短该单元格的内容（如把长说明另存为文档），不要让程序替您截断。")
