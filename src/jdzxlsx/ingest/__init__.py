"""ingest: the finance office's own files → typed records with provenance.

    result = read_folder(Path("inputs/景德镇市陶瓷产业发展局-2020"))

Every spreadsheet-like file of the folder (not its subfolders) is read; each sheet is
*identified* by its headers (kinds and aliases: input_kinds.toml), then *extracted* into the
records of records.py. A sheet that matches no kind is listed in ``result.skipped`` with the
reason, never guessed. A file or cell that cannot be understood raises InputError naming the
file, sheet, row and column, what was expected, what was there and what to do.

Kind ids, as SourceFile.sheets reports them: ledger (明细账), balance (科目余额表), budget
(预算指标), prior_year (上年决算主要数据), units (预算单位), staffing (人员编制), sangong_budget
(三公经费预算), sangong_counts (三公经费相关统计数), assets (国有资产占用情况), procurement
(政府采购情况), performance_basis (绩效评价基础数据): these five give HandKeptFigure records;
performance (绩效指标) gives PerformanceRow records.
"""

from .folder import INPUT_SUFFIXES, read_file, read_folder
from .records import (BalanceLine, BudgetLine, BudgetUnit, HandKeptFigure, IngestResult,
                      LedgerLine, PerformanceRow, PriorYearFigure, Provenance, Reading,
                      SourceFile, StaffingRow)

__all__ = [
    "read_folder", "read_file", "INPUT_SUFFIXES", "IngestResult", "SourceFile", "Provenance",
    "LedgerLine", "BalanceLine", "BudgetLine", "PriorYearFigure", "BudgetUnit", "StaffingRow",
    "HandKeptFigure", "PerformanceRow", "Reading",
]
