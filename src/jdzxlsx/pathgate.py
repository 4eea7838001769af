"""The path gate: the one way a name from the inputs (部门, 年度) becomes part of a path.

A department name comes from a folder's name or from jdzxlsx.toml, both written by people and
both copied between Linux, macOS and Windows. ``safe_component`` accepts a name only when it is
one harmless path component on all three systems, and returns it unchanged: the gate never
rewrites a name, so the folder in dist/ is always the department as the user wrote it.
``inside`` joins components under a root and proves the resolved result lies inside the root,
so a symlink planted under dist/ cannot lead a build elsewhere.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .errors import InputError

MAX_CHARS = 80
# Linux and macOS allow 255 bytes per name; the archive's file names add up to ~45 bytes to the
# department (「_2020年度部门决算_v001.manifest.json」), so a name stays within 200 UTF-8 bytes
# (about 66 汉字).
MAX_BYTES = 200
FORBIDDEN = '/\\:*?"<>|'
# Windows refuses these as a file's name, with any extension and in any case.
RESERVED = {"CON", "PRN", "AUX", "NUL",
            *(f"COM{d}" for d in "0123456789¹²³"), *(f"LPT{d}" for d in "0123456789¹²³")}
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}

_REMEDY = "改为普通的中文名称（不含 / \\ : * ? \" < > | 等符号、首尾不留空格或句点）"


def safe_component(text: str, what: str, source: str) -> str:
    """``text`` unchanged when it is safe as ONE path component on Linux, macOS and Windows;
    else InputError naming ``source`` and ``what``, the offending character or word and what to
    do."""
    def refuse(reason: str) -> InputError:
        shown = text if isinstance(text, str) else repr(text)
        printable = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in shown)
        return InputError(f"{source}中的{what}「{printable}」不能用作文件夹或文件名：{reason}。",
                          hint=f"在{source}中把{what}{_REMEDY}。")

    if not isinstance(text, str):
        raise refuse(f"应为文字，实为 {type(text).__name__}")
    if not text.strip():
        raise refuse("为空")
    if text in (".", ".."):
        raise refuse(f"「{text}」表示目录本身或上级目录")
    for ch in text:
        if ch in FORBIDDEN:
            raise refuse(f"含有符号「{ch}」（在 Windows 或 Linux 上是路径分隔符或不允许的字符）")
        if unicodedata.category(ch) in _INVISIBLE:
            raise refuse(f"含有不可见的控制字符 U+{ord(ch):04X}")
    if text[0].isspace():
        raise refuse("以空格开头")
    if text[-1].isspace():
        raise refuse("以空格结尾（Windows 会去掉结尾的空格，成为另一个名称）")
    if text.endswith("."):
        raise refuse("以句点结尾（Windows 会去掉结尾的句点，成为另一个名称）")
    if text.startswith("."):
        raise refuse("以句点开头（会成为隐藏的文件夹）")
    base = text.split(".", 1)[0].rstrip(" ").upper()
    if base in RESERVED:
        raise refuse(f"「{base}」是 Windows 保留的设备名，不能用作文件名（带扩展名也不行）")
    if len(text) > MAX_CHARS:
        raise refuse(f"长 {len(text)} 个字符，超过 {MAX_CHARS} 个")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise refuse(f"太长（{len(text.encode('utf-8'))} 字节，文件名最多容下 {MAX_BYTES} 字节，"
                     "约 66 个汉字）")
    return text


def inside(root: Path, *components: str, what: str = "路径名", source: str = "输出路径") -> Path:
    """``root``/components, each through ``safe_component``, resolved (symlinks followed) and
    proven to lie inside ``root.resolve()``; else InputError. The only way the archive builds a
    path in dist/ (a dist/ that is itself a symlink is the user's choice and allowed)."""
    root = Path(root)
    path = root
    for component in components:
        path = path / safe_component(component, what, source)
    try:
        base = root.resolve()
        resolved = path.resolve()
    except (RuntimeError, OSError):      # a symlink loop (RuntimeError before Python 3.13)
        raise InputError(f"「{path}」含有循环的符号链接（来自{source}）。",
                         hint=f"删除「{root}」中的符号链接，或换一个输出目录（--dist）。") from None
    if resolved != base and base not in resolved.parents:
        raise InputError(f"「{path}」实际指向「{resolved}」，在输出目录「{base}」之外"
                         f"（其中有指向别处的符号链接；来自{source}）。",
                         hint=f"删除「{root}」中指向别处的符号链接，或换一个输出目录（--dist）。")
    return resolved
