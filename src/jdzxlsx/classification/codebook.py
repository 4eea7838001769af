"""The 支出功能分类 and 支出经济分类 codebooks (templates/<year>/*.csv) and their hierarchy.

功能分类: 类 3 digits, 款 5, 项 7.  经济分类: 类 3, 款 5.
"""

from __future__ import annotations

from dataclasses import dataclass

FUNCTION_LEVELS = (3, 5, 7)
ECONOMIC_LEVELS = (3, 5)


@dataclass(frozen=True)
class Codebook:
    names: dict[str, str]
    levels: tuple[int, ...]
    year: int

    def name(self, code: str) -> str | None:
        return self.names.get(code)

    def knows(self, code: str) -> bool:
        return code in self.names

    def parent(self, code: str) -> str | None:
        shorter = [n for n in self.levels if n < len(code)]
        return code[: shorter[-1]] if shorter else None

    def ancestors(self, code: str) -> list[str]:
        """'2011301' → ['201', '20113', '2011301']"""
        return [code[:n] for n in self.levels if n <= len(code)]


def codebook_from_rows(rows, levels: tuple[int, ...], year: int) -> Codebook:
    """A codebook from the rows of its CSV file (columns 编码, 名称)."""
    return Codebook({r["编码"]: r["名称"] for r in rows}, levels, year)
