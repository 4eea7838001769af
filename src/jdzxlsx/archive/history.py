"""`jdzxlsx history <部门>`: the versions of a department, with time, period, inputs and key
figures, read from their manifests."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from ..errors import InputError
from ..pathgate import inside, safe_component
from .store import version_pattern

SOURCE = "命令行参数"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def department_years(dist: Path, department: str, year: int | None) -> list[tuple[Path, int]]:
    """(folder, year) of a department's version folders; the name goes through the path gate."""
    safe_component(department, "部门", SOURCE)
    dist = Path(dist)
    base = inside(dist, department, what="部门", source=SOURCE)
    if not base.is_dir():
        known = sorted(p.name for p in dist.iterdir() if p.is_dir()) if dist.is_dir() else []
        raise InputError(f"输出目录「{dist}」中没有部门「{department}」的版本。",
                         hint=("已有的部门：" + "、".join(known)) if known else
                         "先运行 jdzxlsx build 生成，或用 --dist 指定输出目录。")
    years = sorted(int(p.name) for p in base.iterdir() if p.is_dir() and p.name.isdigit())
    if year is not None:
        if year not in years:
            raise InputError(f"部门「{department}」没有 {year} 年度的版本。",
                             hint="已有的年度：" + ("、".join(map(str, years)) or "无"))
        years = [year]
    return [(inside(dist, department, str(y), what="部门", source=SOURCE), y) for y in years]


def _read(manifest: Path) -> dict | None:
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def history_lines(dist: Path, department: str, year: int | None = None) -> list[str]:
    lines = []
    for folder, this_year in department_years(dist, department, year):
        pattern = version_pattern(department, this_year)
        numbers: dict[int, dict[str, Path]] = {}
        for path in folder.iterdir():
            if match := pattern.match(path.name):
                numbers.setdefault(int(match.group(1)), {})[match.group(2)] = path
        lines.append(f"{department} {this_year}年度：{len(numbers)} 个版本（{folder}）")
        for number in sorted(numbers):
            files = numbers[number]
            record = _read(files["manifest.json"]) if "manifest.json" in files else None
            lines.extend(_version_lines(number, files, record))
        lines.append("")
    return lines


def _version_lines(number: int, files: dict[str, Path], record: dict | None) -> list[str]:
    name = f"v{number:03d}"
    if "xlsx" not in files:
        name += "（工作簿缺失）"
    if record is None:
        return [f"{name}  清单缺失（没有生成记录）" if "manifest.json" not in files
                else f"{name}  清单无法读取"]
    period = record.get("period") or {}
    inputs = record.get("inputs")
    head = (f"{name}  生成于 {record.get('built_at', '—')}  "
            f"期间 {period.get('from', '—')} 至 {period.get('to', '—')}  "
            f"输入文件 {len(inputs) if isinstance(inputs, list) else '—'} 个")
    lines = [head]
    figures = record.get("key_figures")
    if not isinstance(figures, dict) or not figures:
        lines.append("    主要数字：—（该版本的清单未记录）")
    else:
        lines.append(f"    主要数字（{record.get('key_figures_unit', '万元')}）：")
        for label, value in figures.items():
            try:
                shown = f"{float(value):>14,.2f}"
            except (TypeError, ValueError):
                shown = f"{value!s:>14}"
            lines.append(f"      {_pad(str(label), 28)}{shown}")
    return lines


def history_command(dist: Path, department: str, year: int | None = None, out=None) -> int:
    out = out or sys.stdout
    for line in history_lines(dist, department, year):
        print(line, file=out)
    return 0
