"""Helpers every template section uses: known keys, typed values, formulas parsed with the
file and line they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import TemplateError
from ..expr import Count, Node, ParseError, Query, parse
from .files import TomlFile


@dataclass(frozen=True)
class Origin:
    """Where a template item was written: file and line."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return f"{self.file}" + (f" 第 {self.line} 行" if self.line else "")

    def error(self, message: str, expected: str | None = None) -> TemplateError:
        return TemplateError(message, file=self.file, line=self.line, expected=expected)


@dataclass
class Section:
    """One table of a template file (a [[rule]], [left], the top level …) being read."""

    file: TomlFile
    table: str
    index: int
    data: dict

    def origin(self, key: str = "") -> Origin:
        return Origin(self.file.name, self.file.line(self.table, self.index, key))

    def only(self, allowed: set[str] | frozenset[str], what: str) -> None:
        """Refuse a key nobody reads: a misspelt key would otherwise be ignored silently."""
        for key in self.data:
            if key not in allowed:
                raise self.origin(key).error(f"{what}中没有「{key}」这一项（拼写错误？）",
                                             expected="、".join(sorted(allowed)))

    def require(self, key: str, kind: type | tuple = str, what: str = ""):
        if key not in self.data:
            raise self.origin().error(f"{what}缺少「{key}」。")
        return self.get(key, kind)

    def get(self, key: str, kind: type | tuple = str, default=None):
        if key not in self.data:
            return default
        value = self.data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in kinds):
            names = {str: "文字", int: "整数", bool: "true 或 false", list: "列表", dict: "表"}
            expected = names.get(kind, "数") if isinstance(kind, type) else "数"
            raise self.origin(key).error(f"「{key}」的值 {value!r} 类型不对。", expected=expected)
        return value

    def texts(self, key: str, default: list | None = None) -> list[str]:
        """A list of texts (footnotes, column names, name patterns)."""
        values = self.get(key, list, default if default is not None else [])
        for value in values:
            if not isinstance(value, str):
                raise self.origin(key).error(f"「{key}」中的 {value!r} 不是文字。",
                                             expected="文字的列表，如 [\"…\", \"…\"]")
        return values

    def formula(self, key: str, required: bool = False) -> Node | None:
        text = self.require(key) if required else self.get(key)
        if text is None:
            return None
        return parse_at(text, self.origin(key), key)

    def sub(self, key: str) -> "Section":
        table = f"{self.table}.{key}" if self.table else key
        return Section(self.file, table, 0, self.get(key, dict, {}))

    def items(self, key: str) -> list["Section"]:
        table = f"{self.table}.{key}" if self.table else key
        return [Section(self.file, table, i, item)
                for i, item in enumerate(self.get(key, list, []))]


# Excel's rule for a defined name (as XlsxWriter applies it): a letter or "_" first, then
# letters of any script, digits, "_" and "."; nothing that reads as a cell (A1, R1C1).
_NAME = re.compile(r"[^\W\d][\w.]*")
_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}\d+|[RrCc]|[RrCc]\d+[RrCc]\d+")


def valid_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name)) and not _CELL_LIKE.fullmatch(name) and len(name) <= 255


def parse_at(text: str, origin: Origin, key: str = "") -> Node:
    try:
        return parse(text)
    except ParseError as error:
        raise origin.error(f"「{key}」的公式写法有误：{error}",
                           expected="公式语言见 templates/README 或 checks.toml 开头的说明") from None


def query_at(text: str, origin: Origin, key: str) -> Query | Count:
    node = parse_at(text, origin, key)
    if not isinstance(node, (Query, Count)):
        raise origin.error(f"「{key}」应为一个查询。", expected="表名(列=值, …)，如 底稿(方向=收入)")
    return node



def refuse_cycles(uses: dict[str, list[str]], origins: dict[str, Origin], what: str) -> None:
    """A formula naming ids of its own table (rows, columns) must not come back to itself."""
    done: set[str] = set()

    def visit(item: str, path: list[str]) -> None:
        if item in path:
            cycle = path[path.index(item):] + [item]
            raise origins[item].error(f"{what}的公式循环引用：{' → '.join(cycle)}。")
        if item in done:
            return
        for name in uses.get(item, []):
            if name in uses:
                visit(name, path + [item])
        done.add(item)

    for item in uses:
        visit(item, [])
