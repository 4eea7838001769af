"""Errors an accountant can act on: where (file, sheet, row, column), what, and what to do."""

from __future__ import annotations


class JdzxlsxError(Exception):
    """Base of every error the command line turns into a Chinese message."""

    exit_code = 2


class InputError(JdzxlsxError):
    """An input file cannot be understood. Names the exact place and the remedy.

    ``row`` and ``column`` are 1-based, as Excel shows them; ``column`` may be a number or a
    header text.
    """

    def __init__(self, message: str, *, file: str | None = None, sheet: str | None = None,
                 row: int | None = None, column: int | str | None = None,
                 hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.hint = hint

    @property
    def place(self) -> str:
        parts = []
        if self.file:
            parts.append(f"文件「{self.file}」")
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row:
            parts.append(f"第 {self.row} 行")
        if self.column is not None:
            if isinstance(self.column, int):
                parts.append(f"第 {column_letter(self.column)} 列")
            else:
                parts.append(f"「{self.column}」列")
        return "，".join(parts)

    def __str__(self) -> str:
        text = f"{self.place}：{self.message}" if self.place else self.message
        if self.hint:
            text += f"\n  处理办法：{self.hint}"
        return text


class TemplateError(JdzxlsxError):
    """A file under templates/<year>/ is malformed: names the file and line, what is wrong and
    what is expected there."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 expected: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.expected = expected

    def __str__(self) -> str:
        place = ""
        if self.file:
            place = f"模板「{self.file}」" + (f"第 {self.line} 行" if self.line else "") + "："
        text = place + self.message
        if self.expected:
            text += f"\n  应为：{self.expected}"
        return text


def column_letter(column: int) -> str:
    """1 → A, 27 → AA (Excel's column names, which accountants read)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
