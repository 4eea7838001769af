"""Budgets every reader checks before it allocates (issue 8): one place, so the readers, the
folder walk and the tests agree on what "too large" means.

The figures keep peak memory well under 1 GB for any input folder under 20 MB; the cell and
row/column limits are Excel's own or below them, so no workbook an accountant can save in
Excel is refused for its size unless it really holds millions of cells.
"""

MAX_FILE_BYTES = 100 * 2**20        # one input file, checked with stat() before reading
MAX_SHEET_CELLS = 6_000_000         # (last row+1) × (last col+1) of a sheet's non-empty cells
MAX_ROWS = 1_048_576                # Excel's own limit
MAX_COLUMNS = 16_384                # Excel's own limit (XFD)
MAX_MERGED_CELLS = 1_000_000        # sum of merged/spanned areas of one sheet
MAX_ZIP_MEMBER_BYTES = 512 * 2**20  # one member of an xlsx/ods zip, uncompressed
MAX_ZIP_RATIO = 200                 # uncompressed/compressed, only for members > 10 MB
MAX_ZIP_RATIO_FROM_BYTES = 10 * 2**20
MAX_ZIP_MEMBERS = 10_000
MAX_TEXT_CHARS = 32_767             # what an Excel cell holds
MAX_SHARED_STRINGS = 6_000_000      # entries of an xlsx's shared-string table (calamine keeps all)
