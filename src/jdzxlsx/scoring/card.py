"""The scorecard: the scored lines of the 绩效自评 sheet, as the checks read them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreEntry:
    """One scored line of the sheet, for the checks: its names are 绩效_{key}_…"""

    key: str                        # "指标3" | "二级2" | "一级1" | "总计"
    label: str                      # "投入／预算执行管理／预算完成率"
    level: str                      # "指标" | "二级" | "一级" | "总计"
    kind: str                       # an indicator's rule kind; "group" for the totals
    measure: str | None = None      # the measure an indicator is scored from (or, its inputs
                                    # missing, would be: it takes the typed score meanwhile)
    typed: frozenset[str] = frozenset()   # 自评得分, 单位所填比率, 手填分值, 手填得分, 手填得分率
    # typed figures the sheet cannot check, and why (a rate whose inputs are missing, a period
    # short of the year): their rows are 未核对 with the reason, never compared
    unchecked: tuple[tuple[str, str], ...] = ()


@dataclass
class Scorecard:
    """What the checks read of the sheet: its scored lines, and whether the office typed a
    grade (carried by the 总计 line)."""

    entries: list[ScoreEntry] = field(default_factory=list)
    typed_grade: bool = False
