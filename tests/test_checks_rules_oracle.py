"""The issue-7 rules as live formulas: the small working papers of tests/synthetic.py written as
workbooks and recalculated by LibreOffice give every cached value and verdict Python gave —
the blank criterion of S10 (功能分类科目=""), the 项目类别 and 收支类别 criteria, the count
queries of the unit rules."""

from __future__ import annotations

import pytest

from jdzxlsx.checks import findings_from_workbook
from jdzxlsx.xlsx.writer import write_workbook
from tests import oracle, synthetic
from tests.conftest import require_libreoffice

pytestmark = pytest.mark.slow

WRITTEN = ["income without its 功能分类", "a 特定目标类 project in 基本支出",
           "公务接待费 at an institute", "an office books 事业支出", "a code with a warning on two lines",
           "the 年终结转 voucher closes less income", "health insurance under another function"]


def _workbook(paper, path):
    from jdzxlsx.model import Workbook
    from jdzxlsx.tables import (basic_info_sheet, budget_sheet, build_tables, prior_year_sheet,
                                working_paper_sheet)
    from jdzxlsx.checks import build_checks

    template = synthetic.template()
    book = Workbook()
    tables = build_tables(book, paper, template)
    book.sheets = [*tables, working_paper_sheet(paper), budget_sheet(paper),
                   prior_year_sheet(paper), basic_info_sheet(paper)]
    result = build_checks(book, paper, template)
    book.resolve(paper)
    write_workbook(book, path)
    return result


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    require_libreoffice()
    folder = tmp_path_factory.mktemp("synthetic")
    books = {"clean": (synthetic.clean_paper(), folder / "clean.xlsx")}
    books |= {name: (synthetic.SCENARIOS[name][0](), folder / f"scenario{i}.xlsx")
              for i, name in enumerate(WRITTEN)}
    results = {name: _workbook(paper, path) for name, (paper, path) in books.items()}
    recalculated = oracle.recalculate([path for _, path in books.values()], folder / "out")
    return {name: (results[name], books[name][1], out)
            for name, out in zip(books, recalculated)}


@pytest.mark.parametrize("name", ["clean", *WRITTEN])
def test_libreoffice_computes_every_check_as_python_did(written, name):
    result, path, recalculated = written[name]
    diffs = oracle.differences(path, recalculated)
    assert diffs == [], "\n".join(map(str, diffs[:20]))
    python = [(f.rule_id, f.verdict) for f in result.findings]
    assert [(f.rule_id, f.verdict) for f in findings_from_workbook(recalculated)] == python
    if name != "clean":
        expected = synthetic.SCENARIOS[name][1]
        assert expected <= {f.rule_id.split("[", 1)[0] for f in findings_from_workbook(
            recalculated) if f.verdict == "不符"}
