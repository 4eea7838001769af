"""Property tests (hypothesis) of the cell parsers in ingest/cells.py (issue 8).

Amounts: every fen amount within ±1 万亿元 comes back exactly from each way an export writes it;
dates: every real date reads the same from each spelling; codes: what is read is ASCII digits.
And for every parser: any cell either parses or raises CellError — never another exception.
Each test stays well under a second (max_examples).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jdzxlsx.ingest.cells import (CellError, parse_amount, parse_count, parse_date,
                                  parse_month_or_day, parse_period, split_code_name)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMIT = 10**14      # fen: 1 万亿元
FULL_WIDTH = str.maketrans("0123456789,.()-", "０１２３４５６７８９，．（）－")
TEN_THOUSAND = Decimal(10000)

fen_amounts = st.integers(-LIMIT, LIMIT).map(lambda fen: Decimal(fen) / 100)
text_forms = st.sampled_from(["plain", "thousands", "brackets", "full_width", "yuan", "spaced"])


def written(amount: Decimal, form: str) -> str:
    """``amount`` as an export or an accountant writes it."""
    plain, grouped = f"{amount:.2f}", f"{amount:,.2f}"
    if form == "plain":
        return plain
    if form == "thousands":
        return grouped
    if form == "brackets":      # 红字: (12.00) is -12.00; a positive amount has no brackets
        return f"({abs(amount):,.2f})" if amount < 0 else grouped
    if form == "full_width":
        return grouped.translate(FULL_WIDTH)
    if form == "yuan":
        return f"¥{plain}元"
    return f"  {plain} "


@FAST
@given(fen_amounts, text_forms)
def test_any_fen_amount_round_trips_through_its_text_forms(amount, form):
    assert parse_amount(written(amount, form)) == amount


@FAST
@given(fen_amounts)
def test_any_fen_amount_round_trips_as_a_float(amount):
    assert parse_amount(float(amount)) == amount


@FAST
@given(st.integers(-10**12, 10**12), st.integers(-10**12, 10**12))
def test_a_float_sum_of_fen_amounts_is_the_exact_sum(a, b):
    """What Excel caches for =A1+B1: binary noise of a fen amount, read as that amount."""
    exact = (Decimal(a) + Decimal(b)) / 100
    assert parse_amount(float(Decimal(a) / 100) + float(Decimal(b) / 100)) == exact


@FAST
@given(st.integers(-10**10, 10**10))
def test_an_amount_in_ten_thousands_is_exact_in_yuan(fen):
    wan = Decimal(fen) / 10**6      # 万元 with six decimals is still to the fen
    assert parse_amount(str(wan), TEN_THOUSAND) == Decimal(fen) / 100
    assert parse_amount(float(wan), TEN_THOUSAND) == Decimal(fen) / 100


@FAST
@given(st.integers(-10**9, 10**9), st.integers(1, 9))
def test_a_third_decimal_is_always_refused(cents, thousandth):
    amount = Decimal(cents) / 100 + Decimal(thousandth) / 1000 * (1 if cents >= 0 else -1)
    for cell in (str(amount), float(amount)):
        try:
            parse_amount(cell)
        except CellError as error:
            assert error.expected.startswith("金额（到分为止")
        else:
            raise AssertionError(f"{cell!r} was read")


beyond_a_trillion = st.one_of(
    st.builds(lambda m, e, sign: f"{sign}{m}e{e}", st.integers(1, 10**6), st.integers(13, 10**6),
              st.sampled_from(["", "-", "+"])),
    st.integers(10**12 + 1, 10**40).map(str), st.integers(-10**40, -10**12 - 1),
    st.floats(min_value=1e12 + 1, allow_infinity=False),
    st.floats(max_value=-1e12 - 1, allow_infinity=False))


@FAST
@given(beyond_a_trillion)
def test_anything_beyond_a_trillion_is_refused(cell):
    try:
        parse_amount(cell)
    except CellError as error:
        assert error.expected == "金额（绝对值不超过 1 万亿元）"
    else:
        raise AssertionError(f"{cell!r} was read")


cells = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(),
    st.text(alphabet="0123456789.,-+()eE ¥元$naif１２，．（）−²⁰٢፪年月日/号人期第份", max_size=24),
    st.text(max_size=12), st.dates(), st.datetimes(), st.decimals().map(str),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cells)
def test_any_cell_parses_or_raises_cell_error(cell):
    for parse in (parse_amount, lambda c: parse_amount(c, TEN_THOUSAND), parse_count,
                  parse_date, lambda c: parse_date(c, 2020), parse_period,
                  lambda c: parse_period(c, 2020), lambda c: parse_month_or_day(c, 31)):
        try:
            result = parse(cell)
        except CellError:
            continue
        if isinstance(result, Decimal):
            assert abs(result) <= 10**12 and result == result.quantize(Decimal("0.01"))


real_dates = st.dates(dt.date(1900, 3, 1), dt.date(2999, 12, 31))
EXCEL_DAY_0 = dt.date(1899, 12, 30)


def spellings(day: dt.date) -> list[object]:
    serial = (day - EXCEL_DAY_0).days
    return [day, dt.datetime.combine(day, dt.time(13, 5)), serial, serial + 0.75,
            day.isoformat(), f"{day.year}/{day.month}/{day.day}", f"{day.year}.{day.month:02d}."
            f"{day.day:02d}", f"{day.year}年{day.month}月{day.day}日", f"{day:%Y%m%d}",
            int(f"{day:%Y%m%d}"), f"{day.isoformat()} 00:00:00", f"{day.isoformat()}T08:30",
            day.isoformat().translate(FULL_WIDTH)]


@FAST
@given(real_dates)
def test_any_real_date_reads_the_same_from_every_spelling(day):
    assert {parse_date(cell) for cell in spellings(day)} == {day}


@FAST
@given(st.dates(dt.date(1900, 3, 1), dt.date(2173, 10, 14)))
def test_a_period_is_the_dates_month_in_every_spelling(day):
    """Up to serial 99999: a six-digit number in a period column is YYYYMM (202001)."""
    month = f"{day.year:04d}-{day.month:02d}"
    assert {parse_period(cell) for cell in spellings(day)} == {month}
    assert parse_period(f"{day.year}年{day.month}月") == month
    assert parse_period(f"{day.month}月", day.year) == month


@FAST
@given(st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)).map(
    lambda d: (d.year, d.month, d.day)), st.integers(1, 31))
def test_an_impossible_day_is_refused(date_parts, day):
    year, month, _ = date_parts
    try:
        valid = dt.date(year, month, day)
    except ValueError:
        valid = None
    try:
        assert parse_date(f"{year}-{month}-{day}") == valid
    except CellError:
        assert valid is None


codes = st.text(alphabet="0123456789", min_size=3, max_size=12)
names = st.text(alphabet="行政运行基本工资培训费其他支出", min_size=1, max_size=8)
wrappers = st.sampled_from(["{c} {n}", "[{c}]{n}", "【{c}】{n}", "{c}-{n}", "{c}_{n}", "{c}：{n}",
                            "（{c}）{n}", "{c}\u3000{n}", "{c}"])


@FAST
@given(codes, names, wrappers, st.booleans())
def test_a_written_code_comes_back_with_its_name(code, name, wrapper, full_width):
    typed = code.translate(FULL_WIDTH) if full_width else code
    cell = wrapper.format(c=typed, n=name)
    assert split_code_name(cell) == (code, "" if wrapper == "{c}" else name)


@FAST
@given(st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.none(), st.booleans()))
def test_whatever_is_read_as_a_code_is_ascii_digits(cell):
    code, _ = split_code_name(cell)
    assert code == "" or (code.isascii() and code.isdigit())
