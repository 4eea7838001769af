"""The folder's settings: 部门 and 年度 from jdzxlsx.toml or the folder's name, and files to ignore.

jdzxlsx.toml is typed by hand, often in Notepad or WPS: a BOM or GBK text is accepted, every
value is type-checked and every unknown key named, because a misspelt key silently ignored
would build under the wrong name. The department becomes a folder of dist/, so it passes the
path gate here, before anything is read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..pathgate import safe_component
from .readers import decode_text
from .readers.decode import DecodeError

CONFIG_FILE = "jdzxlsx.toml"
FOLDER_NAME = re.compile(r"^(?P<department>.+?)[-_ ](?P<year>(19|20)\d{2})$")
YEARS = range(2000, 2100)          # a 决算 year; the template for it must exist as well
MAX_CONFIG_BYTES = 64 * 1024       # a settings file, not data
_KEYS = {"部门": "department", "department": "department", "年度": "year", "year": "year",
         "忽略": "ignore", "ignore": "ignore"}
_EXAMPLE = '"部门" = "某局"、"年度" = 2020、"忽略" = ["旧账*.xlsx"]'


@dataclass
class FolderSettings:
    department: str
    year: int
    ignore: tuple[str, ...] = field(default=())
    department_source: str = CONFIG_FILE     # where the name came from, for the path gate's words


def folder_settings(folder: Path) -> FolderSettings:
    """Department and year: from jdzxlsx.toml where it gives them, else from the folder's name
    (<单位>-<年度>, as the samples are named)."""
    values = _read_config(folder / CONFIG_FILE)
    department, year = values.get("department"), values.get("year")
    source = CONFIG_FILE
    if department is None or year is None:
        name = folder.resolve().name
        match = FOLDER_NAME.match(name)
        if not match:
            missing = "、".join(k for k, v in (("部门", department), ("年度", year)) if v is None)
            raise InputError(f"无法从目录名「{name}」得知{missing}。",
                             hint="把目录命名为「部门名称-年度」（如 景德镇市陶瓷产业发展局-2020），"
                                  f"或在目录中放一个 {CONFIG_FILE}，写明 {_EXAMPLE}。")
        if department is None:
            source = f"输入目录名「{name}」"
            department = safe_component(match["department"], "部门", source)
        if year is None:
            year = _year(int(match["year"]), f"输入目录名「{name}」")
    return FolderSettings(department, year, values.get("ignore", ()), source)


def _read_config(path: Path) -> dict:
    if not path.is_file():
        return {}
    if path.stat().st_size > MAX_CONFIG_BYTES:
        raise InputError(f"配置文件有 {path.stat().st_size:,} 字节，不像是配置文件。",
                         file=CONFIG_FILE, hint=f"配置文件只需几行，如 {_EXAMPLE}。")
    try:
        data = tomllib.loads(decode_text(path.read_bytes()))
    except DecodeError:
        raise InputError("配置文件的文字编码无法识别。", file=CONFIG_FILE,
                         hint="用记事本或 WPS 另存为 UTF-8 编码。") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"配置文件格式错误：{error}", file=CONFIG_FILE,
                         hint=f"按 README 中的示例修改（中文键名要加引号，如 {_EXAMPLE}），"
                              "或删除该文件。") from None
    values: dict = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise InputError(f"配置文件中的「{key}」不是可用的设置。", file=CONFIG_FILE,
                             hint=f"可用的设置只有 部门、年度、忽略，如 {_EXAMPLE}；"
                                  "检查是否写错了字。")
        setting = _KEYS[key]
        if setting in values:
            raise InputError(f"配置文件中「{key}」与同义的设置重复。", file=CONFIG_FILE,
                             hint="中英文键名只保留一个。")
        values[setting] = _CHECKS[setting](value, key)
    return values


def _department(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"「{key}」应是文字，现在是 {_shown(value)}。", file=CONFIG_FILE,
                         hint='写成 "部门" = "某局"（名称加英文引号）。')
    return safe_component(value, "部门", CONFIG_FILE)     # as typed: a stray space is said, not fixed


def _year(value: object, key: str, source: str = CONFIG_FILE) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"年度「{_shown(value)}」不是年份。", file=source,
                         hint='写成 "年度" = 2020（四位阿拉伯数字）。')
    if value not in YEARS:
        raise InputError(f"年度 {value} 不在 {YEARS.start}–{YEARS.stop - 1} 年之间。", file=source,
                         hint='写成决算所属的年份，如 "年度" = 2020。')
    return value


def _ignore(value: object, key: str) -> tuple[str, ...]:
    patterns = [value] if isinstance(value, str) else value
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip()
                                                 for p in patterns):
        raise InputError(f"「{key}」应是文件名或文件名的列表，现在是 {_shown(value)}。",
                         file=CONFIG_FILE,
                         hint='写成 "忽略" = ["旧账.xlsx", "草稿*.xls"]（可用 * 代表任意文字）。')
    return tuple(p.strip() for p in patterns)


_CHECKS = {"department": _department, "year": _year, "ignore": _ignore}


def _shown(value: object) -> str:
    """A value as the user typed it, short."""
    if isinstance(value, dict):
        return "一组设置（表）"
    if isinstance(value, list):
        return "一个列表"
    text = repr(value) if not isinstance(value, str) else f"「{value}」"
    return text if len(text) <= 40 else text[:37] + "…"
