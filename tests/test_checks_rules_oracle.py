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
           "the 年终结转 voucher closes less income", "health insurance under another function",
           # issue 9: the government-fund and state-capital tables, typed-over cells, the
           # hand-kept figures and the ≤ rules
           "公开08表 a 款 typed over", "公开09表 a 款 typed over", "固定资产 typed differs from its six parts",
           "中小企业 above the procurement", "公务接待费 beyond its budget",
           "a refund larger than the year's own-fund spending", "公开10表 资产总额 and 车辆 typed over"]


def _workbook(case, path):
    from jdzxlsx.checks import build_checks

    paper, extras = case if isinstance(case, tuple) else (case, {})
    book = synthetic.assemble(paper, **extras)
    result = build_checks(book, paper, synthetic.template())
    book.resolve(paper)
    write_workbook(book, path)
    return result


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    require_libreoffice()
    folder = tmp_path_factory.mktemp("synthetic")
    books = {"clean": (synthetic.clean_paper(), folder / "clean.xlsx"),
             "three funds": (synthetic.three_funds_paper(), folder / "three_funds.xlsx")}
    books |= {name: (synthetic.SCENARIOS[name][0](), folder / f"scenario{i}.xlsx")
              for i, name in enumerate(WRITTEN)}
    results = {name: _workbook(paper, path) for name, (paper, path) in books.items()}
    recalculated = oracle.recalculate([path for _, path in books.values()], folder / "out")
    return {name: (results[name], books[name][1], out)
            for name, out in zip(books, recalculated)}


@pytest.mark.parametrize("name", ["clean", "three funds", *WRITTEN])
def test_libreoffice_computes_every_check_as_python_did(written, name):
    result, path, recalculated = written[name]
    diffs = oracle.differences(path, recalculated)
    assert diffs == [], "\n".join(map(str, diffs[:20]))
    python = [(f.rule_id, f.verdict) for f in result.findings]
    assert [(f.rule_id, f.verdict) for f in findings_from_workbook(recalculated)] == python
    if name not in ("clean", "three funds"):
        expected = synthetic.SCENARIOS[name][1]
        assert expected <= {f.rule_id.split("[", 1)[0] for f in findings_from_workbook(
            recalculated) if f.verdict == "不符"}
