"""Values as a spreadsheet computes them: Decimal numbers, text and booleans, with Excel's
rounding, comparison, text conversion and TEXT() formats, so that the Python value of a
formula is the value Excel, WPS and LibreOffice compute for it."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

Value = Decimal | int | str | bool


class EvaluationError(ValueError):
    """A formula whose Excel result would be an error value (#DIV/0!, #VALUE!)."""


def number(value: Value, what: str = "") -> Decimal | int:
    """A value used as a number: booleans count 1/0 as in Excel arithmetic; text is #VALUE!."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (Decimal, int)):
        return value
    raise EvaluationError(f"文字「{value}」被当作数计算（#VALUE!）{what}")


def excel_round(value: Value, digits: int) -> Decimal:
    """ROUND: half away from zero, as Excel, WPS and LibreOffice round."""
    exponent = Decimal(1).scaleb(-digits)
    return Decimal(number(value)).quantize(exponent, rounding=ROUND_HALF_UP)


def truthy(value: Value) -> bool:
    if isinstance(value, str):
        raise EvaluationError(f"文字「{value}」被当作条件（#VALUE!）")
    return bool(value)


def _rank(value: Value) -> int:
    """Excel orders numbers < text < booleans when comparing values of different kinds."""
    if isinstance(value, bool):
        return 2
    if isinstance(value, str):
        return 1
    return 0


APPROXIMATE = Decimal(2) ** -48     # LibreOffice's approxEqual; Excel's is alike


def _approx_equal(a, b) -> bool:
    """Spreadsheets compare doubles as equal when they differ only in the last bits, so
    1/3*3 = 1 holds there; Python's exact Decimal must agree."""
    return a == b or abs(a - b) <= max(abs(a), abs(b)) * APPROXIMATE


def compare(operator: str, left: Value, right: Value) -> bool:
    """=, <>, <, >, <=, >= as Excel compares: text case-insensitively, kinds by rank, numbers
    equal when they differ only beyond a double's precision."""
    if _rank(left) != _rank(right):
        a, b = _rank(left), _rank(right)
    elif isinstance(left, str):
        a, b = left.lower(), right.lower()
    elif _approx_equal(number(left), number(right)):
        a = b = 0
    else:
        a, b = left, right
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b,
            ">=": a >= b}[operator]


def general_text(value: Value) -> str:
    """A value joined with & : numbers as Excel's General format shows them (no trailing
    zeros, no exponent for the magnitudes of money), booleans as TRUE/FALSE."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    if value == 0:
        return "0"
    value = Decimal(value)
    exponent = value.adjusted()
    # at most 15 significant digits, as a spreadsheet shows a double
    value = value.quantize(Decimal(1).scaleb(exponent - 14), rounding=ROUND_HALF_UP).normalize()
    if exponent >= 15:
        mantissa = format(value.scaleb(-exponent).normalize(), "f")
        return f"{mantissa}E+{exponent:03d}" if exponent >= 100 else f"{mantissa}E+{exponent:02d}"
    return format(value, "f")


# TEXT(x, format): the number formats a sentence needs — digits with optional thousands
# separator, fixed decimals, an optional per cent sign.  Others are refused when the template
# is read, so a format can never be shown differently by Excel and by Python.
NUMBER_FORMAT = re.compile(r"^(?P<grouping>#,##)?0(?:\.(?P<decimals>0+))?(?P<percent>%)?$")


def valid_number_format(fmt: str) -> bool:
    return NUMBER_FORMAT.match(fmt) is not None


def format_number(value: Value, fmt: str) -> str:
    match = NUMBER_FORMAT.match(fmt)
    if match is None:
        raise EvaluationError(f"TEXT 不支持的数字格式「{fmt}」")
    amount = Decimal(number(value))
    if match["percent"]:
        amount *= 100
    decimals = len(match["decimals"] or "")
    rounded = excel_round(amount, decimals)
    text = f"{abs(rounded):,.{decimals}f}" if match["grouping"] else f"{abs(rounded):.{decimals}f}"
    sign = "-" if rounded < 0 else ""
    return sign + text + ("%" if match["percent"] else "")
