"""The workbook model: sheets of cells, each number cell one definition rendered twice.

A number cell holds an expression: a query over the 底稿 (`Query`) or a formula over other
cells (`Ref`, `Sum`, `Linear`, `ToWan`).  `Workbook.resolve` evaluates every expression in
Python (Decimal) and renders it as Excel formula text; the writer stores the text with the
value as its cached result.  Stages upstream of the writer build this model; nothing here
knows about files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

CENT = Decimal("0.01")
RATE = Decimal("0.000001")      # rates are compared at 6 places, where float and Decimal agree
TEN_THOUSAND = Decimal(10000)


class QuerySource(Protocol):
    def sum(self, criteria: tuple[tuple[str, str], ...], amount: str = "金额",
            table: str = "底稿") -> Decimal: ...

    def count(self, criteria: tuple[tuple[str, str], ...], table: str = "底稿") -> int: ...


Value = Decimal | int | str


# ----------------------------------------------------------------------------- expressions
class Expr:
    def refs(self) -> list[str]:
        return []


@dataclass(frozen=True)
class Query(Expr):
    """Sum of a table's amount column (元) over the rows matching every (column, value) pair:
    SUMIFS(<table>_<amount>, <table>_<column>, "<value>", …); no criteria: SUM(<table>_<amount>).
    Tables are the input sheets whose columns carry defined names (底稿, 预算指标)."""

    criteria: tuple[tuple[str, str], ...]
    amount: str = "金额"
    table: str = "底稿"


@dataclass(frozen=True)
class Count(Expr):
    """How many rows of a table match: COUNTIFS(<table>_<column>, "<value>", …)."""

    criteria: tuple[tuple[str, str], ...]
    table: str = "底稿"


@dataclass(frozen=True)
class Name(Expr):
    """A defined name of the workbook (公开01_本年收入合计): rendered as the name, so a check
    reads like the rule it implements."""

    name: str


@dataclass(frozen=True)
class Const(Expr):
    value: Decimal | int


@dataclass(frozen=True)
class DataCell(Expr):
    """A cell holding input data (a typed figure), read by a formula: rendered as its defined
    name when it has one, else as its address; evaluates to the value written there."""

    sheet: str
    row: int
    col: int
    value: Decimal | int
    name: str | None = None


@dataclass(frozen=True)
class Ratio(Expr):
    """a ÷ b, or "" when b is 0: IF(b=0,"",a/b)."""

    numerator: Expr
    denominator: Expr

    def refs(self) -> list[str]:
        return self.numerator.refs() + self.denominator.refs()


@dataclass(frozen=True)
class Verdict(Expr):
    """一致 when the (rounded) difference is 0, 尾差 when within the rounding allowance, else
    不符.  The allowance is ``per_addend`` for each non-zero independently rounded addend
    (a zero addend carries no rounding), none when fewer than two addends are non-zero
    (a figure against a figure cannot differ by rounding)."""

    difference: Expr
    per_addend: Decimal = Decimal(0)
    addends: tuple[Expr, ...] = ()

    def refs(self) -> list[str]:
        return self.difference.refs() + [r for a in self.addends for r in a.refs()]


def allowance(verdict: Verdict, evaluate) -> Decimal:
    nonzero = sum(1 for a in verdict.addends if evaluate(a) != 0)
    return verdict.per_addend * nonzero if nonzero >= 2 else Decimal(0)


@dataclass(frozen=True)
class BandVerdict(Expr):
    """一致 when left ÷ right lies in [low, high] (both 0 also 一致), else 不符."""

    left: Expr
    right: Expr
    low: Decimal
    high: Decimal

    def refs(self) -> list[str]:
        return self.left.refs() + self.right.refs()


@dataclass(frozen=True)
class AtLeastVerdict(Expr):
    """一致 when left ≥ right, else 不符."""

    left: Expr
    right: Expr

    def refs(self) -> list[str]:
        return self.left.refs() + self.right.refs()


@dataclass(frozen=True)
class FlagVerdict(Expr):
    """不符 when a text cell (a 底稿 line's 核对结果) reads ``flag``, else 一致.  ``current`` is
    that cell's text as written."""

    sheet: str
    row: int
    col: int
    flag: str
    current: str


@dataclass(frozen=True)
class CountRows(Expr):
    """COUNTIFS over columns of this sheet, e.g. the 核对表 summary: how many rows read
    (结论 = 不符, 级别 = 错误).  ``columns`` are (first_row, last_row, col, wanted);
    ``rows`` carries those cells row by row for the Python side: a text as written, or a
    Ref to the formula cell whose value it is."""

    columns: tuple[tuple[int, int, int, str], ...]
    rows: tuple[tuple["str | Expr", ...], ...]

    def refs(self) -> list[str]:
        return [r for row in self.rows for item in row if isinstance(item, Expr)
                for r in item.refs()]


@dataclass(frozen=True)
class Ref(Expr):
    cell_id: str

    def refs(self) -> list[str]:
        return [self.cell_id]


@dataclass(frozen=True)
class Sum(Expr):
    items: tuple[Expr, ...]

    def refs(self) -> list[str]:
        return [r for item in self.items for r in item.refs()]


@dataclass(frozen=True)
class Linear(Expr):
    """a + b − c: terms of (+1 | −1, expression)."""

    terms: tuple[tuple[int, Expr], ...]

    def refs(self) -> list[str]:
        return [r for _, item in self.terms for r in item.refs()]


@dataclass(frozen=True)
class ToWan(Expr):
    """元 → 万元, rounded on its own to 2 places: ROUND(x/10000,2), half away from zero as
    Excel's ROUND does."""

    inner: Expr

    def refs(self) -> list[str]:
        return self.inner.refs()


@dataclass(frozen=True)
class Fen(Expr):
    """An amount in 元 snapped to the fen: ROUND(x,2).  Float sums in a spreadsheet carry
    noise in the last bits; snapping keeps the later 万元 rounding exactly on Decimal's."""

    inner: Expr

    def refs(self) -> list[str]:
        return self.inner.refs()


def wan(value: Decimal) -> Decimal:
    return (value / TEN_THOUSAND).quantize(CENT, rounding=ROUND_HALF_UP)


# ----------------------------------------------------------------------------- cells, sheets
@dataclass
class Cell:
    """One written cell.  kind: text | number | formula | link."""

    row: int
    col: int
    kind: str
    style: str = "text"
    text: str = ""
    number: Decimal | int | None = None
    cell_id: str | None = None      # formula cells: their stable id
    expr: Expr | None = None
    target: str | None = None       # link cells: internal target ("'公开01表'!A1")
    # filled by Workbook.resolve
    formula: str | None = None
    value: "Value | None" = None


@dataclass
class Sheet:
    name: str
    cells: list[Cell] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    col_widths: dict[int, float] = field(default_factory=dict)
    row_heights: dict[int, float] = field(default_factory=dict)
    hidden_cols: set[int] = field(default_factory=set)     # grouped and collapsed
    freeze: tuple[int, int] | None = None
    repeat_rows: tuple[int, int] | None = None
    print_area: tuple[int, int, int, int] | None = None
    landscape: bool = True
    autofilter: tuple[int, int, int, int] | None = None
    names: list[tuple[str, str]] = field(default_factory=list)     # (defined name, cell_id)
    range_names: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    tab_color: str | None = None
    row_keys: list[str] = field(default_factory=list)   # a classification table's rows, in order
    # (first_row, first_col, last_row, last_col, text that triggers it, style key)
    highlights: list[tuple[int, int, int, int, str, str]] = field(default_factory=list)
    pages_tall: int = 0              # 0: as many pages as needed (one page wide always)

    def text(self, row: int, col: int, text: str, style: str = "text") -> Cell:
        cell = Cell(row, col, "text", style, text=text)
        self.cells.append(cell)
        return cell

    def number(self, row: int, col: int, number, style: str = "number") -> Cell:
        cell = Cell(row, col, "number", style, number=number)
        self.cells.append(cell)
        return cell

    def formula(self, row: int, col: int, cell_id: str, expr: Expr, style: str = "money") -> Cell:
        cell = Cell(row, col, "formula", style, cell_id=cell_id, expr=expr)
        self.cells.append(cell)
        return cell

    def link(self, row: int, col: int, text: str, target: str, style: str = "link") -> Cell:
        cell = Cell(row, col, "link", style, text=text, target=target)
        self.cells.append(cell)
        return cell

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        if (first_row, first_col) != (last_row, last_col):
            self.merges.append((first_row, first_col, last_row, last_col))


@dataclass
class Workbook:
    sheets: list[Sheet] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)

    def add(self, sheet: Sheet) -> Sheet:
        self.sheets.append(sheet)
        return sheet

    def formula_cells(self) -> dict[str, tuple[Sheet, Cell]]:
        found = {}
        for sheet in self.sheets:
            for cell in sheet.cells:
                if cell.kind == "formula":
                    if cell.cell_id in found:
                        raise ValueError(f"duplicate cell id {cell.cell_id}")
                    found[cell.cell_id] = (sheet, cell)
        return found

    def resolve(self, source: QuerySource, range_names: set[str]) -> None:
        """Evaluate every formula cell (Decimal, int or text) and render its Excel text.

        ``range_names`` are the defined names of input-table columns (底稿_金额 …) that
        queries may use."""
        cells = self.formula_cells()
        named = self.cell_names()
        values: dict[str, Value] = {}
        visiting: set[str] = set()

        def value_of(cell_id: str) -> Decimal:
            if cell_id in values:
                return values[cell_id]
            if cell_id in visiting:
                raise ValueError(f"circular reference at {cell_id}")
            if cell_id not in cells:
                raise KeyError(f"unknown cell id {cell_id}")
            visiting.add(cell_id)
            values[cell_id] = evaluate(cells[cell_id][1].expr)
            visiting.discard(cell_id)
            return values[cell_id]

        def evaluate(expr: Expr) -> Value:
            if isinstance(expr, Query):
                return source.sum(expr.criteria, expr.amount, expr.table)
            if isinstance(expr, Count):
                return source.count(expr.criteria, expr.table)
            if isinstance(expr, Name):
                return value_of(named[expr.name])
            if isinstance(expr, DataCell | Const):
                return expr.value
            if isinstance(expr, Ratio):
                denominator = evaluate(expr.denominator)
                return "" if denominator == 0 else evaluate(expr.numerator) / denominator
            if isinstance(expr, Verdict):
                difference = abs(evaluate(expr.difference))
                if difference == 0:
                    return "一致"
                return "尾差" if difference <= allowance(expr, evaluate) else "不符"
            if isinstance(expr, BandVerdict):
                left, right = evaluate(expr.left), evaluate(expr.right)
                if right == 0:
                    return "一致" if left == 0 else "不符"
                rate = (left / right).quantize(RATE, rounding=ROUND_HALF_UP)
                return "一致" if expr.low <= rate <= expr.high else "不符"
            if isinstance(expr, AtLeastVerdict):
                return "一致" if evaluate(expr.left) >= evaluate(expr.right) else "不符"
            if isinstance(expr, FlagVerdict):
                return "不符" if expr.current == expr.flag else "一致"
            if isinstance(expr, CountRows):
                return sum(1 for row in expr.rows
                           if all((v if isinstance(v, str) else evaluate(v)) == c[3]
                                  for v, c in zip(row, expr.columns)))
            if isinstance(expr, Ref):
                return value_of(expr.cell_id)
            if isinstance(expr, Sum):
                return sum((evaluate(i) for i in expr.items), Decimal(0))
            if isinstance(expr, Linear):
                return sum((sign * evaluate(i) for sign, i in expr.terms), Decimal(0))
            if isinstance(expr, ToWan):
                return wan(evaluate(expr.inner))
            if isinstance(expr, Fen):
                return evaluate(expr.inner).quantize(CENT, rounding=ROUND_HALF_UP)
            raise TypeError(expr)

        for cell_id, (sheet, cell) in cells.items():
            cell.value = value_of(cell_id)
            cell.formula = "=" + render(cell.expr, sheet.name, cells, range_names, named,
                                        evaluate)

    def cell_names(self) -> dict[str, str]:
        """defined name → cell id, for every named cell."""
        return {name: cell_id for sheet in self.sheets for name, cell_id in sheet.names}

    def defined_names(self) -> list[tuple[str, str]]:
        """(name, absolute reference) for every named cell and range."""
        cells = self.formula_cells()
        out = []
        for sheet in self.sheets:
            for name, cell_id in sheet.names:
                target_sheet, cell = cells[cell_id]
                out.append((name, f"={quote_sheet(target_sheet.name)}!"
                                  f"{address(cell.row, cell.col, absolute=True)}"))
            for name, r1, c1, r2, c2 in sheet.range_names:
                target = address(r1, c1, True)
                if (r1, c1) != (r2, c2):
                    target += ":" + address(r2, c2, True)
                out.append((name, f"={quote_sheet(sheet.name)}!{target}"))
        repeated = {name for name, _ in out if [n for n, _ in out].count(name) > 1}
        if repeated:
            raise ValueError(f"defined names given twice: {sorted(repeated)}")
        return out


# ----------------------------------------------------------------------------- rendering
def column_name(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def address(row: int, col: int, absolute: bool = False) -> str:
    if absolute:
        return f"${column_name(col)}${row + 1}"
    return f"{column_name(col)}{row + 1}"


_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def quote_sheet(name: str) -> str:
    """Sheet names with non-ASCII or punctuation are quoted, as Excel writes them."""
    if _PLAIN_SHEET.match(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def _literal_criterion(value: str) -> str:
    """SUMIFS/COUNTIFS read * ? ~ in a criterion as wildcards; a value from the input (a file
    name, a voucher number) must match only itself, so they are escaped with ~."""
    return value.replace("~", "~~").replace("*", "~*").replace("?", "~?")


def _number_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _excel_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def render(expr: Expr, here: str, cells: dict[str, tuple[Sheet, Cell]],
           range_names: set[str], named: dict[str, str] | None = None,
           evaluate=None) -> str:
    """Excel text of ``expr`` on sheet ``here``.  ``evaluate`` gives Python values where the
    text depends on them (a verdict's rounding allowance)."""
    named = named or {}

    def column_name_of(table: str, key: str) -> str:
        name = f"{table}_{key}"
        if name not in range_names:
            raise KeyError(f"no defined range {name}")
        return name

    def criteria_text(table: str, criteria) -> list[str]:
        parts = []
        for key, value in criteria:
            parts += [column_name_of(table, key), _excel_string(_literal_criterion(value))]
        return parts

    def ref(cell_id: str) -> tuple[str, int, int]:
        sheet, cell = cells[cell_id]
        return sheet.name, cell.row, cell.col

    def ref_text(cell_id: str) -> str:
        sheet_name, row, col = ref(cell_id)
        if sheet_name == here:
            return address(row, col)
        return f"{quote_sheet(sheet_name)}!{address(row, col)}"

    def go(e: Expr) -> str:
        if isinstance(e, Query):
            total = column_name_of(e.table, e.amount)
            if not e.criteria:
                return f"SUM({total})"
            return "SUMIFS(" + ",".join([total, *criteria_text(e.table, e.criteria)]) + ")"
        if isinstance(e, Count):
            return "COUNTIFS(" + ",".join(criteria_text(e.table, e.criteria)) + ")"
        if isinstance(e, Name):
            if e.name not in named:
                raise KeyError(f"no defined name {e.name}")
            return e.name
        if isinstance(e, Const):
            return _number_text(Decimal(e.value))
        if isinstance(e, DataCell):
            if e.name:
                return e.name
            target = address(e.row, e.col)
            return target if e.sheet == here else f"{quote_sheet(e.sheet)}!{target}"
        if isinstance(e, Ratio):
            b = go(e.denominator)
            return f'IF({b}=0,"",{go(e.numerator)}/{b})'
        if isinstance(e, Verdict):
            d = go(e.difference)
            tolerance = allowance(e, evaluate) if e.addends else Decimal(0)
            if tolerance == 0:
                return f'IF({d}=0,"一致","不符")'
            return (f'IF(ABS({d})=0,"一致",IF(ABS({d})<={_number_text(tolerance)},'
                    f'"尾差","不符"))')
        if isinstance(e, BandVerdict):
            a, b = go(e.left), go(e.right)
            rate = f"ROUND({a}/{b},6)"
            return (f'IF({b}=0,IF({a}=0,"一致","不符"),IF(AND({rate}>={_number_text(e.low)},'
                    f'{rate}<={_number_text(e.high)}),"一致","不符"))')
        if isinstance(e, AtLeastVerdict):
            return f'IF({go(e.left)}>={go(e.right)},"一致","不符")'
        if isinstance(e, FlagVerdict):
            target = address(e.row, e.col, absolute=True)
            if e.sheet != here:
                target = f"{quote_sheet(e.sheet)}!{target}"
            return f'IF({target}={_excel_string(e.flag)},"不符","一致")'
        if isinstance(e, CountRows):
            parts = []
            for first, last, col, wanted in e.columns:
                parts += [f"{address(first, col, True)}:{address(last, col, True)}",
                          _excel_string(wanted)]
            return "COUNTIFS(" + ",".join(parts) + ")"
        if isinstance(e, Ref):
            return ref_text(e.cell_id)
        if isinstance(e, Sum):
            return "SUM(" + ",".join(_sum_args(e.items)) + ")" if e.items else "0"
        if isinstance(e, Linear):
            text = ""
            for i, (sign, item) in enumerate(e.terms):
                inner = go(item)
                if sign < 0:
                    text += "-" + inner
                else:
                    text += ("+" if i else "") + inner
            return text or "0"
        if isinstance(e, ToWan):
            return f"ROUND({go(e.inner)}/10000,2)"
        if isinstance(e, Fen):
            return f"ROUND({go(e.inner)},2)"
        raise TypeError(e)

    def _sum_args(items: tuple[Expr, ...]) -> list[str]:
        """Runs of adjacent Refs on this sheet, down a column or along a row, collapse to
        ranges (C8:C12, K8:O8); a range never takes in a cell that is not an item."""
        args: list[str] = []
        run: list[tuple[int, int]] = []

        def flush():
            if run:
                (r1, c1), (r2, c2) = run[0], run[-1]
                args.append(address(r1, c1) if len(run) == 1
                            else f"{address(r1, c1)}:{address(r2, c2)}")
                run.clear()

        def extends(row: int, col: int) -> bool:
            if not run:
                return False
            last_row, last_col = run[-1]
            down = (row, col) == (last_row + 1, last_col)
            across = (row, col) == (last_row, last_col + 1)
            if len(run) == 1:
                return down or across
            vertical = run[1][0] == run[0][0] + 1
            return down if vertical else across

        for item in items:
            if isinstance(item, Ref) and cells[item.cell_id][0].name == here:
                _, row, col = ref(item.cell_id)
                if not extends(row, col):
                    flush()
                run.append((row, col))
                continue
            flush()
            args.append(go(item))
        flush()
        return args

    return go(expr)
