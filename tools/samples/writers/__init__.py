"""The export styles, as small writers the samples share.  Each takes an ``Office`` (who
exports, which year, the code names its software prints) and the lines or rows to print."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Office:
    department: str
    year: int
    func_names: dict
    econ_names: dict
    account_names: dict
    fund_labels: dict = field(default_factory=dict)   # 资金性质 as an auxiliary string prints it

    def func(self, code: str) -> str:
        return f"{code} {self.func_names[code]}" if code else ""

    def econ(self, code: str) -> str:
        return f"{code} {self.econ_names[code]}" if code else ""

    def account(self, code: str) -> str:
        return f"{code} {self.account_names[code]}"
