"""Rule kinds as formulas: which kind scores an indicator, and its score as a node of the
formula language over the indicator's named cells (分值, 实际值, 目标值, 自评得分).

Every score is ROUND(ROUND(MAX(0, MIN(分值, …)), 9), 2): between 0 and the weight, to the cent
of a point — rounded to 9 places first, so that a half cent computed in binary doubles
(0.8825 − 0.85 = 0.027499999…) rounds up in a spreadsheet as it does in Python's decimals.
  linear(from, to)        (实际值 − from) ÷ (to − from) × 分值            (from > to: lower is better)
  at_most(limit, deduct)  分值 if 实际值 ≤ limit, else 分值 − (实际值 − limit) × 100 × deduct × 分值
  proportional            实际值 × 分值
  at_least_target         分值 if 实际值 ≥ 目标, else 实际值 ÷ 目标 × 分值     (财预〔2020〕10号 "≥")
  at_most_target          分值 if 实际值 ≤ 目标, else 目标 ÷ 实际值 × 分值     ("≤")
  qualitative             the typed score held inside the band of the stated 达成程度
  judged                  the typed score
The divisions of the target kinds sit in the branch IF takes only when the divisor is positive
(a target > 0 is required; 实际值 > 目标 > 0 in the ≤ branch): no #DIV/0! in either rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InputError
from ..expr import Binary, Call, Name, Node, Number, fill_text
from ..ingest.records import Reading
from ..templates.performance import Band, PerformanceTemplate, fold
from ..working_paper import Indicator
from .layout import NOT_GIVEN, PREFIX, percent_text, settle
from .measures import MeasurePlan

RATE_KINDS = ("linear", "at_most", "proportional")      # scored from a rate
TARGET_KINDS = ("at_least_target", "at_most_target")    # scored from actual against target
TYPED_KINDS = ("qualitative", "judged")                 # scored from the typed score
AT_MOST = ("≤", "<")


@dataclass(frozen=True)
class Scoring:
    """How one indicator is scored."""

    kind: str
    params: dict[str, Decimal]
    measure: str | None = None      # scored from this measure's rate
    band: Band | None = None        # qualitative
    word: str = ""                  # the 达成程度 as stated
    reason: str = ""                # a fallback to the typed score: why
    wanted: str | None = None       # … because this measure is not given

    @property
    def uses_actual(self) -> bool:
        return self.kind in RATE_KINDS + TARGET_KINDS


def bare_fraction(reading: Reading, limit: Decimal) -> bool:
    """A number without a unit that may be read as a fraction: a per-cent cell's (128.73 % is
    stored 1.2873), within the template's bare_fraction_limit; beyond it (3 under ≤5 %, 128.73)
    the office may have meant a per cent without its sign: not guessed."""
    return reading.unit == "" and reading.number is not None and abs(reading.number) <= limit


def not_a_rate(actual: Reading, limit: Decimal) -> str:
    """Why a 实际完成值 is not a rate, and what to write ("" when it is: a per cent, or a bare
    number within the limit)."""
    if actual.number is not None and (actual.unit == "%" or bare_fraction(actual, limit)):
        return ""
    text = actual.text.strip()
    if not text:
        return "实际完成值没有填写"
    if actual.number is not None and actual.unit == "":
        return f"实际完成值「{text}」不是百分数：如是 {text}%，请写成「{text}%」"
    return f"实际完成值「{text}」不是百分数：请写成比率（如 85.71%）"


def incomparable(indicator: Indicator, limit: Decimal) -> str:
    """Why 指标值 and 实际完成值 do not compare as numbers ("" when they do: the same unit, or a
    per cent against a bare fraction within ``limit``; the target above 0, as it divides)."""
    target, actual = indicator.target, indicator.actual
    if target.number is None or actual.number is None:
        return "指标值或实际完成值不是数"
    if target.number <= 0:
        return "指标值不是大于 0 的数"
    if target.unit == actual.unit:
        return ""
    if {target.unit, actual.unit} == {"%", ""}:
        bare = target if target.unit == "" else actual
        if bare_fraction(bare, limit):
            return ""
        return (f"「{bare.text}」没有写 %，与「{(actual if bare is target else target).text}」"
                f"无法比较：如是 {bare.text}%，请写成「{bare.text}%」")
    return f"指标值与实际完成值的单位不同（{target.unit or '无单位'}、{actual.unit or '无单位'}）"


def comparable(indicator: Indicator, limit: Decimal) -> bool:
    return not incomparable(indicator, limit)


# what may follow a 达成程度 word that states the level ("基本达成，效果较好"); any other
# continuation makes the text a scoring instruction ("未完成不得分，完成得满分"), not a level
BAND_END = "，,。；;：:（(、．.！!"


def _plain(text: str) -> str:
    return re.sub(r"[\s\"'“”‘’「」『』]", "", text)


def stated_band(indicator: Indicator, spec: PerformanceTemplate) -> tuple[Band, str] | None:
    """The 达成程度 the 实际完成值 — else the 评分标准 — states: the whole text is a band's word,
    or begins with one followed by punctuation (the longest word that fits)."""
    words = sorted(((w, b) for b in spec.bands for w in b.words), key=lambda wb: -len(wb[0]))
    for text in (_plain(indicator.actual.text), _plain(indicator.criterion)):
        for word, band in words:
            said = _plain(word)
            if text == said or (text.startswith(said) and text[len(said)] in BAND_END):
                return band, word
    return None


def choose(indicator: Indicator, spec: PerformanceTemplate,
           plans: dict[str, MeasurePlan]) -> Scoring:
    """The template's rule for the indicator's name; else a 定量 indicator (or one whose 指标值
    has a comparator) with comparable numbers → the target rules; else a stated 达成程度 →
    qualitative; else judged.  A rule whose inputs are missing falls back to the typed score."""
    known = spec.rule_for(indicator.name)
    limit = spec.bare_fraction_limit
    if known is not None:
        kind, params = known.rule.kind, known.rule.params
        if known.measure is not None and not plans[known.measure].given:
            return _fallback(f"「{known.measure}」{NOT_GIVEN}（{plans[known.measure].missing}）",
                             known.measure)
        if kind in TARGET_KINDS and not (indicator.target.number or 0) > 0:
            return _fallback("指标值不是大于 0 的数")
        if known.measure is None and kind in TARGET_KINDS and not comparable(indicator, limit):
            return _fallback(incomparable(indicator, limit))
        if known.measure is None and kind in RATE_KINDS and not_a_rate(indicator.actual, limit):
            return _fallback(not_a_rate(indicator.actual, limit))     # "80", "80家" are no rates
        band = stated_band(indicator, spec) if kind == "qualitative" else None
        if kind == "qualitative" and band is None:
            return _fallback("评分标准没有写明达成程度")
        return Scoring(kind, params, known.measure, *(band or (None, "")))
    quantitative = indicator.rule == "定量" or (indicator.rule != "定性"
                                                and bool(indicator.target.comparator))
    if quantitative and comparable(indicator, limit):
        kind = "at_most_target" if indicator.target.comparator in AT_MOST else "at_least_target"
        return Scoring(kind, {})
    band = stated_band(indicator, spec)
    if band is not None and indicator.rule != "定量":
        return Scoring("qualitative", {}, None, *band)
    if quantitative and (indicator.rule == "定量" or indicator.actual.number is not None):
        # a target stated with ≥ / ≤ but an actual that does not compare: said, not guessed
        return _fallback(f"定量指标：{incomparable(indicator, limit)}")
    return Scoring("judged", {})


def _fallback(reason: str, measure: str | None = None) -> Scoring:
    return Scoring("judged", {}, reason=reason, wanted=measure)


def describe(scoring: Scoring, spec: PerformanceTemplate, criterion: str) -> str:
    """评分规则 as printed: the template's text for the kind, then the office's 评分标准."""
    if scoring.reason:
        text = fill_text(spec.describe["fallback"], {"reason": scoring.reason})
    else:
        values = {k: percent_text(v) for k, v in scoring.params.items()}
        if scoring.band is not None:
            values.update(band=scoring.word, low=percent_text(scoring.band.low),
                          high=percent_text(scoring.band.high))
        text = fill_text(spec.describe[scoring.kind], values)
    said = fold(criterion)
    return text + (f"\n评分标准：{criterion}" if said and said != fold(scoring.word) else "")


def indicator_name(seq: int, field: str) -> str:
    return f"{PREFIX}指标{seq}_{field}"


def score_node(scoring: Scoring, indicator: Indicator) -> Node:
    """The score formula over the indicator's named cells."""
    if scoring.kind in TYPED_KINDS and indicator.score is None:
        raise InputError(f"指标「{indicator.name}」需要单位自评得分（{scoring.reason or '没有可计算的评分规则'}），"
                         "但这一行没有填。", file=indicator.source.file, sheet=indicator.source.sheet,
                         row=indicator.source.row, column="自评得分",
                         hint="填上单位自评得分，或在模板 绩效.toml 中为该指标写明评分规则。")
    w = Name(indicator_name(indicator.seq, "分值"))
    actual = Name(indicator_name(indicator.seq, "实际值"))
    target = Name(indicator_name(indicator.seq, "目标值"))
    typed = Name(indicator_name(indicator.seq, "自评得分"))
    p = {k: Number(v) for k, v in scoring.params.items()}
    if scoring.kind == "linear":
        raw = _times(_over(Binary("-", actual, p["from"]), Binary("-", p["to"], p["from"])), w)
    elif scoring.kind == "at_most":
        over = _times(_times(_times(Binary("-", actual, p["limit"]), Number(100)), p["deduct"]), w)
        raw = _if(Binary("<=", actual, p["limit"]), w, Binary("-", w, over))
    elif scoring.kind == "proportional":
        raw = _times(actual, w)
    elif scoring.kind == "at_least_target":
        raw = _if(Binary(">=", actual, target), w, _times(_over(actual, target), w))
    elif scoring.kind == "at_most_target":
        raw = _if(Binary("<=", actual, target), w, _times(_over(target, actual), w))
    elif scoring.kind == "qualitative":
        low, high = (_times(Number(scoring.band.low), w), _times(Number(scoring.band.high), w))
        return settle(Call("MAX", (low, Call("MIN", (high, typed)))), 2)
    else:
        raw = typed
    return settle(Call("MAX", (Number(0), Call("MIN", (w, raw)))), 2)


def _times(a: Node, b: Node) -> Node:
    return Binary("*", a, b)


def _over(a: Node, b: Node) -> Node:
    return Binary("/", a, b)


def _if(condition: Node, then: Node, otherwise: Node) -> Node:
    return Call("IF", (condition, then, otherwise))

