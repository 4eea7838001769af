"""`jdzxlsx check <workbook>` reads a saved 核对表: an error value, a blank verdict, text over a
figure, a deleted row or an empty 核对表 is a failure (exit 1 under --strict), never dropped."""

from __future__ import annotations

import openpyxl
import pytest

from jdzxlsx.checks import CHECK_SHEET
from jdzxlsx.checks.sheet import COLUMN, ROWS_AT_BUILD
from jdzxlsx.cli import main

pytestmark = pytest.mark.slow

VERDICT = COLUMN["结论"] + 1          # openpyxl counts columns from 1
LEFT = COLUMN["左值"] + 1


def _values_copy(workbook, tmp_path, edit) -> str:
    """The workbook as saved values (what Excel's cache holds), with ``edit(sheet, rows)``
    applied; ``rows`` are the 核对表's finding rows (1-based numbers)."""
    book = openpyxl.load_workbook(workbook, data_only=True)
    sheet = book[CHECK_SHEET]
    header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "编号")
    rows = [r for r in range(header + 1, sheet.max_row + 1)
            if sheet.cell(r, 1).value and sheet.cell(r, 1).value != "未核对"]
    edit(sheet, rows)
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return str(path)


def _check(capsys, path, *extra) -> tuple[int, str]:
    code = main(["check", path, *extra])
    return code, capsys.readouterr().err


def _first_agreeing(sheet, rows) -> int:
    return next(r for r in rows if sheet.cell(r, VERDICT).value == "一致")


def test_the_unchanged_values_pass_as_the_workbook_did(sample_workbook, tmp_path, capsys):
    path = _values_copy(sample_workbook, tmp_path, lambda sheet, rows: None)
    code, said = _check(capsys, path)
    assert code == 0 and "核对表不完整" not in said and "无法判断" not in said


def test_an_error_value_as_verdict_is_an_error_and_fails_strict(sample_workbook, tmp_path,
                                                                capsys):
    marked = {}

    def edit(sheet, rows):
        marked["row"] = row = _first_agreeing(sheet, rows)
        marked["id"] = sheet.cell(row, 1).value
        sheet.cell(row, VERDICT).value = "#VALUE!"

    path = _values_copy(sample_workbook, tmp_path, edit)
    code, said = _check(capsys, path, "--strict")
    assert code == 1
    assert f"{marked['id']}" in said and "「#VALUE!」" in said
    assert f"核对表 第 {marked['row']} 行" in said


def test_a_blank_verdict_is_an_error(sample_workbook, tmp_path, capsys):
    path = _values_copy(sample_workbook, tmp_path,
                        lambda sheet, rows: setattr(sheet.cell(_first_agreeing(sheet, rows),
                                                               VERDICT), "value", None))
    code, said = _check(capsys, path, "--strict")
    assert code == 1 and "结论为空白" in said


def test_a_deleted_row_is_an_error_naming_both_counts(sample_workbook, tmp_path, capsys):
    counted = {}

    def edit(sheet, rows):
        counted["rows"] = len(rows)
        sheet.delete_rows(_first_agreeing(sheet, rows))

    path = _values_copy(sample_workbook, tmp_path, edit)
    code, said = _check(capsys, path, "--strict")
    assert code == 1
    assert f"生成时有 {counted['rows']} 项，现有 {counted['rows'] - 1} 项" in said


def test_an_empty_check_sheet_is_an_error(sample_workbook, tmp_path, capsys):
    def edit(sheet, rows):
        for row in reversed(rows):
            sheet.delete_rows(row)
        for row in range(1, 4):
            if sheet.cell(row, 3).value == ROWS_AT_BUILD:
                sheet.cell(row, 3).value = sheet.cell(row, 4).value = None

    path = _values_copy(sample_workbook, tmp_path, edit)
    code, said = _check(capsys, path, "--strict")
    assert code == 1 and "核对表不完整：没有任何核对项" in said


def test_text_typed_over_a_figure_of_a_failing_row_is_shown_not_a_crash(sample_workbook,
                                                                        tmp_path, capsys):
    def edit(sheet, rows):
        row = next(r for r in rows if sheet.cell(r, VERDICT).value == "不符")
        sheet.cell(row, LEFT).value = "见附表"

    path = _values_copy(sample_workbook, tmp_path, edit)
    code, said = _check(capsys, path, "--strict")
    assert code == 1 and "左 见附表" in said and "Traceback" not in said
