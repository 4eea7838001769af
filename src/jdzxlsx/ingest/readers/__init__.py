"""Format readers: bytes of one file → raw sheets (name, rows of cell values, merged ranges).

Vendor-agnostic and reusable: nothing here knows what a ledger is. The format is sniffed from
the content, never the extension, because finance software writes HTML, XML and text under
".xls" names (docs/tooling-notes.md §2.5):

    D0 CF 11 E0 → real xls (BIFF)      PK → xlsx / ods      "<" → HTML or SpreadsheetML 2003
    anything else → delimited text (CSV / TSV), decoded BOM → strict UTF-8 → GB18030.

Every failure of a reader becomes an InputError naming the file, never a traceback.
"""

from __future__ import annotations

import re

from ...errors import InputError
from .calamine_reader import read_workbook
from .decode import DecodeError, decode_text, declared_charset
from .delimited import read_delimited
from .html_table import read_html
from .raw import RawSheet
from .spreadsheetml import SPREADSHEETML_NAMESPACE, read_spreadsheetml

__all__ = ["RawSheet", "sniff_format", "read_sheets", "decode_text"]

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
_ZIP_SIGNATURE = b"PK\x03\x04"
_HTML_MARKERS = re.compile(r"<\s*(?:!doctype\s+html|html|table|tr|td|body|head|meta)\b", re.I)
_WORKBOOK_ELEMENT = re.compile(r"<\s*(?:\w+:)?Workbook\b")
_SAVE_AS_HINT = "请用 Excel 或 WPS 打开该文件，另存为 .xlsx 后放回文件夹再运行。"


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
    fmt = sniff_format(data)
    try:
        if fmt in ("xls", "xlsx", "ods"):
            return fmt, read_workbook(data)
        text = decode_text(data, declared_charset(data) if fmt in ("html", "xml") else None)
        if fmt == "html":
            return fmt, read_html(text, stem)
        if fmt == "xml":
            if SPREADSHEETML_NAMESPACE not in text[:4096]:
                raise InputError("文件以「<」开头，但既不是网页表格（HTML）也不是 Excel 2003 XML 表格",
                                 file=file, hint=_SAVE_AS_HINT)
            return fmt, read_spreadsheetml(text)
        return fmt, read_delimited(text, stem)
    except InputError as error:
        error.file = error.file or file
        raise
    except DecodeError as error:
        raise InputError(f"无法识别文件的文字编码（试过 {error.tried}）", file=file,
                         hint="请用 Excel 或 WPS 打开后另存为 .xlsx，或另存为 UTF-8 编码的 CSV。") from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001
        # The binary readers are native code (calamine raises its own types and, for some broken
        # files, pyo3's PanicException, which is a BaseException): whatever they raise, the
        # accountant needs the file's name and a remedy, not a traceback.
        raise InputError(f"无法按 {fmt} 格式读取文件：{_reason(error)}", file=file,
                         hint=_SAVE_AS_HINT) from error


def _text_head(data: bytes) -> str:
    """The first characters of a text file, without BOM and leading whitespace."""
    try:
        head = decode_text(data[:4096], None, partial=True)
    except DecodeError:
        return ""
    return head.lstrip("\ufeff \t\r\n")


def _reason(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    if "password" in text.lower() or type(error).__name__ == "PasswordError":
        return "文件设有打开密码"
    return text.splitlines()[0][:200]
