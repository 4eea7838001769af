"""classification: the 支出功能分类 and 支出经济分类 codebooks and their hierarchy."""

from .codebook import ECONOMIC_LEVELS, FUNCTION_LEVELS, Codebook, codebook_from_rows

__all__ = ["ECONOMIC_LEVELS", "FUNCTION_LEVELS", "Codebook", "codebook_from_rows"]
