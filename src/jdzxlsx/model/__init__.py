"""model: sheets of cells, each number cell one formula of the language (expr), evaluated in
Python and rendered as Excel text from the same node."""

from .addresses import address, column_name, place, quote_sheet
from .cells import BlockColumn, Cell, DataBlock, Sheet, Workbook
from .money import CENT, TEN_THOUSAND, fen, to_wan, wan
from .resolve import QuerySource, UnknownName, WorkbookContext

__all__ = ["address", "column_name", "place", "quote_sheet", "BlockColumn", "Cell", "DataBlock",
           "Sheet", "Workbook", "CENT", "TEN_THOUSAND", "fen", "to_wan", "wan", "QuerySource",
           "UnknownName", "WorkbookContext"]
