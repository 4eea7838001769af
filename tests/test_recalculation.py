"""LibreOffice recalculates the sample workbook and finds every cached value right."""

from __future__ import annotations

import zipfile

import pytest

from tests import oracle
from tests.conftest import require_libreoffice

pytestmark = pytest.mark.slow


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


def test_a_line_without_its_codes_gives_the_same_values_in_libreoffice(sample_copy, tmp_path):
    """A basic-expenditure line exported without its 经济分类 and a spending line without its
    功能分类:
    the group and class queries must match it in Python as SUMIFS does in a spreadsheet
    (an empty code is not a code that begins with anything)."""
    require_libreoffice()
    from tests.conftest import build_sample
    from tests.mutations import edit_csv_line

    edit_csv_line(sample_copy, 5, "【经济分类:30399 其他对个人和家庭的补助】", "")
    edit_csv_line(sample_copy, 17, "【功能分类:", "【备注:")
    written = build_sample(tmp_path / "dist", folder=sample_copy)
    (recalculated,) = oracle.recalculate([written], tmp_path / "out")
    diffs = oracle.differences(written, recalculated)
    assert diffs == [], "\n".join(map(str, diffs[:20]))
    from jdzxlsx.checks import findings_from_workbook
    lines = [f for f in findings_from_workbook(written) if f.rule_id.startswith("S7[")]
    assert len(lines) == 2
