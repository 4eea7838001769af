"""The findings of a written workbook's 核对表, as the spreadsheet program last computed them
(the cached values: fresh after Excel or WPS saved the file)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..errors import InputError
from ..templates import Origin, Parameter
from ..templates import SEVERITIES
from .findings import VERDICTS, Finding
from .sheet import (CHECK_SHEET, COLUMN, NOT_CHECKED, PARAMETERS_TITLE, ROWS_AT_BUILD,
                    SUMMARY_TOP)


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
    for number, row in enumerate(rows[header + 1:], start=header + 2):
        if row and row[0] == NOT_CHECKED:
            not_checked.append(str(row[2]))
            continue
        if not row or not row[0]:
            continue
        row = list(row) + [None] * len(COLUMN)
        value = lambda name: row[COLUMN[name]]  # noqa: E731
        out.append((number, Finding(rule_id=value("编号"), family=value("类别"),
                           description=value("检查内容"), severity=value("级别"),
                           verdict=value("结论"), left=value("左值"), right=value("右值"),
                           difference=value("差额"), unit=value("单位"),
                           place=value("位置") or "", advice=value("处理办法") or "",
                           ratio=value("比率"), allowance=value("允许差额"),
                           addends=value("加项数"))))
    if out and all(f.verdict is None for _, f in out):
        raise InputError("工作簿的核对表没有计算结果（文件由不计算公式的程序保存过）。",
                         file=str(path), sheet=CHECK_SHEET,
                         hint="用 Excel 或 WPS 打开该工作簿、保存后再核对，或对输入目录运行 check。")
    findings = [_unusable_verdict(number, finding) for number, finding in out]
    return [*findings, *_row_count_failures(findings, rows)], parameters, not_checked


def _unusable_verdict(row: int, finding: Finding) -> Finding:
    """A row whose 结论 is an error value (#VALUE!, #REF! …), blank or any other word decides
    nothing: it is a failure of the 错误 level, never dropped."""
    if finding.verdict in VERDICTS and finding.severity in SEVERITIES:
        return finding
    shown = "空白" if finding.verdict in (None, "") else f"「{finding.verdict}」"
    if finding.verdict in VERDICTS:
        shown = f"级别「{finding.severity}」不是 {'、'.join(SEVERITIES)} 之一"
    return replace(finding, severity="错误", verdict="不符",
                   description=f"{finding.description}（结论为{shown}，无法判断）",
                   place=f"{CHECK_SHEET} 第 {row} 行" + (f"；{finding.place}" if finding.place else ""),
                   advice="核对表的公式被改动或引用的数字出错：用 jdzxlsx build 重新生成，"
                          "或在 Excel/WPS 中查看该行公式引用的单元格。")


def _row_count_failures(found: list[Finding], rows: list[tuple]) -> list[Finding]:
    """A 核对表 with no rows, or fewer or more than were written, has been cut or padded."""
    written = next((row[3] for row in rows[:SUMMARY_TOP]
                    if row and len(row) > 3 and row[2] == ROWS_AT_BUILD), None)
    if found and (not isinstance(written, (int, float)) or written == len(found)):
        return []       # older workbooks carry no count; their rows are all there is to read
    said = (f"生成时有 {int(written)} 项，现有 {len(found)} 项" if isinstance(written, (int, float))
            else "没有任何核对项")
    return [Finding(rule_id="核对表", family="完整性", description=f"核对表不完整：{said}",
                    severity="错误", verdict="不符", left=len(found),
                    right=written if isinstance(written, (int, float)) else None,
                    difference=None, unit="行", place=CHECK_SHEET,
                    advice="核对表的行被删除或添加过：用 jdzxlsx build 重新生成，"
                           "或对输入目录运行 jdzxlsx check。")]
