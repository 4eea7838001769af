"""Both samples hold a December export made after 年终结转: income debited and expense credited
against the carry-over accounts.  The published tables must be the same with and without those
vouchers (a December export made before closing).  The vouchers are found here by their account
pairs, read straight from the input files — independently of how jdzxlsx recognises them."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from jdzxlsx.pipeline import build
from tests.conftest import ROOT

SAMPLES = sorted(p for p in (ROOT / "inputs").iterdir() if p.is_dir())
VOUCHER = ("凭证号", "凭证字号")
ACCOUNT = ("科目编码", "会计科目")
UNIT = ("单位", "预算单位")


def _column(header: list, names: tuple[str, ...]) -> int | None:
    return next((i for i, h in enumerate(header) if str(h or "").strip() in names), None)


def _closing_rows(rows: list[list]) -> set[int]:
    """Rows of vouchers that close income (6xxx) or expense (7xxx) against 81xx–84xx."""
    header_at = next((i for i, r in enumerate(rows)
                      if _column(r, VOUCHER) is not None and _column(r, ACCOUNT) is not None), None)
    if header_at is None:
        return set()
    header = rows[header_at]
    voucher, account, unit = (_column(header, VOUCHER), _column(header, ACCOUNT),
                              _column(header, UNIT))
    vouchers: dict[tuple, list[int]] = defaultdict(list)
    for i, row in enumerate(rows[header_at + 1:], start=header_at + 1):
        if row[voucher] not in (None, ""):
            vouchers[(row[unit] if unit is not None else "", str(row[voucher]))].append(i)
    found = set()
    for indexes in vouchers.values():
        codes = [re.match(r"\d*", str(rows[i][account] or "")).group() for i in indexes]
        if any(c[:1] in "67" and c for c in codes) and any(c[:2] in ("81", "82", "83", "84")
                                                            for c in codes):
            found.update(indexes)
    return found


def strip_year_end_vouchers(folder: Path) -> int:
    """Delete the income/expense closing vouchers from every ledger file; return lines deleted."""
    deleted = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            changed = False
            for sheet in book.worksheets:
                rows = [list(r) for r in sheet.iter_rows(values_only=True)]
                for index in sorted(_closing_rows(rows), reverse=True):
                    sheet.delete_rows(index + 1)
                    deleted += 1
                    changed = True
            if changed:
                book.save(path)
        elif path.suffix == ".csv":
            raw = path.read_bytes()
            text = raw.decode("gbk")
            rows = list(csv.reader(io.StringIO(text)))
            closing = _closing_rows(rows)
            if closing:
                out = io.StringIO()
                csv.writer(out, lineterminator="\r\n" if b"\r\n" in raw else "\n").writerows(
                    r for i, r in enumerate(rows) if i not in closing)
                path.write_bytes(out.getvalue().encode("gbk"))
                deleted += len(closing)
    return deleted


def table_values(folder: Path) -> dict[str, object]:
    result = build(folder)
    return {cell_id: cell.value for cell_id, (_, cell) in result.book.formula_cells().items()
            if cell_id.startswith("公开")}


@pytest.mark.slow
@pytest.mark.parametrize("folder", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_published_tables_do_not_change_with_the_year_end_vouchers(folder, tmp_path):
    before = table_values(folder)
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    assert strip_year_end_vouchers(copy) > 100          # the sample does hold them
    after = table_values(copy)
    assert after == before
