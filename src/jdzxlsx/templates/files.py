"""Template files: where they are, read once, with the line of every key so an error can say
"checks.toml 第 12 行"."""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TemplateError


def templates_root() -> Path:
    """templates/ inside an installed wheel, or at the top of a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise TemplateError("找不到模板目录 templates/：安装不完整，请重新安装 jdzxlsx。")


def year_dir(year: int | str) -> Path:
    folder = templates_root() / str(year)
    if not folder.is_dir():
        known = sorted(p.name for p in templates_root().iterdir() if p.is_dir())
        raise TemplateError(f"没有 {year} 年度的模板（现有：{'、'.join(known)}）。")
    return folder


def display(path: Path) -> str:
    """templates/2020/checks.toml for a packaged file, else the path as given."""
    try:
        return "templates/" + path.resolve().relative_to(templates_root()).as_posix()
    except ValueError:
        return str(path)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_\-]+)\s*=')


def _key_lines(text: str) -> dict[tuple[str, int, str], int]:
    """(table, index, key) → line number; arrays of tables count their items per name."""
    lines: dict[tuple[str, int, str], int] = {}
    counters: dict[str, int] = {}
    section = ("", 0)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = header[2].replace('"', "")
            if header[1] == "[[":
                counters[name] = counters.get(name, -1) + 1
                section = (name, counters[name])
            else:
                section = (name, 0)
            lines.setdefault((*section, ""), number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*section, key[1].strip('"')), number)
    return lines


@dataclass
class TomlFile:
    path: Path
    data: dict
    lines: dict[tuple[str, int, str], int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display(self.path)

    def line(self, table: str = "", index: int = 0, key: str = "") -> int | None:
        return self.lines.get((table, index, key)) or self.lines.get((table, index, ""))


def read_toml(path: Path) -> TomlFile:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError("模板文件缺失。", file=display(path)) from None
    except UnicodeDecodeError:
        raise TemplateError("模板文件不是 UTF-8 编码。", file=display(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise TemplateError(f"TOML 格式错误：{error}", file=display(path),
                            line=int(line[1]) if line else None) from None
    return TomlFile(path, data, _key_lines(text))


def read_csv(path: Path) -> tuple[dict[str, str], ...]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return tuple(csv.DictReader(handle))
    except FileNotFoundError:
        raise TemplateError("模板文件缺失。", file=display(path)) from None


def fingerprint(folders: list[Path], label: str) -> str:
    """A short fingerprint of a template's files (its folder and those it inherits), for the
    manifest."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{label}-{digest.hexdigest()[:12]}"
