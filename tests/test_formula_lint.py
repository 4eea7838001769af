"""Every generated formula uses only the old, unprefixed functions of architecture.md, no
full-column references, and carries a cached value."""

from __future__ import annotations

import pytest

import re
import zipfile

import openpyxl

from tests import oracle

pytestmark = pytest.mark.slow        # builds whole workbooks

ALLOWED = {"SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "IF", "IFERROR", "AND", "OR", "NOT", "ROUND",
           "ABS", "MIN", "MAX", "COUNTIF", "COUNTIFS", "INDEX", "MATCH", "ISNUMBER", "TEXT"}
FUNCTION = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*)\(")
FULL_COLUMN = re.compile(r"(?<![A-Za-z0-9_$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![0-9A-Za-z_(])")
FULL_ROW = re.compile(r"(?<![A-Za-z0-9_$])\$?[0-9]+:\$?[0-9]+(?![0-9])")
STRING = re.compile(r'"(?:[^"]|"")*"')


def _lint(formula: str) -> list[str]:
    code = STRING.sub('""', formula)
    problems = [f"function {name}" for name in FUNCTION.findall(code)
                if name.upper() not in ALLOWED]
    if "_xlfn" in code or "_xlws" in code:
        problems.append("prefixed function")
    if FULL_COLUMN.search(code) or FULL_ROW.search(code):
        problems.append("full-column or full-row reference")
    if re.search(r"\[#|\[@", code):
        problems.append("structured reference")
    return problems


def test_lint_itself_rejects_what_it_must():
    assert _lint("=XLOOKUP(A1,B:B,C:C)") == ["function XLOOKUP", "full-column or full-row reference"]
    assert _lint("=_xlfn.CONCAT(A1)") and _lint("=INDIRECT(\"A1\")") and _lint("=SUM(1:1)")
    assert _lint('=SUMIFS(底稿_金额,底稿_方向,"收入(A:A)")') == []


def test_every_formula_uses_only_whitelisted_functions(sample_workbook):
    problems = {f"{s}!{c}: {f}": _lint(f)
                for (s, c), f in oracle.formula_cells(sample_workbook).items() if _lint(f)}
    assert problems == {}


def test_defined_names_are_ranges_or_cells_never_constants(sample_workbook):
    book = openpyxl.load_workbook(sample_workbook)
    names = list(book.defined_names.items())
    assert len(names) > 100
    for name, definition in names:
        assert re.fullmatch(r"'?[^']+'?!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?", definition.attr_text), \
            (name, definition.attr_text)


def test_every_formula_cell_stores_a_cached_value(sample_workbook):
    """A number, or a text result (an empty text only where the formula itself gives "")."""
    with zipfile.ZipFile(sample_workbook) as archive:
        for item in archive.namelist():
            if item.startswith("xl/worksheets/sheet"):
                xml = archive.read(item).decode("utf-8")
                cells = re.findall(r"<c ([^>]*)>(.*?)</c>", xml)
                for attributes, body in cells:
                    if "<f>" not in body:
                        continue
                    assert "<v>" in body, (item, attributes, body)
                    if re.search(r"<v></v>", body):     # XlsxWriter's form of an empty text
                        assert '""' in body, (item, body)
