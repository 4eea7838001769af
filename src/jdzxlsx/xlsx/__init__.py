"""xlsx: write the workbook model with XlsxWriter (formula text + cached value)."""

from .writer import STYLES, WORKBOOK_OPTIONS, write_workbook

__all__ = ["STYLES", "WORKBOOK_OPTIONS", "write_workbook"]
