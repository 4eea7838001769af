"""Text decoding for exports that are text: BOM → strict UTF-8 → (declared charset) → GB18030.

UTF-8 is tried before any GB codec because GB18030 accepts almost any byte string and would
turn UTF-8 Chinese into mojibake silently; strict UTF-8 practically never accepts GBK text.
A declared charset (HTML meta, XML declaration) comes after UTF-8 because exports often declare
gb2312 over UTF-8 content.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB2312 and GBK are subsets of GB18030; labelled files often use characters outside GB2312.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class DecodeError(ValueError):
    def __init__(self, tried: str):
        super().__init__(tried)
        self.tried = tried


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag or an <?xml encoding=…?> names in the first bytes, if any."""
    match = _DECLARED.search(data[:4096])
    return match[1].decode("ascii").lower() if match else None


def decode_text(data: bytes, declared: str | None = None, *, partial: bool = False) -> str:
    """The text of a file. ``partial`` tolerates a multi-byte character cut at the end.

    A BOM whose encoding the rest of the bytes do not follow (a GBK file some tool prefixed
    with a UTF-8 BOM) is not trusted: the bytes after it go through the usual order, without
    the codec that just failed.
    """
    candidates = ["utf-8"]
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec, errors="replace" if partial else "strict")
            except UnicodeDecodeError:
                data = data[len(bom):]
                if codec != "utf-8-sig":
                    raise DecodeError(f"{codec}（文件开头的标记）") from None
                candidates = []
                break
    if declared:
        candidates.append(_SUPERSETS.get(declared, declared))
    candidates.append("gb18030")
    for codec in dict.fromkeys(candidates):
        try:
            return _decode(data, codec, partial)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DecodeError("、".join(dict.fromkeys(["utf-8", *candidates])))


def _decode(data: bytes, codec: str, partial: bool) -> str:
    if not partial:
        return data.decode(codec)
    decoder = codecs.getincrementaldecoder(codec)()
    return decoder.decode(data, final=False)
