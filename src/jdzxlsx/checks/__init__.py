"""checks: the 核对表 — rules of templates/<year>/checks.toml expanded over the workbook
(plan, ledger), evaluated into findings (findings), rendered as a sheet of live formulas
(sheet) and read back from a saved workbook (readback)."""

from ..templates import SEVERITIES
from .findings import VERDICTS, CheckResult, Finding, tolerance_text
from .readback import findings_from_workbook, read_check_sheet
from .run import build_checks
from .sheet import CHECK_SHEET, HEADERS

__all__ = ["SEVERITIES", "VERDICTS", "CheckResult", "Finding", "tolerance_text",
           "findings_from_workbook", "read_check_sheet", "build_checks", "CHECK_SHEET", "HEADERS"]
