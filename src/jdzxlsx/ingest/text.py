"""Text helpers shared by the readers, the header matcher and the cell parsers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

_WHITESPACE = re.compile(r"\s+")
# Dashes the exports use interchangeably inside values such as "财政拨款—一般公共预算".
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "−": "-", "―": "-"})
_QUOTES = str.maketrans("", "", "“”\"'‘’「」")
# Enumerators ("一、" "1." "(一)") in front of a hand-kept label carry layout, not meaning; so do
# the words input_kinds.toml lists as label_prefixes ("其中：").
_ENUMERATOR = r"[一二三四五六七八九十]+[、.]|\d+[、.](?!\d)|\([一二三四五六七八九十\d]+\)"


def cell_text(value: object) -> str:
    """A cell as the text a person sees; whole floats lose their ".0" (codes come as floats)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        # beyond 1e15 a float's digits are not what was typed: 1e+28, not 99999999999999995…
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def is_blank(value: object) -> bool:
    return cell_text(value) == ""


def fold(text: str) -> str:
    """The comparable form of a label or value: half-width, no spaces, one kind of dash/quote."""
    text = unicodedata.normalize("NFKC", text)
    text = _WHITESPACE.sub("", text).translate(_DASHES).translate(_QUOTES)
    return text.lower()


@cache
def label_prefix_pattern(words: tuple[str, ...] = ()) -> re.Pattern[str]:
    """What fold_label drops in front of a label: enumerators and ``words`` (with a colon)."""
    keyed = "".join(f"{re.escape(fold(word))}[:：]?|" for word in words)
    return re.compile(f"^(?:{keyed}{_ENUMERATOR})+")


def fold_label(text: str, prefix: re.Pattern[str] | None = None) -> str:
    """Like fold, and also drop leading enumerators and ``prefix`` words ("一、", "其中：")."""
    return (prefix or label_prefix_pattern()).sub("", fold(text))


# A code written in front of a value ("11 人员类", "[21]公用经费", "3-特定目标类"), as folded.
_LEADING_CODE = re.compile(r"^[\[【(]?\d+[\]】)]?[-_:、.]*(?=\D)")


def without_leading_code(folded: str) -> str:
    """A folded value without the number written in front of it ("" if nothing else is left)."""
    match = _LEADING_CODE.match(folded)
    return folded[match.end():] if match else ""


def ascii_digits(text: str) -> str:
    """NFKC (full-width ２ and superscript ² become 2), then every other decimal digit (Arabic-
    Indic ٢ …) as its ASCII digit. Digit-like signs that are no decimal digit (Ethiopic ፪)
    stay as they are, and so are no digits to the parsers."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def squeeze(text: str) -> str:
    """Collapse runs of whitespace (HTML cells, wrapped header texts) to one space."""
    return _WHITESPACE.sub(" ", text).strip()
