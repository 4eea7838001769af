"""What a file's bytes really are, when they are not a table (issue 8, "never skip a ledger").

A month's ledger saved as PDF under an .xlsx name used to be read as CSV text, found to hold no
ledger, and skipped: the workbook was built without that month. A file with a table's extension
whose bytes are a document, a picture, an archive or binary data is refused instead, naming what
it is.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

from ...errors import InputError

_SIGNATURES = (
    (b"%PDF", "PDF 文档"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF87a", "GIF 图片"),
    (b"GIF89a", "GIF 图片"),
    (b"Rar!\x1a\x07", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"{\\rtf", "RTF 文档"),
    (b"RIFF", "多媒体文件"),
)
_ZIP_KINDS = (
    ("word/document.xml", "Word 文档（.docx）"),
    ("ppt/presentation.xml", "PowerPoint 演示文稿（.pptx）"),
    ("xl/workbook.bin", "Excel 二进制工作簿（.xlsb），本程序不读取这种格式"),
)
_ODF_KINDS = {"opendocument.text": "OpenDocument 文字文档（.odt）",
              "opendocument.presentation": "OpenDocument 演示文稿（.odp）"}
_TEXT_CONTROLS = set(range(32)) - {9, 10, 12, 13, 26}
_BOM_16_32 = (b"\xff\xfe", b"\xfe\xff")
HINT = "请从会计软件重新把这份账表导出为 Excel（.xlsx 或 .xls）文件，放回文件夹后再运行；" \
       "不需要读取的文件请移出文件夹，或在 jdzxlsx.toml 的「忽略」中列出。"


def foreign_content(data: bytes) -> str | None:
    """What the bytes are when they are plainly not a table (None when they may be one)."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def zip_content(archive: zipfile.ZipFile) -> str:
    """"xlsx" / "ods", or what else the zip is."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names:
        # Only its head: a "mimetype" member can inflate to hundreds of MB (issue 8).
        with archive.open("mimetype") as member:
            mimetype = member.read(100).decode("ascii", "replace")
        if "opendocument.spreadsheet" in mimetype:
            return "ods"
        for key, kind in _ODF_KINDS.items():
            if key in mimetype:
                return kind
    for name, kind in _ZIP_KINDS:
        if name in names:
            return kind
    return "ZIP 压缩包（里面没有工作簿）"


def binary_content(data: bytes) -> str | None:
    """"二进制数据" when bytes sniffed as text are not text: NUL bytes (outside UTF-16/32), or
    many control characters in the first 4 KB."""
    if data.startswith(_BOM_16_32):
        return None
    head = data[:4096]
    if b"\x00" in head:
        return "二进制数据（含空字符）"
    controls = sum(1 for byte in head if byte in _TEXT_CONTROLS)
    if controls * 20 > len(head):
        return "二进制数据"
    return None


def not_a_table(file: str, kind: str) -> InputError:
    suffix = PurePosixPath(file).suffix
    start = f"文件扩展名是 {suffix}" if suffix else "文件没有扩展名"
    space = " " if kind[:1].isascii() else ""
    return InputError(f"{start}，但内容是{space}{kind}，不是表格，无法读取", file=file, hint=HINT)
