"""The 核对表 sheet: the findings rendered as live formulas — left and right over named cells
or queries, 差额, 比率, 允许差额 and 结论 from the rule's verdict kind, tolerances as named
parameter cells, counts per severity and verdict as COUNTIFS over the rows."""

from __future__ import annotations

from ..expr import Node, Ref, RowCount, Sum, Text
from ..model import Sheet
from ..templates import CheckRules, Parameter
from ..templates import SEVERITIES
from .findings import VERDICTS, CheckResult, nonzero_addends, row_formulas, uses_addends

CHECK_SHEET = "核对表"
HEADERS = [("编号", 26), ("类别", 6), ("检查内容", 54), ("左值", 14), ("右值", 14), ("差额", 12),
           ("比率", 9), ("加项数", 6), ("允许差额", 9), ("结论", 7), ("级别", 6), ("单位", 5), ("位置", 34),
           ("处理办法", 44)]
COLUMN = {header: col for col, (header, _) in enumerate(HEADERS)}
ROW_CELLS = {"左": "左值", "右": "右值", "差额": "差额", "比率": "比率", "允许差额": "允许差额",
             "结论": "结论", "非零加项数": "加项数"}
# how a rule's values show, by its unit (人, 行, 辆: whole numbers)
UNIT_STYLES = {"万元": "money", "元": "money", "分": "money", "比率": "percent", "等级": "cell_text"}
SUMMARY_TOP = 3
PARAMETERS_TOP = SUMMARY_TOP + len(SEVERITIES) + 3
PARAMETERS_TITLE = "参数（可改；改后全部结论重算）"
NOT_CHECKED = "未核对"
# A typed number, not a formula: `check` on a saved workbook compares it with the rows it finds,
# so a deleted row is a failure rather than a silently shorter list.
ROWS_AT_BUILD = "生成时的核对项数"


def detail_header_row(parameters: int) -> int:
    return PARAMETERS_TOP + parameters + 2


def check_sheet(department: str, year: int, parameters: list[Parameter]) -> Sheet:
    """The sheet with its title, explanation and tolerance cells; rows come later (the
    findings are evaluated with the tolerances already named)."""
    sheet = Sheet(CHECK_SHEET, tab_color="#C00000")
    width = len(HEADERS) - 1
    sheet.text(0, 0, f"核对表 — {department} {year}年度部门决算", "title")
    sheet.merge(0, 0, 0, width)
    sheet.text(1, 0, "结论：一致＝两边相等；尾差＝差额在「允许差额」之内，系各数分别从元四舍五入"
                     "所致，不是错账；不符＝须处理。各行的差额、比率、加项数、允许差额、结论都是公式，"
                     "由规则的结论种类（模板 checks.toml）给出，引用下面的参数。级别：错误必须更正，"
                     "警告须在情况说明中说明原因，提示供参考。改动底稿或参数后全部随之重算。", "text")
    sheet.merge(1, 0, 1, width)
    sheet.row_heights[1] = 30
    sheet.text(PARAMETERS_TOP, 0, PARAMETERS_TITLE, "section")
    for offset, parameter in enumerate(parameters, start=1):
        row = PARAMETERS_TOP + offset
        sheet.text(row, 0, parameter.name, "cell_text")
        sheet.text(row, 2, parameter.label, "cell_text")
        sheet.named_number(row, 3, parameter.name, parameter.value, "parameter")
    for col, (header, width_) in enumerate(HEADERS):
        sheet.col_widths[col] = width_
    return sheet


def render_rows(sheet: Sheet, result: CheckResult, rules: CheckRules) -> None:
    header = detail_header_row(len(result.parameters))
    first = header + 1
    last = first + max(len(result.rows), 1) - 1
    for col, (title, _) in enumerate(HEADERS):
        sheet.text(header, col, title, "header")
    verdicts: list[tuple[Node, str]] = []
    for offset, (instance, finding) in enumerate(result.rows):
        row = first + offset
        rule = instance.rule
        style = UNIT_STYLES.get(rule.unit, "count")
        base = f"核对.{instance.id}"
        sheet.text(row, COLUMN["编号"], instance.id, "cell_text")
        sheet.text(row, COLUMN["类别"], rule.family, "cell_text")
        sheet.text(row, COLUMN["检查内容"], instance.description, "cell_text")
        cells: dict[str, Node] = {}
        for local, node in (("左", instance.left), ("右", instance.right)):
            if node is not None:
                cells[local] = Ref(f"{base}.{local}")
                sheet.formula(row, COLUMN[ROW_CELLS[local]], f"{base}.{local}", node, style)
        if uses_addends(rules.compare[rule.compare]):
            cells["非零加项数"] = Ref(f"{base}.加项数")
            sheet.formula(row, COLUMN["加项数"], f"{base}.加项数", nonzero_addends(instance),
                          "count")
        for local in rules.compare[rule.compare].columns:
            cells[local] = Ref(f"{base}.{local}")
        formulas = row_formulas(instance, rules, cells)
        for local, node in formulas.items():
            column_style = {"比率": "percent", "结论": "verdict"}.get(local, style)
            sheet.formula(row, COLUMN[ROW_CELLS[local]], f"{base}.{local}", node, column_style)
        sheet.text(row, COLUMN["级别"], rule.severity, "cell_text")
        sheet.text(row, COLUMN["单位"], rule.unit, "cell_text")
        if instance.link:
            sheet.link(row, COLUMN["位置"], instance.place, instance.link)
        else:
            sheet.text(row, COLUMN["位置"], instance.place, "cell_text")
        sheet.text(row, COLUMN["处理办法"], rule.advice, "cell_text")
        verdicts.append((Ref(f"{base}.结论"), rule.severity))

    _summary(sheet, verdicts, first, last)
    sheet.text(SUMMARY_TOP - 1, 2, ROWS_AT_BUILD, "label")
    sheet.number(SUMMARY_TOP - 1, 3, len(result.rows), "count")
    for offset, text in enumerate(result.not_checked, start=2):
        sheet.text(last + offset, 0, NOT_CHECKED, "cell_text")
        sheet.text(last + offset, 2, text, "cell_text")
    verdict_col = COLUMN["结论"]
    for text, style in (("不符", "bad"), ("尾差", "warn"), ("一致", "good")):
        sheet.highlights.append((first, verdict_col, last, verdict_col, text, style))
    sheet.freeze = (first, 3)
    sheet.autofilter = (header, 0, last, len(HEADERS) - 1)
    sheet.repeat_rows = (header, header)
    sheet.print_area = (0, 0, last + 1 + len(result.not_checked), len(HEADERS) - 1)


def _summary(sheet: Sheet, verdicts: list[tuple[Node, str]], first: int, last: int) -> None:
    """Counts per severity and verdict, as COUNTIFS over the rows below."""
    top, verdict_col, severity_col = SUMMARY_TOP, COLUMN["结论"], COLUMN["级别"]
    sheet.text(top - 1, 0, "汇总", "section")
    for col, header in enumerate(("级别", *VERDICTS, "合计")):
        sheet.text(top, col, header, "header")
    for r, severity in enumerate(SEVERITIES, start=1):
        sheet.text(top + r, 0, severity, "label")
        for c, verdict in enumerate(VERDICTS, start=1):
            sheet.formula(top + r, c, f"核对汇总.{severity}.{verdict}", RowCount(
                ((first, last, verdict_col, verdict), (first, last, severity_col, severity)),
                tuple((ref, Text(sev)) for ref, sev in verdicts)), "count")
        sheet.formula(top + r, len(VERDICTS) + 1, f"核对汇总.{severity}.合计", RowCount(
            ((first, last, severity_col, severity),),
            tuple((Text(sev),) for _, sev in verdicts)), "count")
    total_row = top + len(SEVERITIES) + 1
    sheet.text(total_row, 0, "合计", "label_total")
    for c, verdict in enumerate(VERDICTS, start=1):
        sheet.formula(total_row, c, f"核对汇总.合计.{verdict}", RowCount(
            ((first, last, verdict_col, verdict),), tuple((ref,) for ref, _ in verdicts)),
            "count")
    sheet.formula(total_row, len(VERDICTS) + 1, "核对汇总.合计.合计",
                  Sum(tuple(Ref(f"核对汇总.合计.{v}") for v in VERDICTS)), "count")
    sheet.names.append(("核对_错误数", "核对汇总.错误.不符"))

