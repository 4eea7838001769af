"""The zip of an xlsx / ods, measured before python-calamine opens it (issue 8).

Members are inflated here with zlib from their raw bytes, so the sizes checked are the real
ones: a zip's headers may lie, and calamine's own zip reader inflates the whole stream whatever
they say. xlsx_scan.py and ods_scan.py read the members through member_chunks.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from ...errors import InputError
from . import limits
from .extent import RESAVE_HINT

_CHUNK = 1 << 20


def open_zip(data: bytes, file: str) -> zipfile.ZipFile:
    """The zip, its member count and declared sizes within the limits."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise InputError(f"压缩包内有 {len(infos):,} 个部件，超过工作簿可有的 "
                         f"{limits.MAX_ZIP_MEMBERS:,} 个", file=file, hint=_RESAVE)
    for info in infos:
        _check_size(info, info.file_size, file)
    return archive


def member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> Iterator[bytes]:
    """The member's bytes as the file really holds them, inflated chunk by chunk."""
    view = archive.fp.getbuffer()
    header = bytes(view[info.header_offset:info.header_offset + 30])
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        raise zipfile.BadZipFile(info.filename)
    start = info.header_offset + 30 + int.from_bytes(header[26:28], "little") \
        + int.from_bytes(header[28:30], "little")
    raw = bytes(view[start:start + info.compress_size])
    del view
    if info.compress_type == zipfile.ZIP_STORED:
        pieces: Iterator[bytes] = (raw[i:i + _CHUNK] for i in range(0, len(raw), _CHUNK))
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        pieces = _inflate(raw)
    else:
        raise InputError(f"压缩包部件「{info.filename}」使用了 Excel 不用的压缩方式", file=file,
                         hint=_RESAVE)
    total = 0
    for piece in pieces:
        total += len(piece)
        _check_size(info, total, file)
        yield piece


def _inflate(raw: bytes) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-15)
    pending = raw
    while pending and not inflater.eof:
        out = inflater.decompress(pending, _CHUNK)
        pending = inflater.unconsumed_tail
        if out:
            yield out
        elif not pending:
            break
    rest = inflater.flush()
    if rest:
        yield rest


def _check_size(info: zipfile.ZipInfo, size: int, file: str) -> None:
    if size > limits.MAX_ZIP_MEMBER_BYTES:
        raise InputError(f"压缩包部件「{info.filename}」解压后超过 "
                         f"{limits.MAX_ZIP_MEMBER_BYTES // 2**20} MB，工作簿不会这样大", file=file,
                         hint=_RESAVE)
    if size > limits.MAX_ZIP_RATIO_FROM_BYTES and size > limits.MAX_ZIP_RATIO * max(info.compress_size, 1):
        raise InputError(f"压缩包部件「{info.filename}」解压后是压缩时的 {limits.MAX_ZIP_RATIO} 倍以上"
                         "（“压缩炸弹”），不像正常的工作簿", file=file, hint=_RESAVE)




_RESAVE = RESAVE_HINT
