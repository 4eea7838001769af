"""Workbook plumbing every writer shares: fixed document properties (same bytes every run),
the office's formats, money cells as the software prints them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from .money import D, ZERO

DOC_CREATED = dt.datetime(2021, 3, 15, 9, 30, 0)   # fixed workbook property: same bytes every run

XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                "strings_to_urls": False,
                "in_memory": True}          # no temp files: nothing written outside the folder


def new_workbook(path: Path, title: str, company: str, comments: str = ""
                 ) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(path), XLSX_OPTIONS)
    properties = {"title": title, "author": "财务室", "company": company,
                  "created": DOC_CREATED}
    if comments:
        properties["comments"] = comments          # e.g. "虚构样例…" (sample 2)
    wb.set_properties(properties)
    return wb


def basic_formats(wb):
    return {
        "title": wb.add_format({"bold": True, "font_size": 14, "align": "center",
                                "valign": "vcenter", "font_name": "宋体"}),
        "note": wb.add_format({"font_name": "宋体", "font_size": 10}),
        "head": wb.add_format({"bold": True, "align": "center", "valign": "vcenter",
                               "border": 1, "bg_color": "#D9E1F2", "font_name": "宋体",
                               "text_wrap": True}),
        "text": wb.add_format({"border": 1, "font_name": "宋体"}),
        "date": wb.add_format({"border": 1, "num_format": "yyyy-mm-dd", "font_name": "宋体"}),
        "money": wb.add_format({"border": 1, "num_format": "#,##0.00;-#,##0.00;", "font_name": "宋体"}),
        "money0": wb.add_format({"border": 1, "num_format": "#,##0.00", "font_name": "宋体"}),
        "int": wb.add_format({"border": 1, "num_format": "0", "font_name": "宋体"}),
        "total": wb.add_format({"border": 1, "bold": True, "font_name": "宋体"}),
        "total_money": wb.add_format({"border": 1, "bold": True, "num_format": "#,##0.00",
                                      "font_name": "宋体"}),
    }


def write_money(ws, row, col, value: D, fmt):
    """Numeric amount; a zero side of a posting is left blank, as the software prints it."""
    if value:
        ws.write_number(row, col, float(value), fmt)
    else:
        ws.write_blank(row, col, None, fmt)


def direction(signed: D) -> tuple[str, D]:
    """A signed balance (debit positive) as the 方向 | 金额 pair a 科目余额表 prints."""
    return ("借", signed) if signed > 0 else ("贷", -signed) if signed < 0 else ("平", ZERO)


def pad(text: str, width: int) -> str:
    """Left-align by display width (a CJK character takes two columns)."""
    shown = sum(2 if ord(c) > 0x2E80 else 1 for c in text)
    return text + " " * max(1, width - shown)
