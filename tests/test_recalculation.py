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
