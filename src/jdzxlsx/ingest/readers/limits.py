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
# One member of an xlsx/ods zip, uncompressed. No member becomes whole Python bytes (the scans
# stream members in 1 MB pieces; xl/workbook.xml and its rels are read whole only up to 16 MB, an
# ods mimetype only its first 100 bytes) and what calamine keeps of a member is bounded by the
# cell and text budgets, so this limit only has to let a sheet at the cell budget through: 6
# million cells of XML is 200-400 MB.
MAX_ZIP_MEMBER_BYTES = 512 * 2**20
MAX_ZIP_RATIO = 200                 # uncompressed/compressed, only for members > 10 MB
MAX_ZIP_RATIO_FROM_BYTES = 10 * 2**20
MAX_ZIP_MEMBERS = 10_000
MAX_TEXT_CHARS = 32_767             # what an Excel cell holds
MAX_SHARED_STRINGS = 6_000_000      # entries of an xlsx's shared-string table (calamine keeps all)
# Characters of all text cells of one sheet as calamine materialises them: a shared string
# counts once per cell that refers to it, an .ods cell once per repetition. Calamine holds each as
# UTF-8 and python-calamine copies it into a Python str: measured ~5 bytes per 汉字 (2 per ASCII
# character), so 40 million are ~200 MB. A 200,000-line ledger of 12 columns holds well under 100
# characters of text per line (20 million); 30,000 汉字 in 40,000 cells (1.2 billion, 5.9 GB)
# is what this refuses. Also the limit of an xlsx's whole shared-string table.
MAX_SHEET_TEXT_CHARS = 40_000_000
