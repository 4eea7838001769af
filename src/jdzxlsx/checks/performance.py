"""The family over the 绩效自评 scorecard: one 核对表 row per scored line of the sheet (an
indicator, a measured indicator, a 小计/合计/总计 line) — or only those where the office typed
the figure the rule checks — comparing what the office typed with what the sheet computes."""

from __future__ import annotations

from ..expr import fill_text
from ..scoring import ScoreEntry, Scorecard
from ..templates import Rule
from .instances import Instance

# entries → the levels of the scorecard's lines it takes
LEVELS = {"indicators": ("指标",), "measures": ("指标",), "groups": ("二级", "一级", "总计"),
          "total": ("总计",)}
GRADE = "手填等级"            # typed on the sheet's grade line, carried by the total
WHAT = {"indicators": "指标", "measures": "按账计算比率的指标", "groups": "小计、合计、总计行",
        "total": "总计行"}
# what the office left out, in its words
TYPED_WORDS = {"自评得分": "自评得分", "单位所填比率": "比率的实际完成值",
               "手填分值": "小计、合计行的分值", "手填得分": "小计、合计行的得分",
               "手填得分率": "得分率", "手填等级": "评价等级"}
NO_SHEET = "输入目录中没有绩效指标表，绩效自评表只列出计算依据"


class PerformanceFamilies:
    """Mixed into the Planner: ``self.scorecard`` (None: the pipeline made none), ``filled``,
    ``absent``."""

    scorecard: Scorecard | None

    def performance_entries(self, rule: Rule) -> list[ScoreEntry]:
        """The scorecard's lines the rule's ``entries`` take, in sheet order (before ``typed``)."""
        entries = self.scorecard.entries if self.scorecard is not None else []
        return [e for e in entries if e.level in LEVELS[rule.entries]
                and (rule.entries != "measures" or e.measure)]

    def _each_performance(self, rule: Rule) -> list[Instance]:
        """Every chosen line ({key}: its names are 绩效_{key}_…; {label}: 一级／二级／三级)."""
        if self.scorecard is None or not self.scorecard.entries:
            self.absent(rule, [], because=NO_SHEET)     # the rule's `absent`: a name missing
            return []
        entries = self.performance_entries(rule)
        if rule.typed == GRADE:
            entries = entries if self.scorecard.typed_grade else []
        elif rule.typed is not None:
            entries = [e for e in entries if rule.typed in e.typed]
            unchecked = [e for e in entries if rule.typed in dict(e.unchecked)]
            for entry in unchecked:        # typed, but nothing it could be compared with
                self.not_checked.append(
                    f"{rule.id}[{entry.key}]：{fill_text(rule.description, {'label': entry.label})}"
                    f"（{dict(entry.unchecked)[rule.typed]}）")
            entries = [e for e in entries if e not in unchecked]
            if unchecked and not entries:
                return []
        if not entries:
            what = f"填写{TYPED_WORDS[rule.typed]}" if rule.typed else WHAT[rule.entries]
            self.absent(rule, [], because=f"绩效指标表中没有{what}，无可核对")
            return []
        return [i for e in entries
                for i in self.filled(rule, e.key, {"key": e.key, "label": e.label})]
