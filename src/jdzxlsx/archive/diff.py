"""`jdzxlsx diff <a> <b>`: the 公开表 figures and 核对表 verdicts that changed between two
versions, read from the workbooks' cached values (what Excel and WPS show)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .history import SOURCE, department_years
from .store import version_pattern

PUBLIC_PREFIX = "公开"
CHECK_SHEET = "核对表"
SPACER = "栏次"


@dataclass
class Diff:
    figures: list[tuple[str, str, str, object, object]] = field(default_factory=list)
    verdicts: list[tuple[str, object, object]] = field(default_factory=list)
    rows: list[tuple[str, str, str]] = field(default_factory=list)      # (sheet, label, 增加/删除)
    rules: list[tuple[str, str]] = field(default_factory=list)          # (rule id, 增加/删除)

    @property
    def empty(self) -> bool:
        return not (self.figures or self.verdicts or self.rows or self.rules)


def _number(value) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def public_figures(rows: list[tuple]) -> dict[tuple[str, str], dict[str, object]]:
    """(row label, column header) → value of one 公开表: the amount columns are those the 栏次
    row numbers; columns after the first blank one are the hidden 元 calculation columns; a
    row's label is the text left of each block of amount columns (行次 numbers left out)."""
    spacer = next((i for i, row in enumerate(rows) if any(_text(v) == SPACER for v in row)
                   or _numbers_one_to_n(row)), None)
    if spacer is None:
        return {}
    top = next((i for i, row in enumerate(rows[:spacer]) if _text(row[0]).startswith("编制单位")),
               0) + 1
    header = rows[top:spacer + 1]
    width = len(rows[spacer])
    for col in range(1, width):
        if all(col >= len(row) or row[col] is None for row in header):
            width = col
            break
    amount_cols = [c for c in range(width) if _number(rows[spacer][c]) is not None]
    figures: dict[tuple[str, str], object] = {}
    for row in rows[spacer + 1:]:
        if _text(row[0]).startswith("注"):
            break
        previous, label = -1, ""
        for col in amount_cols:               # 公开01表 has two blocks: 收入 left, 支出 right
            label = " ".join(t for t in (_text(v) for v in row[previous + 1:col]
                                         if not isinstance(v, (int, float)))
                             if t) or (label if previous == col - 1 else "")
            previous = col
            value = row[col] if col < len(row) else None
            if value in (None, "") or not (label or _number(value) is not None):
                continue
            label = label or "—"             # 公开07表: one row of amounts, no row label
            heading = " ".join(t for t in (_text(r[col]) for r in rows[top:spacer]) if t)
            key = (label, f"{heading}（栏 {int(rows[spacer][col])}）")
            while key in figures:                         # the same label twice: keep both
                key = (key[0] + "′", key[1])
            figures[key] = value
    return figures


def _numbers_one_to_n(row: tuple) -> bool:
    """A 栏次 row without the word (公开07表): the first cells are 1, 2, …, n (n ≥ 2)."""
    leading = [v for v in row[:next((i for i, v in enumerate(row) if v in (None, "")), len(row))]]
    return len(leading) >= 2 and all(_number(v) == i for i, v in enumerate(leading, start=1))


def check_verdicts(rows: list[tuple]) -> dict[str, object]:
    """rule id → verdict of the 核对表."""
    head = next((i for i, row in enumerate(rows) if row and _text(row[0]) == "编号"), None)
    if head is None:
        return {}
    columns = {_text(v): i for i, v in enumerate(rows[head])}
    verdict = columns.get("结论")
    out = {}
    for row in rows[head + 1:]:
        rule = _text(row[0]) if row else ""
        if not rule or rule == "未核对" or verdict is None:
            continue
        out[rule] = row[verdict] if verdict < len(row) else None
    return out


def read_versions(path: Path) -> tuple[dict[str, dict], dict[str, object]]:
    import openpyxl

    path = Path(path)
    if not path.is_file():
        raise InputError(f"工作簿不存在：{path}", hint="给出两个 .xlsx 工作簿的路径，"
                                                     "或 部门 与两个版本号（如 v001 v002）。")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable file is the same to the user
        raise InputError(f"无法打开工作簿：{error}", file=str(path),
                         hint="请给出 jdzxlsx 生成的 .xlsx 文件。") from None
    try:
        tables = {name: public_figures(list(book[name].iter_rows(values_only=True)))
                  for name in book.sheetnames if name.startswith(PUBLIC_PREFIX)}
        verdicts = (check_verdicts(list(book[CHECK_SHEET].iter_rows(values_only=True)))
                    if CHECK_SHEET in book.sheetnames else {})
    finally:
        book.close()
    if not tables and not verdicts:
        raise InputError("工作簿中没有公开表和核对表，不是 jdzxlsx 生成的决算工作簿。", file=str(path))
    return tables, verdicts


def _same(old, new) -> bool:
    a, b = _number(old), _number(new)
    if a is not None and b is not None:
        return round(a, 2) == round(b, 2)
    return old == new


def diff_workbooks(a: Path, b: Path) -> Diff:
    old_tables, old_verdicts = read_versions(a)
    new_tables, new_verdicts = read_versions(b)
    result = Diff()
    for sheet in [*old_tables, *(s for s in new_tables if s not in old_tables)]:
        old, new = old_tables.get(sheet, {}), new_tables.get(sheet, {})
        old_labels = {label for label, _ in old}
        new_labels = {label for label, _ in new}
        result.rows += [(sheet, label, "删除") for label in sorted(old_labels - new_labels)]
        result.rows += [(sheet, label, "增加") for label in sorted(new_labels - old_labels)]
        for key in [*old, *(k for k in new if k not in old)]:
            if key[0] not in old_labels or key[0] not in new_labels:
                continue
            if not _same(old.get(key), new.get(key)):
                result.figures.append((sheet, key[0], key[1], old.get(key), new.get(key)))
    for rule in [*old_verdicts, *(r for r in new_verdicts if r not in old_verdicts)]:
        if rule not in new_verdicts:
            result.rules.append((rule, "删除"))
        elif rule not in old_verdicts:
            result.rules.append((rule, "增加"))
        elif old_verdicts[rule] != new_verdicts[rule]:
            result.verdicts.append((rule, old_verdicts[rule], new_verdicts[rule]))
    return result


def _shown(value) -> str:
    number = _number(value)
    if number is not None:
        return f"{number:,.2f}"
    return "（空）" if value in (None, "") else str(value)


def diff_lines(a: Path, b: Path, result: Diff) -> list[str]:
    lines = [f"比较：{a}", f"  与：{b}"]
    if result.empty:
        return lines + ["两个版本的公开表数字和核对表结论完全相同。"]
    if result.figures:
        lines.append(f"公开表中变动的数字（{len(result.figures)} 个，旧 → 新）：")
        lines += [f"  {sheet}「{label}」{column}：{_shown(old)} → {_shown(new)}"
                  for sheet, label, column, old, new in result.figures]
    if result.rows:
        lines.append(f"公开表中增加或删除的行（{len(result.rows)} 行）：")
        lines += [f"  {sheet}：{what}「{label}」" for sheet, label, what in result.rows]
    if result.verdicts:
        lines.append(f"核对表中变动的结论（{len(result.verdicts)} 项，旧 → 新）：")
        lines += [f"  {rule}：{_shown(old)} → {_shown(new)}" for rule, old, new in result.verdicts]
    if result.rules:
        lines.append(f"核对表中增加或删除的核对（{len(result.rules)} 项）：")
        lines += [f"  {what}：{rule}" for rule, what in result.rules]
    return lines


def resolve_version(dist: Path, department: str, year: int | None, text: str) -> Path:
    """v002 / 2 / 002 → that version's workbook in dist/<部门>/<年度>/."""
    digits = text[1:] if text[:1] in "vV" else text
    if not digits.isdigit():
        raise InputError(f"「{text}」不是版本号。", hint="写成 v001 或 1。")
    folders = department_years(dist, department, year)
    if len(folders) > 1:
        raise InputError(f"部门「{department}」有多个年度的版本。",
                         hint="用 --year 指定年度，如 --year " + str(folders[-1][1]) + "。")
    folder, this_year = folders[0]
    pattern = version_pattern(department, this_year)
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and match.group(2) == "xlsx" and int(match.group(1)) == int(digits):
            return path
    raise InputError(f"部门「{department}」{this_year} 年度没有第 {int(digits)} 版工作簿。",
                     hint=f"运行 jdzxlsx history {department} 查看已有的版本。")


def diff_command(items: list[str], dist: Path, year: int | None = None, out=None) -> int:
    out = out or sys.stdout
    if len(items) == 2:
        a, b = Path(items[0]), Path(items[1])
    elif len(items) == 3:
        a, b = (resolve_version(dist, items[0], year, v) for v in items[1:])
    else:
        raise InputError(f"diff 需要两个工作簿，或 部门 与两个版本号；收到 {len(items)} 个参数"
                         f"（{SOURCE}）。",
                         hint="如 jdzxlsx diff 甲.xlsx 乙.xlsx，或 jdzxlsx diff 某局 v001 v002。")
    for line in diff_lines(a, b, diff_workbooks(a, b)):
        print(line, file=out)
    return 0
