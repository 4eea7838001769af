"""expr: the one formula language of the workbook.

Table layouts, check rules, verdict kinds (and later scores and sentences) are written in it
in the TOML templates; ``parse`` turns the text into nodes, each of which gives its Python value
and its Excel text from one definition (nodes.py)."""

from .nodes import (Boolean, Context, Count, Criterion, Data, Name, Node, Number, Query, Ref,
                    RowCount, Text, excel_string, literal, number_text)
from .operators import COMPARISONS, FUNCTIONS, Binary, Call, Negate, Sum
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
