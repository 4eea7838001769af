"""Sniffing a file's format from its bytes, and handing it to the reader of that format."""

from __future__ import annotations

import re

from ...errors import InputError
from . import limits
from .calamine_reader import read_workbook
from .content import binary_content, foreign_content, not_a_table
from .decode import DecodeError, decode_text, declared_charset
from .delimited import read_delimited
from .html_table import read_html
from .raw import RawSheet
from .spreadsheetml import SPREADSHEETML_NAMESPACE, read_spreadsheetml

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
# An xlsx with an opening password is an OLE compound file holding this stream (MS-OFFCRYPTO).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ZIP_SIGNATURE = b"PK\x03\x04"
_HTML_MARKERS = re.compile(r"<\s*(?:!doctype\s+html|html|table|tr|td|body|head|meta)\b", re.I)
_WORKBOOK_ELEMENT = re.compile(r"<\s*(?:\w+:)?Workbook\b")
_SAVE_AS_HINT = "请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后放回文件夹再运行。"
_FORMAT_NAMES = {"xls": "Excel 97-2003（.xls）", "xlsx": "Excel（.xlsx）", "ods": "OpenDocument（.ods）",
                 "html": "网页表格（HTML）", "xml": "Excel 2003 XML", "csv": "文本表格（CSV）"}
# pyo3 raises PanicException (a BaseException, not importable by name) when native code panics
# on a broken file; it is caught by this name, and nothing else beyond Exception is.
_PANIC = ("pyo3_runtime", "PanicException")


def sniff_format(data: bytes) -> str:
    """xls / xlsx / ods / html / xml / csv, decided by the bytes."""
    if data.startswith(_OLE_SIGNATURE):
        return "xls"
    if data.startswith(_ZIP_SIGNATURE):
        # An OpenDocument zip names its mimetype in the first entry.
        return "ods" if b"opendocument.spreadsheet" in data[:200] else "xlsx"
    head = _text_head(data)
    if head.startswith("<"):
        # SpreadsheetML has <Table>/<Row>/<Cell> too, so it is recognised first.
        if SPREADSHEETML_NAMESPACE in head and _WORKBOOK_ELEMENT.search(head):
            return "xml"
        if _HTML_MARKERS.search(head):
            return "html"
        return "xml"
    return "csv"


def read_sheets(data: bytes, file: str, stem: str) -> tuple[str, list[RawSheet]]:
    """(format, sheets) of one file; ``file`` names it in errors, ``stem`` names text sheets."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise InputError(f"文件有 {len(data) / 2**20:,.0f} MB，超过可读取的 "
                         f"{limits.MAX_FILE_BYTES // 2**20} MB，不像一份账表", file=file,
                         hint="请只把需要的表格另存为一个新的 .xlsx 文件后放回文件夹。")
    if (kind := foreign_content(data)) is not None:
        raise not_a_table(file, kind)
    fmt = sniff_format(data)
    if fmt == "csv" and (kind := binary_content(data)) is not None:
        raise not_a_table(file, kind)
    if fmt == "xls" and _ENCRYPTED_STREAM in data:
        raise InputError("文件设有打开密码，请去掉密码后另存再放入目录", file=file,
                         hint="用 Excel 或 WPS 输入密码打开，在「文件 → 信息 → 保护工作簿」"
                              "（WPS：「文件 → 文档加密」）中清除打开密码，另存为 .xlsx 后放回。")
    try:
        if fmt in ("xls", "xlsx", "ods"):
            return read_workbook(data, file, fmt)
        text = decode_text(data, declared_charset(data) if fmt in ("html", "xml") else None)
        if fmt == "html":
            return fmt, read_html(text, stem, file)
        if fmt == "xml":
            if SPREADSHEETML_NAMESPACE not in text[:4096]:
                raise InputError("文件以「<」开头，但既不是网页表格（HTML）也不是 Excel 2003 XML 表格",
                                 file=file, hint=_SAVE_AS_HINT)
            return fmt, read_spreadsheetml(text, file)
        return fmt, read_delimited(text, stem, file)
    except InputError as error:
        error.file = error.file or file
        raise
    except DecodeError as error:
        raise InputError(f"无法识别文件的文字编码（试过 {error.tried}）", file=file,
                         hint="请用 Excel 或 WPS 打开后另存为 .xlsx，或另存为 UTF-8 编码的 CSV。") from None
    except Exception as error:  # noqa: BLE001
        # The readers (calamine is native code) raise their own types for broken files: the
        # accountant needs the file's name and a remedy, not a traceback.
        raise _unreadable(fmt, file, error) from error
    except BaseException as error:
        if (type(error).__module__, type(error).__name__) != _PANIC:
            raise
        raise _unreadable(fmt, file, error) from error


def _text_head(data: bytes) -> str:
    """The first characters of a text file, without BOM and leading whitespace."""
    try:
        head = decode_text(data[:4096], None, partial=True)
    except DecodeError:
        return ""
    return head.lstrip("\ufeff \t\r\n")


def _unreadable(fmt: str, file: str, error: BaseException) -> InputError:
    """The Chinese message for a file its reader could not read (the library's words are
    kept only as the exception's cause, for a developer)."""
    if type(error).__name__ == "PasswordError":
        return InputError("文件设有打开密码，请去掉密码后另存再放入目录", file=file,
                          hint="用 Excel 或 WPS 输入密码打开，清除打开密码后另存为 .xlsx 放回。")
    return InputError(f"文件已损坏或不完整，无法作为{_FORMAT_NAMES.get(fmt, fmt)}文件读取"
                      "（可能是复制或下载未完成，或导出中断）", file=file,
                      hint="请用 Excel 或 WPS 打开该文件；能打开的话另存为 .xlsx 后放回文件夹，"
                           "打不开的话请从会计软件重新导出。")
