"""LibreOffice recalculates the sample workbook and finds every cached value right."""

from __future__ import annotations

import re
import shutil
import zipfile

import openpyxl
import pytest

from tests import oracle
from tests.conftest import require_libreoffice


def test_libreoffice_recalculation_matches_every_cached_value(sample_workbook,
                                                              sample_recalculated):
    cells = oracle.formula_cells(sample_workbook)
    assert len(cells) > 500            # the tables, not an empty book
    diffs = oracle.differences(sample_workbook, sample_recalculated)
    assert diffs == [], "\n".join(map(str, diffs[:20]))


def test_the_oracle_catches_a_wrong_cached_value(sample_workbook, tmp_path):
    """Guard against an oracle that cannot fail: corrupt one cached value, expect a finding."""
    require_libreoffice()
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(sample_workbook) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":      # 公开01表
                text = data.decode("utf-8")
                start = text.index("<f>")
                value_at = text.index("<v>", start) + 3
                end = text.index("</v>", value_at)
                text = text[:value_at] + "999999" + text[end:]
                data = text.encode("utf-8")
            target.writestr(item, data)
    (recalculated,) = oracle.recalculate([broken], tmp_path / "out")
    diffs = oracle.differences(broken, recalculated)
    assert len(diffs) == 1 and diffs[0].cached == 999999


def test_a_changed_working_paper_amount_moves_exactly_its_dependent_cells(sample_workbook,
                                                                          tmp_path):
    """Liveness: add 10 000.00 元 (1.00 万元) to one basic-expenditure line of 2011301 in 底稿;
    after LibreOffice recalculates, exactly the cells that line feeds move by 1.00."""
    require_libreoffice()
    book = openpyxl.load_workbook(sample_workbook)
    paper = book["底稿"]
    header = [c.value for c in paper[1]]
    col = {name: i for i, name in enumerate(header)}
    target_row = next(r for r in paper.iter_rows(min_row=2)
                      if r[col["方向"]].value == "支出" and r[col["收支类别"]].value == "基本支出"
                      and r[col["功能分类科目"]].value == "2011301")
    target_row[col["金额（元）"]].value = target_row[col["金额（元）"]].value + 10000
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    original_copy = tmp_path / "original.xlsx"
    shutil.copy(sample_workbook, original_copy)
    before_path, after_path = oracle.recalculate([original_copy, changed], tmp_path / "out")

    def amounts(path, sheet):
        """The printed amounts (inside the print area; the hidden 元 columns lie outside)."""
        ws = openpyxl.load_workbook(path, data_only=True)[sheet]
        last_column = openpyxl.utils.column_index_from_string(
            re.findall(r"\$([A-Z]+)\$\d+", str(ws.print_area))[-1])
        return {c.coordinate: c.value for row in ws.iter_rows(max_col=last_column) for c in row
                if isinstance(c.value, float | int) and not isinstance(c.value, bool)}

    moved = {}
    for sheet in ("公开01表", "公开02表", "公开03表"):
        before, after = amounts(before_path, sheet), amounts(after_path, sheet)
        for coord, value in before.items():
            if after[coord] != pytest.approx(value, abs=1e-9):
                moved[(sheet, coord)] = round(after[coord] - value, 6)

    def cell_of(sheet, row_label, column_label, label_col=0):
        ws = openpyxl.load_workbook(before_path, data_only=True)[sheet]
        rows = list(ws.iter_rows())
        header_row = next(r for r in rows if any(c.value == column_label for c in r))
        column = next(c.column_letter for c in header_row if c.value == column_label)
        row = next(r for r in rows if r[label_col].value == row_label)
        return (sheet, f"{column}{row[0].row}")

    def cell_01(label, side):
        ws = openpyxl.load_workbook(before_path, data_only=True)["公开01表"]
        label_col, amount_col = (0, "C") if side == "收入" else (3, "F")
        row = next(r for r in ws.iter_rows() if r[label_col].value == label)
        return ("公开01表", f"{amount_col}{row[0].row}")

    expected = {
        cell_01("一、一般公共服务支出", "支出"): 1.0,
        cell_01("本年支出合计", "支出"): 1.0,
        cell_01("年末结转和结余", "支出"): -1.0,
    }
    for code in ("合计", "201", "20113", "2011301"):
        expected[cell_of("公开03表", code, "本年支出合计")] = 1.0
        expected[cell_of("公开03表", code, "基本支出")] = 1.0
    assert moved == expected
