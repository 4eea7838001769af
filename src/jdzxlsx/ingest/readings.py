"""Cell parsers of the 绩效指标 sheet: plain numbers (分值, 自评得分: points, never money, so no
万元 scaling and no rounding to the fen), percents (得分率, kept as a fraction) and readings
(指标值 / 实际完成值: the text shown, and what it says — comparator, number, unit).

Like cells.py, a parser that cannot read a cell raises CellError; the builder adds the place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from .cells import CellError
from .kinds import Vocabulary
from .records import Reading
from .text import cell_text

_SIGNED = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
# a comparator, a number (a comma only as a thousands separator), then a short unit
_READING = re.compile(r"^([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)(.*)$")
# a unit is a word like 家, 亿元, 万件, 人次, %: no digits, no punctuation, at most 4 characters
_UNIT = re.compile(r"^[^\d\s,，。;；:：、()（）\[\]【】/]{0,4}$")
# beyond this a float is a formula's binary noise (32.699999999999996), not a typed figure
_FLOAT_PLACES = Decimal("1e-10")
_DECIMAL_HINT = "请填写数字（如 2、1.5）；未评分请留空。"


def _normal(text: str) -> str:
    """NFKC (full-width digits, ％ ＞ ＝ become ASCII) and no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _from_float(value: float) -> Decimal:
    if value.is_integer():
        return Decimal(int(value))      # a typed 2 comes back as 2.0: it is 2
    number = Decimal(repr(value))
    if number.as_tuple().exponent < -10:
        number = number.quantize(_FLOAT_PLACES).normalize()
    return number


def _number_cell(value: object) -> Decimal | None:
    """An int or finite float cell as Decimal; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return Decimal(value) if isinstance(value, int) else _from_float(value)


def _blank(value: object) -> bool:
    return cell_text(value) == ""


def parse_decimal(value: object, what: str) -> Decimal | None:
    """分值 or 自评得分: a number of points ≥ 0 ("2", 2.0, "1.4", "1.4分"); blank is None (not
    given: never 0). ``what`` names the figure in the message ("分值")."""
    if _blank(value):
        return None
    expected = f"{what}（不小于 0 的数字，如 2、1.5）"
    number = _number_cell(value)
    if number is None:
        if isinstance(value, (bool, dt.date, dt.time, dt.timedelta, float)):
            raise CellError(expected, value, _DECIMAL_HINT)
        text = _normal(str(value)).removesuffix("分")
        if not _SIGNED.match(text):
            raise CellError(expected, value, _DECIMAL_HINT)
        number = Decimal(text)
    if number < 0:
        raise CellError(expected, value, f"{what}不能是负数：请核对后改正。")
    return number


def parse_percent(value: object) -> Decimal | None:
    """得分率 as a fraction: "93.7%" → 0.937; a number cell (a typed 93.7% is stored 0.937) as
    it is; a typed bare number only up to 1 ("0.937"), since "93.7" could mean 93.7% or 9370%."""
    if _blank(value):
        return None
    expected = "得分率（百分数，如 93.7%，或小数，如 0.937）"
    number = _number_cell(value)
    if number is None:
        if not isinstance(value, str):
            raise CellError(expected, value)
        text = _normal(value)
        if text.endswith("%") and _SIGNED.match(text[:-1]):
            number = Decimal(text[:-1]).scaleb(-2)
        elif _SIGNED.match(text):
            number = Decimal(text)
            if number > 1:
                raise CellError(expected, value, f"写成百分数：如是 {text}%，请填「{text}%」。")
        else:
            raise CellError(expected, value, "请填写百分数（如 93.7%），未评分请留空。")
    if number < 0:
        raise CellError(expected, value, "得分率不能是负数：请核对后改正。")
    return number


def comparators(vocabulary: Vocabulary) -> tuple[tuple[str, str], ...]:
    """(spelling as normalised, comparator) of [values.comparator], longest spelling first."""
    pairs = {_normal(spelling): vocabulary.resolve(spelling) for spelling in vocabulary.spellings}
    return tuple(sorted(((s, c) for s, c in pairs.items() if c), key=lambda p: -len(p[0])))


def parse_reading(value: object, known: tuple[tuple[str, str], ...]) -> Reading:
    """指标值 / 实际完成值: "≥90%" → (≥, 0.9, %); "395.2亿元" → ("", 395.2, 亿元); a number
    cell → its number, unit ""; text that says no number ("完成规划编制") only its text.
    ``known``: comparators() of the catalogue."""
    number = _number_cell(value)
    if number is not None:
        return Reading(str(number), number=number)
    text = cell_text(value)
    rest = _normal(text)
    comparator = ""
    for spelling, canonical in known:
        if rest.startswith(spelling):
            comparator, rest = canonical, rest[len(spelling):]
            break
    match = _READING.match(rest)
    if not match or not _UNIT.match(match[2]):
        return Reading(text)
    try:
        number = Decimal(match[1].replace(",", ""))
    except InvalidOperation:
        return Reading(text)
    unit = match[2]
    if unit == "%":
        number = number.scaleb(-2)
    return Reading(text, comparator, number, unit)
