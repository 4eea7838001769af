"""Cell parsers of the 绩效指标 sheet: plain numbers (分值, 自评得分: points, never money, so no
万元 scaling and no rounding to the fen), percents (得分率, kept as a fraction) and readings
(指标值 / 实际完成值: the text shown, and what it says — comparator, number, unit: "≥90%",
"不低于90%", "90%以上", "≥90%及以上").

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
    """得分率 as a fraction: "93.7%" → 0.937; a bare number, typed or a number cell (a typed
    93.7% is stored 0.937), as it is — but only up to 1: 93.7 (a per cent without its sign, as
    under a 「得分率(%)」 header) could mean 93.7% or 9370%, and is refused."""
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
            number = _bare_rate(Decimal(text), expected, value)
        else:
            raise CellError(expected, value, "请填写百分数（如 93.7%），未评分请留空。")
    else:
        number = _bare_rate(number, expected, value)
    if number < 0:
        raise CellError(expected, value, "得分率不能是负数：请核对后改正。")
    return number


def _bare_rate(number: Decimal, expected: str, value: object) -> Decimal:
    """A 得分率 without its % sign: a fraction up to 1 (0.937); above 1 refused (93.7)."""
    if number > 1:
        shown, hundredfold = _plain(number), _plain(number * 100)
        raise CellError(expected, value,
                        f"得分率没有百分号而大于 1，不知道是 {shown}% 还是 {hundredfold}%："
                        f"请填写带百分号的百分数，如是 {shown}% 请填「{shown}%」"
                        f"（或小数 {_plain(number.scaleb(-2))}）。")
    return number


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}"


def comparators(vocabulary: Vocabulary, *, words_only: bool = False
                ) -> tuple[tuple[str, str], ...]:
    """(spelling as normalised, comparator) of a comparator vocabulary ([values.comparator],
    [values.comparator_after]), longest spelling first. ``words_only`` leaves out the
    canonical signs themselves (≥ ≤ may stand in front of a number, not after it)."""
    pairs = {_normal(spelling): vocabulary.resolve(spelling) for spelling in vocabulary.spellings
             if not (words_only and spelling in vocabulary.canonical)}
    return tuple(sorted(((s, c) for s, c in pairs.items() if c), key=lambda p: -len(p[0])))


# The way a comparator points: a word after the number ("90%以上") agrees with one before it
# ("≥90%及以上") when both point the same way; the one in front is kept (it may be strict).
_DIRECTION = {"≥": 1, ">": 1, "≤": -1, "<": -1, "=": 0}


def parse_reading(value: object, known: tuple[tuple[str, str], ...],
                  after: tuple[tuple[str, str], ...] = ()) -> Reading:
    """指标值 / 实际完成值: "≥90%" → (≥, 0.9, %); "90%以上" → (≥, 0.9, %); "395.2亿元" →
    ("", 395.2, 亿元); a number cell → its number, unit ""; text that says no number
    ("完成规划编制"), or two comparators that disagree ("≥90%以下"), only its text.
    ``known``: comparators() of the catalogue, in front of the number; ``after``: the words
    that may follow it (comparators(..., words_only=True) of [values.comparator_after])."""
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
    if not match:
        return Reading(text)
    unit = match[2]
    for spelling, canonical in after:
        if unit.endswith(spelling):
            if comparator and _DIRECTION.get(comparator) != _DIRECTION.get(canonical):
                return Reading(text)
            comparator, unit = comparator or canonical, unit[:-len(spelling)]
            break
    if not _UNIT.match(unit):
        return Reading(text)
    try:
        number = Decimal(match[1].replace(",", ""))
    except InvalidOperation:
        return Reading(text)
    if unit == "%":
        number = number.scaleb(-2)
    return Reading(text, comparator, number, unit)
