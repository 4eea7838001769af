"""`jdzxlsx verify`: every version in dist/ re-hashed against its manifest.

Damage (exit 1): a workbook whose SHA-256 differs from its manifest's (altered), a manifest
whose workbook is gone or a version number with neither file (missing), a workbook without a
manifest that no interrupted publication explains (orphaned), a manifest that cannot be read or
names another department or year than its folder (a renamed folder), and any workbook or
manifest anywhere else under dist/ (it belongs to no version). Not damage: a publication interrupted
between the workbook and its manifest (the next build completes it), temporary files of a dead
build (the next build removes them), a build running now. Reads only; writes nothing.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .store import version_pattern
from .temps import (TEMP_MANIFEST, TEMP_WORKBOOK, is_alive, pending_publication, sha256_file,
                    temporary_files)

PENDING = "发布未完成（下次生成时自动补全）"


@dataclass
class Problem:
    path: Path
    text: str
    damage: bool


@dataclass
class Report:
    verified: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def damaged(self) -> list[Problem]:
        return [p for p in self.problems if p.damage]


def version_folders(dist: Path) -> list[tuple[Path, str, int]]:
    """(folder, department, year) of every dist/<部门>/<年度>/."""
    found = []
    for department in sorted(p for p in dist.iterdir() if p.is_dir()):
        for year in sorted(p for p in department.iterdir() if p.is_dir()):
            if re.fullmatch(r"[0-9]{4}", year.name):      # not ²⁰²⁰: int() refuses it
                found.append((year, department.name, int(year.name)))
    return found


def _check_version(folder: Path, workbook: Path, manifest: Path, report: Report) -> None:
    try:
        record = json.loads(manifest.read_text(encoding="utf-8"))
        output = record["output"]
        recorded, named = output["sha256"], output["file"]
        owner = (record["department"], record["year"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        report.problems.append(Problem(manifest, f"清单无法读取或不完整（{error}）。处理：从备份恢复"
                                                 "该清单，或重新生成一个新版本。", True))
        return
    if owner != (folder.parent.name, int(folder.name)):
        report.problems.append(Problem(manifest, f"清单记录的是「{owner[0]}」{owner[1]} 年度，"
                                                 "与所在文件夹不符（文件夹被改名或文件被移动？）。"
                                                 "处理：把文件夹改回 dist/<部门>/<年度>/。", True))
        return
    if named != workbook.name:
        report.problems.append(Problem(manifest, f"清单记录的工作簿是「{named}」，与文件名不符。"
                                                 "处理：从备份恢复该清单。", True))
        return
    if sha256_file(workbook) != recorded:
        report.problems.append(Problem(workbook, "已被改动：内容与清单记录的 SHA-256 不一致。处理："
                                                 "从备份恢复原文件；需要改数时请改输入后重新生成新版本"
                                                 "（dist/ 中的版本不应手工修改）。", True))
        return
    report.verified += 1


def verify_folder(folder: Path, department: str, year: int, report: Report) -> None:
    pattern = version_pattern(department, year)
    numbers: dict[int, dict[str, Path]] = {}
    for path in folder.iterdir():
        if match := pattern.match(path.name):
            numbers.setdefault(int(match.group(1)), {})[match.group(2)] = path
    temps = temporary_files(folder)
    pending = {}
    for temp in temps:
        if temp.name.endswith(TEMP_MANIFEST) and (found := pending_publication(folder, temp)):
            pending[found[0]] = temp
    for number in range(1, max(numbers, default=0) + 1):
        if number not in numbers:
            report.problems.append(Problem(folder, f"缺失：第 {number} 版的工作簿和清单都不在"
                                                   "（jdzxlsx 从不删除版本）。处理：从备份恢复。", True))
            continue
        files = numbers[number]
        workbook, manifest = files.get("xlsx"), files.get("manifest.json")
        if workbook and manifest:
            _check_version(folder, workbook, manifest, report)
        elif manifest:
            report.problems.append(Problem(
                folder / (manifest.name[:-len(TEMP_MANIFEST)] + ".xlsx"),
                f"缺失：清单「{manifest.name}」记录的工作簿不存在。处理：从备份恢复该工作簿；"
                "若是有意删除，请把清单一并移出 dist/（版本号不会重复使用）。", True))
        elif workbook in pending:
            report.problems.append(Problem(workbook, PENDING, False))
        else:
            report.problems.append(Problem(
                workbook, "没有清单：无法核验其来历。处理：若不是 jdzxlsx 生成的文件，请移出 dist/；"
                          "否则从备份恢复其清单（.manifest.json）。", True))
    explained = set(pending.values())
    explained |= {t.with_name(t.name[:-len(TEMP_MANIFEST)] + TEMP_WORKBOOK) for t in explained}
    for temp in temps:
        if temp in explained:                 # part of the pending publication reported above
            continue
        workbook_temp = temp if temp.name.endswith(TEMP_WORKBOOK) else None
        if workbook_temp is None:
            owner = temp.with_name(temp.name[:-len(TEMP_MANIFEST)] + TEMP_WORKBOOK)
            workbook_temp = owner if owner.exists() else None
        if workbook_temp is not None and is_alive(workbook_temp):
            report.problems.append(Problem(temp, "正在生成（另一个 jdzxlsx 进程的临时文件）。", False))
        else:
            report.problems.append(Problem(temp, "生成中断留下的临时文件，下次生成时将自动清除。",
                                           False))


def verify_dist(dist: Path) -> Report:
    dist = Path(dist)
    if not dist.is_dir():
        raise InputError(f"输出目录不存在：{dist}", hint="用 --dist 指定 jdzxlsx build 写入的目录"
                                                      "（默认 dist/）。")
    report = Report()
    for folder, department, year in version_folders(dist):
        verify_folder(folder, department, year, report)
    _unexplained(dist, report)
    return report


def _unexplained(dist: Path, report: Report) -> None:
    """Workbooks and manifests under dist/ that no version folder accounts for: in a folder
    of another shape, or named unlike a version of their folder."""
    explained = {problem.path for problem in report.problems}
    folders = {folder: version_pattern(department, year)
               for folder, department, year in version_folders(dist)}
    for path in sorted(dist.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path in explained:
            continue
        if not path.name.endswith((".xlsx", ".json")):
            continue
        pattern = folders.get(path.parent)
        if pattern is not None and pattern.match(path.name):
            continue
        report.problems.append(Problem(path, "不属于任何版本：不在 dist/<部门>/<年度>/ 中，或文件名"
                                             "不是该文件夹的版本名（被改名或移动过？）。处理：改回原来的"
                                             "位置和名称，或移出 dist/。", True))


def verify_command(dist: Path, out=None) -> int:
    """Print a line per problem and the count; 1 when anything is damaged, else 0."""
    out = out or sys.stdout
    report = verify_dist(dist)
    for problem in report.problems:
        mark = "损坏" if problem.damage else "提示"
        print(f"{mark}：{problem.path}：{problem.text}", file=out)
    damaged = len(report.damaged)
    if damaged:
        print(f"核验了 {report.verified} 个完好的版本；发现 {damaged} 处损坏（见上）。", file=out)
        return 1
    if report.verified == 0:
        print(f"输出目录「{dist}」中没有任何版本。", file=out)
        return 0
    print(f"已核验 {report.verified} 个版本，全部与清单一致。", file=out)
    return 0


__all__ = ["verify_dist", "verify_command", "Report", "Problem", "PENDING", "version_folders"]
