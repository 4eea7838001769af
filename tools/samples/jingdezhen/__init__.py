"""Sample 1: 景德镇市陶瓷产业发展局, 2020 (the department's published figures, sample-facts.md)."""

from .build import GENERATED, design, line_counts, write_files
from .expect import expected
from .facts import FOLDER

__all__ = ["FOLDER", "GENERATED", "design", "expected", "line_counts", "write_files"]
