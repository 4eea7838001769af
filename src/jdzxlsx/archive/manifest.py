"""The manifest of a build: its inputs, versions, period, check counts and line counts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path


def manifest_for(result, input_folder: Path, built_at) -> dict:
    """What a version is made of: every input with its SHA-256, tool and template versions,
    period, check counts, line counts and key figures (the archive adds the output's own
    hash, and the department and year of the folder it writes to)."""
    from .. import __version__
    from ..checks import SEVERITIES, VERDICTS

    paper = result.paper
    return {
        "tool": {"name": "jdzxlsx", "version": __version__},
        "template": result.template_version,
        "built_at": built_at.isoformat(timespec="seconds"),
        "period": {"from": f"{paper.year}-01", "to": paper.period_end,
                   "months_with_ledger_lines": paper.months},
        "inputs": [{"file": f.path, "sha256": f.sha256, "format": f.format,
                    "sheets": [{"sheet": s, "kind": k} for s, k in f.sheets],
                    "notes": list(f.notes)}
                   for f in result.ingested.files],
        "skipped": list(result.ingested.skipped),
        "checks": {f"{s}/{v}": sum(1 for f in result.findings
                                    if f.severity == s and f.verdict == v)
                   for s in SEVERITIES for v in VERDICTS},
        "counts": {
            "working_paper_lines": len(paper.lines),
            "ledger_lines_read": len(result.ingested.ledger),
            "balance_lines_read": len(result.ingested.balances),
            "budget_lines": len(paper.budget),
            "prior_year_figures": len(paper.prior_year),
            "units": len(paper.units),
            "formula_cells": len(result.book.formula_cells()),
        },
        "key_figures": key_figures(result),
        "key_figures_unit": "万元",
        "input_folder": str(input_folder),
    }


def key_figures(result) -> dict[str, str]:
    """The template's key figures, label → the workbook's cached value with 2 decimals, as the
    build's summary prints them (``jdzxlsx history`` lists them)."""
    cells = result.book.formula_cells()
    figures = {}
    for cell_id, label in result.template.key_figures:
        if cell_id in cells:
            value = cells[cell_id][1].value
            number = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
            figures[label] = f"{value:.2f}" if number else str(value)
    return figures
