"""jdzxlsx: 部门决算公开表 from a finance office's own spreadsheets."""

__version__ = "0.1.0"
