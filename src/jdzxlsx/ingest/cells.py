"""Cell parsers: one function per field type, each taking a raw cell value as a reader gave it
(str, float, int, bool, date, datetime or None).

A parser that cannot read a cell raises CellError saying what it expected and what it found; the
extractor adds the place (file, sheet, row, column) and turns it into an InputError.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal, DecimalException

from .kinds import catalogue
from .text import ascii_digits, cell_text, fold

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
_EXCEL_EPOCH = dt.date(1899, 12, 30)   # Excel's serial day 0 (with its 1900 leap-year bug)


class CellError(ValueError):
    """A cell that does not hold what its column promises."""

    def __init__(self, expected: str, found: object, hint: str | None = None):
        super().__init__(expected)
        self.expected = expected
        self.found = found
        self.hint = hint


# --- amounts -------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
# A comma is only ever a thousands separator: "1,234.56", never "1.234,56" or "100,50".
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NOT_A_NUMBER = re.compile(r"^[+-]?(?:nan|inf|infinity|#num!|#value!|#div/0!)$", re.IGNORECASE)
_AMOUNT_EXPECTED = "金额（数字，如 1234.56、1,234.56、-12.00 或 (12.00)）"
_AMOUNT_HINT = "请改为数字；空白或「-」表示零，红字冲销写 -12.00 或 (12.00)。"
MAX_AMOUNT = Decimal(10) ** 12       # 元: a department's whole year is far below a 万亿
_NOISE_ULPS = 16    # a float this close to a number with fewer decimals is that number


def _zero_marks(marks: Collection[str] | None) -> Collection[str]:
    return marks if marks is not None else catalogue().words.zero_marks


def parse_amount(value: object, scale: Decimal = Decimal(1), *,
                 zero_marks: Collection[str] | None = None) -> Decimal:
    """A money cell as Decimal 元 to the fen. Blank and "-" mean zero; "(12.00)" is negative.

    Floats go through repr() so 0.1 stays 0.1; a float that is a number with fewer decimals
    plus binary noise (0.1 + 0.2) is that number. Refused, never rounded or cut: more than
    two decimals in 元 (12.345), beyond ±1 万亿元, NaN / Infinity. ``zero_marks`` (folded) are
    the cell texts that mean zero; by default input_kinds.toml [words] zero_marks.
    """
    number = _amount_number(value, _zero_marks(zero_marks))
    _check_magnitude(number, value)
    places = 2 + max(scale.adjusted(), 0)       # 万元 may have six decimals: still fen
    if isinstance(value, float):
        number = _without_float_noise(value, number, places)
    if number.quantize(Decimal(1).scaleb(-places)) != number:
        raise _too_precise(value, scale)
    amount = number * scale
    _check_magnitude(amount, value)
    cents = amount.quantize(CENT)
    if cents != amount:
        raise _too_precise(value, scale)
    return cents if cents else ZERO     # "-0" and "(0.00)" are plain zero


def _too_precise(value: object, scale: Decimal) -> CellError:
    return CellError("金额（到分为止，最多两位小数" + ("" if scale == 1 else "，换算为元后") + "）",
                     value, hint="金额有三位或更多小数，本程序不会自行四舍五入：请核对原始凭证，"
                                 "改为到分的金额（两位小数）后重新运行。")


_TOO_LARGE = "金额（绝对值不超过 1 万亿元）"
_TOO_LARGE_HINT = ("金额大得不合常理：请检查是否把编码、账号等填进了金额列，"
                   "或金额单位（元 / 万元）写错。")


def _check_magnitude(number: Decimal, value: object) -> None:
    """|number| ≤ 1 万亿; adjusted() first, so "1e999999999999999999" is never computed with."""
    if number and (number.adjusted() > MAX_AMOUNT.adjusted() or abs(number) > MAX_AMOUNT):
        raise CellError(_TOO_LARGE, value, _TOO_LARGE_HINT)


def _without_float_noise(value: float, number: Decimal, places: int) -> Decimal:
    """0.30000000000000004 → 0.3, 1234.5600000000002 → 1234.56, 5.55e-17 (=0.1+0.2-0.3 in
    Excel) → 0; 12.345 stays 12.345 and is refused.

    Noise is a few units in the last place of the float, or of the operands it came from
    (hence the floor: 0.00005 元, so a typed 12.0001 is still refused); never as much as a
    twentieth of the last allowed decimal, so a typed 12.001 is no noise even near 1 万亿."""
    quantum = Decimal(1).scaleb(-places)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    step = float(quantum)
    tolerance = min(max(_NOISE_ULPS * math.ulp(value), step / 200), step / 20)
    if rounded != number and abs(value - float(rounded)) <= tolerance:
        return rounded
    return number


def _amount_number(value: object, zero_marks: Collection[str]) -> Decimal:
    if value is None:
        return ZERO
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(_AMOUNT_EXPECTED, value, _AMOUNT_HINT)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(_AMOUNT_EXPECTED, value, _NOT_A_NUMBER_HINT)
        return Decimal(repr(value))
    return _amount_from_text(str(value), zero_marks)


_NOT_A_NUMBER_HINT = ("单元格中是非数字（如 nan、inf 或公式错误值），多为公式出错或导出有误："
                      "请在原表中改为实际金额后重新运行。")


def _amount_from_text(raw: str, zero_marks: Collection[str]) -> Decimal:
    # NFKC turns full-width digits, commas, points and parentheses into ASCII ones.
    text = unicodedata.normalize("NFKC", raw).replace("−", "-")
    text = re.sub(r"[\s¥$元]", "", text)
    if text == "" or fold(text) in zero_marks:
        return ZERO
    if _NOT_A_NUMBER.match(text):
        raise CellError(_AMOUNT_EXPECTED, raw, _NOT_A_NUMBER_HINT)
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if "," in text:
        if not _THOUSANDS.match(text):
            raise CellError(_AMOUNT_EXPECTED, raw, _AMOUNT_HINT)
        text = text.replace(",", "")
    if not _NUMBER.match(text):
        raise CellError(_AMOUNT_EXPECTED, raw, _AMOUNT_HINT)
    try:
        number = Decimal(text)
    except DecimalException:    # "1e999999999999999999": beyond what Decimal holds
        raise CellError(_TOO_LARGE, raw, _TOO_LARGE_HINT) from None
    return -number if negative else number


# --- whole numbers (head counts) -------------------------------------------------------------

MAX_COUNT = 10_000_000      # people: far above any department


def parse_count(value: object, *, zero_marks: Collection[str] | None = None) -> int | None:
    """A number of people; blank (or a dash, ``zero_marks``) is None (not given), unlike 0."""
    marks = _zero_marks(zero_marks)
    if value is None or (isinstance(value, str) and fold(value) in ("", *marks)):
        return None
    try:
        number = _amount_number(value.rstrip("人") if isinstance(value, str) else value, marks)
    except CellError:
        raise CellError("人数（整数）", value) from None
    if not 0 <= number <= MAX_COUNT:
        raise CellError(f"人数（0～{MAX_COUNT:,} 的整数）", value)
    if number != number.to_integral_value():
        raise CellError("人数（整数）", value)
    return int(number)


# --- dates and periods -----------------------------------------------------------------------

_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_EXPECTED = "日期（如 2020-01-15、2020/1/15、2020.01.15、20200115）"


def parse_date(value: object, year: int | None = None) -> dt.date | None:
    """A posting date. ``year`` completes a month-day text ("01-15") from the title rows."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _date_from_number(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for pattern, with_year in ((_FULL_DATE, True), (_COMPACT_DATE, True), (_MONTH_DAY, False)):
        match = pattern.match(text)
        if match and (with_year or year):
            parts = [int(p) for p in match.groups()]
            return _make_date(*(parts if with_year else [year, *parts]), found=value)
    raise CellError(_DATE_EXPECTED, value)


def _date_from_number(number: float) -> dt.date:
    if float(number).is_integer() and 19000101 <= number <= 29991231:
        text = str(int(number))     # 20200115 typed as a number
        return _make_date(int(text[:4]), int(text[4:6]), int(text[6:]), found=number)
    if 1 <= number < 2958466:       # an Excel serial date the reader did not convert
        return _EXCEL_EPOCH + dt.timedelta(days=int(number))
    raise CellError(_DATE_EXPECTED, number)


def _make_date(year: int, month: int, day: int, *, found: object) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(_DATE_EXPECTED, found) from None


_PERIOD_TEXT = re.compile(r"^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*(?:月|期)?(?:份)?$")
_MONTH_TEXT = re.compile(r"^第?(\d{1,2})\s*(?:月|期)?(?:份)?$")
_PERIOD_EXPECTED = "会计期间（如 2020-01、2020年01月、202001，或与标题年度配合的 1～12）"


def parse_period(value: object, year: int | None = None) -> str | None:
    """A 月份/期间 cell as "YYYY-MM"; a bare month needs ``year`` from the title rows."""
    if value is None or cell_text(value) == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = unicodedata.normalize("NFKC", cell_text(value)).strip()
    # A number of five digits is an Excel serial date (29952 is 1982-01-01), not "YYYYM".
    serial = isinstance(value, (int, float)) and not isinstance(value, bool) and len(text) == 5
    if (match := _PERIOD_TEXT.match(text)) and _is_period(int(match[1]), int(match[2])) \
            and not serial:
        return _make_period(int(match[1]), int(match[2]), value)
    if (match := _MONTH_TEXT.match(text)) and year:
        return _make_period(year, int(match[1]), value)
    if (date := _try_date(value)) is not None:
        return f"{date.year:04d}-{date.month:02d}"
    raise CellError(_PERIOD_EXPECTED, value)


def _try_date(value: object) -> dt.date | None:
    try:
        return parse_date(value)
    except CellError:
        return None


def _is_period(year: int, month: int) -> bool:
    return 1 <= month <= 12 and 1900 <= year <= 2999


def _make_period(year: int, month: int, found: object) -> str:
    if not _is_period(year, month):
        raise CellError(_PERIOD_EXPECTED, found)
    return f"{year:04d}-{month:02d}"


def parse_month_or_day(value: object, upper: int) -> int | None:
    """The 月 or 日 column of older 明细账 layouts that split the date."""
    if value is None or cell_text(value) == "":
        return None
    text = ascii_digits(cell_text(value)).rstrip("月日号")
    if text.isascii() and text.isdigit() and 1 <= int(text) <= upper:
        return int(text)
    raise CellError(f"1～{upper} 的整数", value)


# --- codes and names ---------------------------------------------------------------------------

# "2011301 行政运行", "[30101]基本工资", "30101-基本工资", "【6001】财政拨款预算收入", "201.13.01 …"
_CODE_NAME = re.compile(
    r"^[\[［【(（]?\s*(\d+(?:[.．]\d+)*)\s*[\]］】)）]?\s*[-－—–_:：、.．\s]*(.*)$", re.DOTALL)


def split_code_name(value: object) -> tuple[str, str]:
    """("2011301", "行政运行") from any of the usual spellings; ("", text) if no code leads."""
    text = cell_text(value)
    match = _CODE_NAME.match(text)
    if not match:
        return "", text
    code = re.sub(r"[^0-9]", "", ascii_digits(match[1]))
    return code, match[2].strip()


# --- auxiliary-accounting strings ----------------------------------------------------------

_AUX_FULLWIDTH = re.compile(r"【\s*([^【】:：]+?)\s*[:：]\s*([^【】]*?)\s*】")
_AUX_SQUARE = re.compile(r"\[\s*([^\[\]:：]+?)\s*[:：]\s*([^\[\]]*?)\s*\]")
# Without brackets a value runs to the next "<separator> key:" (a name may itself hold "/").
_AUX_PLAIN = re.compile(
    r"([^;；|/\n:：]+?)\s*[:：]\s*(.*?)\s*(?=[;；|/\n]\s*[^;；|/\n:：]+[:：]|[;；|\n]?\s*$)",
    re.DOTALL)


def parse_auxiliary(value: object) -> list[tuple[str, str]]:
    """The (key, value) pairs of "【功能分类:2011301 行政运行】【资金性质:一般公共预算】".

    Also accepts [key:value] and "key:value; key:value", which other vendors write.
    """
    text = cell_text(value)
    if not text:
        return []
    for pattern in (_AUX_FULLWIDTH, _AUX_SQUARE):
        pairs = pattern.findall(text)
        if pairs:
            return [(key, val.strip()) for key, val in pairs]
    return [(key.strip(" ;；|/"), val.strip()) for key, val in _AUX_PLAIN.findall(text)]
