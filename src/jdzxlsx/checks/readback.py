"""The findings of a written workbook's 核对表, as the spreadsheet program last computed them
(the cached values: fresh after Excel or WPS saved the file)."""

from __future__ import annotations

from decimal import Decimal

from ..errors import InputError
from ..templates import Origin, Parameter
from .findings import Finding
from .sheet import CHECK_SHEET, COLUMN, NOT_CHECKED, PARAMETERS_TITLE


def findings_from_workbook(path) -> list[Finding]:
    return read_check_sheet(path)[0]


def read_check_sheet(path) -> tuple[list[Finding], list[Parameter], list[str]]:
    """The findings, the tolerance parameters and the 未核对 lines of a saved 核对表."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable file is the same to the user
        raise InputError(f"无法打开工作簿：{error}", file=str(path),
                         hint="请给出 jdzxlsx 生成的 .xlsx 文件，或输入目录。") from None
    if CHECK_SHEET not in book.sheetnames:
        raise InputError(f"工作簿中没有「{CHECK_SHEET}」工作表。", file=str(path),
                         hint="请给出 jdzxlsx 生成的工作簿，或用输入目录重新核对。")
    rows = list(book[CHECK_SHEET].iter_rows(values_only=True))
    book.close()
    header = next((i for i, row in enumerate(rows) if row and row[0] == "编号"), None)
    if header is None:
        raise InputError("核对表中找不到表头行（「编号」）。", file=str(path), sheet=CHECK_SHEET,
                         hint="请给出 jdzxlsx 生成的工作簿，或用输入目录重新核对。")
    top = next((i for i, row in enumerate(rows) if row and row[0] == PARAMETERS_TITLE), header)
    parameters = [Parameter(row[0], row[2], Decimal(str(row[3])), Origin(CHECK_SHEET, i + 1))
                  for i, row in enumerate(rows[top + 1:header], start=top + 1)
                  if row and row[0] and isinstance(row[3], (int, float))]
    out, not_checked = [], []
    for row in rows[header + 1:]:
        if row and row[0] == NOT_CHECKED:
            not_checked.append(str(row[2]))
            continue
        if not row or not row[0]:
            continue
        row = list(row) + [None] * len(COLUMN)
        value = lambda name: row[COLUMN[name]]  # noqa: E731
        out.append(Finding(rule_id=value("编号"), family=value("类别"),
                           description=value("检查内容"), severity=value("级别"),
                           verdict=value("结论"), left=value("左值"), right=value("右值"),
                           difference=value("差额"), unit=value("单位"),
                           place=value("位置") or "", advice=value("处理办法") or "",
                           ratio=value("比率"), allowance=value("允许差额"),
                           addends=value("加项数")))
    if out and all(f.verdict is None for f in out):
        raise InputError("工作簿的核对表没有计算结果（文件由不计算公式的程序保存过）。",
                         file=str(path), sheet=CHECK_SHEET,
                         hint="用 Excel 或 WPS 打开该工作簿、保存后再核对，或对输入目录运行 check。")
    return out, parameters, not_checked
