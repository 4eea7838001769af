"""expr: the one formula language of the workbook.

Table layouts, check rules, verdict kinds (and later scores and sentences) are written in it
in the TOML templates; ``parse`` turns the text into nodes, each of which gives its Python value
and its Excel text from one definition (nodes.py)."""

from .nodes import (COMPARISONS, FUNCTIONS, Binary, Boolean, Call, Context, Count, Criterion,
                    Data, Name, Negate, Node, Number, Query, Ref, RowCount, Sum, Text,
                    excel_string, literal, number_text)
from .parser import ParseError, parse
from .transform import (bind, fill, fill_text, map_queries, names, narrow, placeholders, queries,
                        rebuild, terms, walk)
from .values import EvaluationError, Value, excel_round, general_text

__all__ = [
    "COMPARISONS", "FUNCTIONS", "Binary", "Boolean", "Call", "Context", "Count", "Criterion",
    "Data", "Name", "Negate", "Node", "Number", "Query", "Ref", "RowCount", "Sum", "Text",
    "excel_string", "literal", "number_text", "ParseError", "parse", "bind", "fill",
    "fill_text", "map_queries", "names", "narrow", "placeholders", "queries", "rebuild", "terms",
    "walk", "EvaluationError", "Value", "excel_round", "general_text",
]
