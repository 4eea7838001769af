"""Last year's jdzxlsx workbook placed in the folder: one prior-year source, nothing else.

It is known by its sheets ([words] jdzxlsx_workbook: 公开01表, 核对表, 底稿). Only its published
tables ([words] published_sheets) are read, as last year's key figures; its 底稿, 上年数 and the
rest are never read (its 底稿 would look like a ledger, its 上年数 holds the year before). Its
year is the one its 公开01表's title names; a workbook of this year (or any year but last) is
refused, since reading it would count a year twice or take the wrong year as last year's.
"""

from __future__ import annotations

from ..errors import InputError
from .headers import title_info
from .kinds import Words
from .readers import RawSheet
from .text import cell_text

TITLE_ROWS = 6


def prior_workbook(sheets: list[RawSheet], relative: str, words: Words,
                   year: int | None) -> tuple[list[RawSheet], str] | None:
    """None if ``sheets`` are not a jdzxlsx workbook; else (the sheets to read, a note)."""
    names = [sheet.name for sheet in sheets]
    if not words.jdzxlsx_workbook or not all(n in names for n in words.jdzxlsx_workbook):
        return None
    main = next(sheet for sheet in sheets if sheet.name == words.jdzxlsx_workbook[0])
    book_year = title_info([cell_text(value) for row in main.rows[:TITLE_ROWS]
                            for value in row], words).year
    what = f" jdzxlsx 生成的{f' {book_year} 年度' if book_year else ''}部门决算工作簿"
    if year is not None and book_year != year - 1:
        if book_year is None:
            problem = f"但其「{main.name}」的标题中找不到年度，无法确认是上年（{year - 1} 年）的"
        elif book_year == year:
            problem = f"是本年度（{year} 年）的，其数据会与本目录中的账重复计算"
        else:
            problem = f"不是上年（{year - 1} 年）的"
        raise InputError(f"这是{what}，{problem}", file=relative, sheet=main.name,
                         hint=f"请把它移出输入目录；如要核对上年数，请放入 {year - 1} 年度的工作簿。")
    read = [sheet for sheet in sheets if sheet.name in words.published_sheets]
    others = [name for name in names if name not in words.published_sheets]
    note = (f"{relative}：是{what}，作为上年数读取其{'、'.join(s.name for s in read)}；"
            f"其余工作表（{'、'.join(others)}）不读取")
    return read, note
