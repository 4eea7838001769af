"""An xlsx's workbook parts the scan needs besides its sheets: which member is which sheet
(xl/workbook.xml and its rels, only to name what the scan finds) and the length of every shared
string (calamine copies a shared string into every cell that refers to it, so a sheet's text is
counted per reference)."""

from __future__ import annotations

import html
import itertools
import posixpath
import re
import zipfile
from array import array
from collections.abc import Iterator

from ...errors import InputError
from . import limits
from .extent import RESAVE_HINT
from .zip_scan import member_chunks

ATTRS = rb"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"          # a namespace prefix (x:c), which some writers use
MAX_ROW_BYTES = 64 << 20
# A tag, its quoted values may hold "<" and ">" (calamine's XML reader allows that); "<!" is not
# taken as a tag, so CDATA and comments count as text.
_TAG = re.compile(rb"""<(?!!)(?:[^<>"']|"[^"]*"|'[^']*')*>""")
_SI = re.compile(rb"<" + PREFIX + rb"si(?=[\s/>])" + ATTRS + rb">(?:(?<=/>)|(.*?)</" + PREFIX + rb"si\s*>)",
                 re.S)
_SI_END = re.compile(rb"</" + PREFIX + rb"si\s*>")
_IRREGULAR = re.compile(rb"<!--|<!\[CDATA\[|<\?(?!xml\s)")
_MAX_SMALL_PART = 16 << 20          # xl/workbook.xml and its rels, read whole
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\s" + ATTRS + rb">", re.I)
_QUOTED = rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_NAME = re.compile(rb"(?:^|\s)name" + _QUOTED, re.I)
_RID = re.compile(rb"(?:^|\s)[\w.-]+:id" + _QUOTED, re.I)
_REL = re.compile(rb"<(?:[\w.-]+:)?Relationship\s" + ATTRS + rb">", re.I)
_ID = re.compile(rb"(?:^|\s)Id" + _QUOTED, re.I)
_TARGET = re.compile(rb"(?:^|\s)Target" + _QUOTED, re.I)


def sheet_paths(archive: zipfile.ZipFile, file: str) -> dict[str, str]:
    """Member path (folded: lower case, "/") → sheet name, from xl/workbook.xml and its rels.
    Only to name what the scan finds: attributes in either quotes, any case, every target an
    id is given."""
    workbook = _small(archive, "xl/workbook.xml", file)
    rels = _small(archive, "xl/_rels/workbook.xml.rels", file)
    targets: dict[str, list[str]] = {}
    for match in _REL.finditer(rels):
        rid, target = _ID.search(match[1]), _TARGET.search(match[1])
        if rid and target:
            text = _value(target).replace("\\", "/")
            path = text.lstrip("/") if text.startswith("/") else posixpath.normpath("xl/" + text)
            targets.setdefault(_value(rid), []).append(folded(path))
    paths = {}
    for match in _SHEET.finditer(workbook):
        name = _NAME.search(match[1])
        if not name:
            continue
        for rid in _RID.finditer(match[1]):
            for path in targets.get(_value(rid), ()):
                paths.setdefault(path, html.unescape(_value(name)))
    return paths


def _value(match: re.Match) -> str:
    raw = match[1] if match[1] is not None else match[2]
    return raw.decode("utf-8", "replace")


def _small(archive: zipfile.ZipFile, path: str, file: str) -> bytes:
    try:
        info = archive.getinfo(path)
    except KeyError:
        return b""
    parts, size = [], 0
    for chunk in member_chunks(archive, info, file):
        size += len(chunk)
        if size > _MAX_SMALL_PART:
            raise InputError(f"工作簿的部件「{path}」超过 {_MAX_SMALL_PART >> 20} MB，正常的工作簿只有几 KB",
                             file=file, hint=RESAVE_HINT)
        parts.append(chunk)
    return b"".join(parts)


def _unescape(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", "replace"))


def scan_shared_strings(chunks: Iterator[bytes], file: str) -> array:
    """The length (characters outside tags, ≥ what calamine keeps) of each shared string.

    Text between two entries (after a "</si>" that sat inside a quoted value, say) counts for
    the entry before. With a comment, CDATA or processing instruction in the table, a "<si>"
    may be seen where calamine sees none, shifting the entries: then every entry counts as the
    longest."""
    lengths = array("I")
    irregular = False
    carry = b""
    for chunk in itertools.chain(chunks, (None,)):
        buffer = carry + (chunk or b"")
        irregular = irregular or b"<!" in buffer and bool(_IRREGULAR.search(buffer)) \
            or b"<?" in buffer[1:] and bool(_IRREGULAR.search(buffer, 1))
        end = 0
        for match in _SI.finditer(buffer):
            if lengths and match.start() > end:
                lengths[-1] += _between(buffer[end:match.start()])
            body = match[2]
            if not body:
                lengths.append(0)
            elif body.startswith(b"<t>") and body.endswith(b"</t>") and body.count(b"<") == 2:
                lengths.append(chars(body[3:-4]))          # the plain <si><t>…</t></si>
            else:
                lengths.append(chars(_TAG.sub(b"", body)))
            end = match.end()
        if len(lengths) > limits.MAX_SHARED_STRINGS:
            raise InputError(f"工作簿的共享文字表有 {limits.MAX_SHARED_STRINGS:,} 条以上，"
                             "超过可读取的数量", file=file, hint=RESAVE_HINT)
        carry = buffer[end:]
        if chunk is None:
            if lengths:
                lengths[-1] += _between(carry)
        elif len(carry) > MAX_ROW_BYTES:
            raise InputError(f"工作簿的共享文字表中有一条超过 {MAX_ROW_BYTES >> 20} MB，"
                             "文件已损坏或是特意构造的", file=file, hint=RESAVE_HINT)
    if irregular and lengths:
        lengths = array("I", [max(lengths)]) * len(lengths)
    if sum(lengths) > limits.MAX_SHEET_TEXT_CHARS:
        raise InputError(f"工作簿的共享文字表文字合计超过 {limits.MAX_SHEET_TEXT_CHARS // 10_000:,} 万个字符，"
                         "不像一份账表", file=file, hint=RESAVE_HINT)
    return lengths


def _between(gap: bytes) -> int:
    return chars(_TAG.sub(b"", gap).strip())


def chars(data: bytes) -> int:
    """Characters of UTF-8 text, as Python will hold them."""
    return len(data.decode("utf-8", "replace"))


def folded(path: str) -> str:
    return path.replace("\\", "/").lower()
