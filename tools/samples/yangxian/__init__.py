"""Sample 2: 样例县农业农村局, 2020 — fictional, 预算管理一体化 style (issue 7 item 10)."""

from .build import GENERATED, design, line_counts, write_files
from .expect import expected
from .facts import FOLDER

__all__ = ["FOLDER", "GENERATED", "design", "expected", "line_counts", "write_files"]
