"""Format readers: bytes of one file → raw sheets (name, rows of cell values, merged ranges).

Vendor-agnostic and reusable: nothing here knows what a ledger is. The format is sniffed from
the content, never the extension, because finance software writes HTML, XML and text under
".xls" names (docs/tooling-notes.md §2.5):

    D0 CF 11 E0 → real xls (BIFF)      PK → xlsx / ods      "<" → HTML or SpreadsheetML 2003
    anything else → delimited text (CSV / TSV), decoded BOM → strict UTF-8 → GB18030.

Every failure of a reader becomes an InputError naming the file, never a traceback.
"""

from .decode import decode_text
from .raw import RawSheet
from .sniff import read_sheets, sniff_format

__all__ = ["RawSheet", "sniff_format", "read_sheets", "decode_text"]
