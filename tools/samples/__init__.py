"""Sample input folders for jdzxlsx, generated deterministically (see tools/make_sample.py).

Layout:
  money.py, ledger.py      fen arithmetic; Item / Line / Voucher and the calendar
  xlsx.py                  shared workbook plumbing (fixed properties, formats)
  writers/                 the export styles, shared by the samples
  closing.py               年终结转 vouchers from a year's lines
  expected.py              tests/expected/<folder>.toml
  jingdezhen/              sample 1: 景德镇市陶瓷产业发展局-2020 (facts, design, spread, verify)
  yangxian/                sample 2: 样例县农业农村局-2020 (fictional; 预算管理一体化 style)

Nothing here imports jdzxlsx: every expected figure is computed from the sample's own design.
"""

from . import jingdezhen

from . import yangxian  # noqa: E402

SAMPLES = [jingdezhen, yangxian]
