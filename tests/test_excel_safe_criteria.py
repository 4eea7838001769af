"""No SUMIFS/COUNTIFS criterion a spreadsheet could read as a number or a date (issue 7 item 8).

Excel and WPS turn a criterion such as "2020-05" or "0012" into a date or a number and then also
match date- and number-looking text of the range by value (domain.md, "Excel criteria
coercion").  Only 功能/经济/科目 codes may look like numbers: they are whole codes of one length
in text cells.  The scan reads the written formulas back with openpyxl and judges every literal
criterion with its own pattern, independent of the code that writes them."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import ROOT, build_sample

SAMPLES = sorted(p for p in (ROOT / "inputs").iterdir() if p.is_dir())
CODE_RANGES = {"底稿_功能分类科目", "底稿_经济分类科目", "底稿_会计科目",
               "预算指标_功能分类科目", "预算指标_经济分类科目"}
NUMBER_OR_DATE = re.compile(
    r"""[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?      # 12  0012  1,234.5  1e5  10%
      | \d{1,4}\s*[-/.年]\s*\d{1,2}(\s*[-/.月]\s*\d{1,2}\s*日?)?\s*月?   # 2020-05  2020年5月
      | \d{1,2}\s*[-/]\s*\d{1,2}\s*[-/]\s*\d{2,4} | \d{1,2}月\d{1,2}日?  # 5/1/2020  5月1日
      | \d{1,2}:\d{2}(:\d{2})? | true | false""", re.VERBOSE | re.IGNORECASE)


def _arguments(text: str, start: int) -> tuple[list[str], int]:
    """The top-level arguments of the call whose "(" is at ``start``."""
    args, depth, quoted, begin, i = [], 0, False, start + 1, start + 1
    while i < len(text):
        ch = text[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            if depth == 0:
                args.append(text[begin:i].strip())
                return args, i
            depth -= 1
        elif not quoted and ch == "," and depth == 0:
            args.append(text[begin:i].strip())
            begin = i + 1
        i += 1
    raise AssertionError(f"unbalanced formula: {text}")


def criteria(formula: str):
    """(range, criterion) pairs of every SUMIFS / COUNTIFS in ``formula``."""
    for match in re.finditer(r"\b(SUMIFS|COUNTIFS)\(", formula):
        args, _ = _arguments(formula, match.end() - 1)
        pairs = args[1:] if match.group(1) == "SUMIFS" else args
        for k in range(0, len(pairs) - 1, 2):
            yield pairs[k], pairs[k + 1]


def misreadable(workbook: Path) -> tuple[int, list[str]]:
    book = openpyxl.load_workbook(workbook)
    seen, bad = 0, []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                for column, criterion in criteria(cell.value):
                    seen += 1
                    place = f"{sheet.title}!{cell.coordinate} {column}={criterion}"
                    if not (criterion.startswith('"') and criterion.endswith('"')):
                        bad.append(f"{place}: not a literal (cannot be judged)")
                        continue
                    text = criterion[1:-1].replace('""', '"')
                    text = re.sub(r"^(<>|<=|>=|=|<|>)", "", text).rstrip("*")
                    if column not in CODE_RANGES and NUMBER_OR_DATE.fullmatch(text.strip()):
                        bad.append(place)
    return seen, bad


def test_the_scan_catches_a_date_and_a_number():
    formula = '=SUMIFS(底稿_金额,底稿_期间,"2020-05",底稿_凭证号,"0012",底稿_功能分类科目,"201*")'
    assert list(criteria(formula)) == [("底稿_期间", '"2020-05"'), ("底稿_凭证号", '"0012"'),
                                       ("底稿_功能分类科目", '"201*"')]
    for text in ("2020-05", "0012", "2020年5月", "5/1/2020", "1,234.50"):
        assert NUMBER_OR_DATE.fullmatch(text), text
    for text in ("2020年第05期", "记-0012", "12号", "凭证明细_2020-12.csv"):
        assert not NUMBER_OR_DATE.fullmatch(text), text


@pytest.mark.slow
@pytest.mark.parametrize("folder", SAMPLES, ids=[p.name for p in SAMPLES])
def test_no_criterion_of_a_sample_workbook_looks_like_a_number_or_a_date(folder, tmp_path):
    seen, bad = misreadable(build_sample(tmp_path, folder=folder))
    assert seen > 500            # the scan did read the workbook's queries
    assert bad == []
