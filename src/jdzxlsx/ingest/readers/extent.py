"""How far a sheet's cells reach and how much of it is merged, measured while scanning, and the
message when that is more than a reader may allocate (issue 8)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ...errors import InputError, column_letter
from . import limits

RESAVE_HINT = ("请用 Excel 或 WPS 打开该文件，只把需要的表格区域复制到新工作簿，另存为 .xlsx 后放回；"
               "打不开的话请从会计软件重新导出。")
_CHUNK_TAG_LIMIT = 1 << 20
TOO_LARGE_HINT = ("多半是表格远处有误输入的内容或格式：请用 Excel 或 WPS 打开，删除表格区域以外的行和列"
                  "（或只把表格区域复制到新工作簿），另存为 .xlsx 后放回。")


@dataclass
class Extent:
    """The rectangle from A1 to the farthest non-empty cell, and the merged area, of one sheet."""

    last_row: int = -1
    last_col: int = -1
    merged_cells: int = 0
    uncached: list[tuple[int, int]] = field(default_factory=list)
    bounded: bool = False       # last_row/last_col may count empty cells (an upper bound)
    text: int = 0               # characters of its text cells, each repetition counted (≥ exact)

    def add(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        """Cells from (row, col), ``rows`` × ``cols`` of them (a repeated cell), hold content."""
        if rows > 0 and cols > 0 and row >= 0 and col >= 0:
            self.last_row = max(self.last_row, row + rows - 1)
            self.last_col = max(self.last_col, col + cols - 1)

    def merge(self, rows: int, cols: int) -> None:
        if rows > 1 or cols > 1:
            self.merged_cells += rows * cols

    @property
    def cells(self) -> int:
        return (self.last_row + 1) * (self.last_col + 1) if self.last_row >= 0 else 0

    def check(self, file: str, sheet: str | None) -> None:
        """InputError when the sheet is more than a reader may allocate."""
        if self.last_row >= limits.MAX_ROWS or self.last_col >= limits.MAX_COLUMNS:
            raise too_large(f"有内容的单元格远至 {cell_name(self.last_row, self.last_col)}，超出 Excel 的范围"
                            f"（最多 {limits.MAX_ROWS:,} 行 × {limits.MAX_COLUMNS:,} 列）", file, sheet)
        if self.cells > limits.MAX_SHEET_CELLS:
            raise too_large(f"有内容的单元格远至 {cell_name(self.last_row, self.last_col)}"
                            f"（{self.last_row + 1:,} 行 × {self.last_col + 1:,} 列），"
                            f"超过可读取的 {limits.MAX_SHEET_CELLS // 10_000:,} 万个单元格", file, sheet)
        if self.text > limits.MAX_SHEET_TEXT_CHARS:
            raise too_text(file, sheet)
        if self.merged_cells > limits.MAX_MERGED_CELLS:
            raise too_large(f"合并单元格共覆盖 {self.merged_cells:,} 个单元格，"
                            f"超过可读取的 {limits.MAX_MERGED_CELLS // 10_000:,} 万个", file, sheet,
                            hint="请用 Excel 或 WPS 打开，取消表格区域以外的大范围合并"
                                 "（或只把表格区域复制到新工作簿），另存为 .xlsx 后放回。")


def cell_name(row: int, col: int) -> str:
    """(0, 0) → A1, as Excel names a cell."""
    return f"{column_letter(col + 1)}{row + 1}"


def too_text(file: str, sheet: str | None) -> InputError:
    return too_large(f"文字合计超过 {limits.MAX_SHEET_TEXT_CHARS // 10_000:,} 万个字符"
                     "（同一段文字被许多单元格引用或重复时按每个单元格计），不像一份账表", file, sheet,
                     hint="请用 Excel 或 WPS 打开，检查是否有很长的文字被复制到大量单元格；只把需要的表格区域"
                          "复制到新工作簿，另存为 .xlsx 后放回。")


def too_large(message: str, file: str, sheet: str | None, hint: str = TOO_LARGE_HINT) -> InputError:
    return InputError(message, file=file, sheet=sheet, hint=hint)


def tags(pattern: re.Pattern, chunks: Iterator[bytes], file: str,
         sheet: str | None) -> Iterator[tuple[re.Match, int]]:
    """The matches of ``pattern`` (a tag regex) in an XML stream read in chunks, whole even when a
    chunk ends inside a tag, each with the stream offset of the text it was matched in (so a
    caller can tell that two tags touch: an empty ``<v></v>``)."""
    carry = b""
    base = 0
    for chunk in chunks:
        buffer = carry + chunk
        cut = buffer.rfind(b"<")
        if cut < 0:
            cut = len(buffer)
        for match in pattern.finditer(buffer, 0, cut):
            yield match, base
        carry = buffer[cut:]
        base += cut
        if len(carry) > _CHUNK_TAG_LIMIT:
            raise InputError("表格的 XML 中有一个超过 1 MB 的标签，文件已损坏或是特意构造的",
                             file=file, sheet=sheet, hint=RESAVE_HINT)
    for match in pattern.finditer(carry):
        yield match, base
