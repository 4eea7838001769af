"""A real (BIFF) .xls, measured before python-calamine opens it (issue 8).

Calamine parses every sheet of an .xls when it opens the file, into the rectangle spanning the
cells with a value: measured with python-calamine 0.9, one number at IV65536 costs 522 MB at
open and 1 GB once the sheet is fetched. So the cell records are read here first, from the
compound file's Workbook stream, each sheet from the offset its BOUNDSHEET record gives (where
calamine starts too). Blank cells (BLANK / MULBLANK) make calamine allocate nothing and are not
counted; every record that carries a value is.
"""

from __future__ import annotations

import struct

from .content import not_a_table
from .extent import Extent

_END = 0xFFFFFFFA           # FREESECT / ENDOFCHAIN / FATSECT / DIFSECT and above
_BOF, _EOF, _BOUNDSHEET, _FILEPASS = 0x0809, 0x000A, 0x0085, 0x002F
_BOFS = (0x0009, 0x0209, 0x0409, 0x0809)
_MULRK, _MERGEDCELLS = 0x00BD, 0x00E5
_SST, _CONTINUE, _LABELSST = 0x00FC, 0x003C, 0x00FD
# Text records of a sheet and where their character count is: LABEL (BIFF3-8), RSTRING; STRING
# (a formula's text result) has it first; BIFF2's LABEL is counted by its length.
_TEXT_COUNTS = {0x0204: 6, 0x00D6: 6}
_STRING = 0x0207
_LABEL_BIFF2 = 0x0004
_MOST_CHARS = 0xFFFF            # a BIFF string's count is 16 bits
# NUMBER, LABEL, BOOLERR, FORMULA (BIFF2-8), RK, LABELSST, RSTRING, INTEGER.
_VALUE_RECORDS = {0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0203, 0x0204, 0x0205, 0x0206,
                  0x0406, 0x027E, 0x00FD, 0x00D6}


_OTHER_OFFICE = {"worddocument": "Word 97-2003 文档（.doc）",
                 "powerpoint document": "PowerPoint 97-2003 演示文稿（.ppt）"}


class BrokenCompoundFile(ValueError):
    """The compound file cannot be followed; sniff.py says so as for any unreadable file."""


_Broken = BrokenCompoundFile


def scan_xls(data: bytes, file: str) -> None:
    """Refuses an .xls whose sheets would make calamine allocate too much."""
    try:
        stream = _workbook_stream(data, file)
    except (struct.error, IndexError, ValueError) as error:
        # A compound file this reading cannot follow is not trusted to calamine either: its
        # sheets could not be measured.
        raise BrokenCompoundFile(file) from error
    sheets, encrypted, strings = _boundsheets(stream)
    if encrypted:
        return      # calamine refuses an encrypted .xls before reading its sheets
    for offset, name in sheets:
        _sheet_extent(stream, offset, strings).check(file, name)


def _boundsheets(stream: bytes) -> tuple[list[tuple[int, str]], bool, list[int]]:
    """The sheets (offset, name), whether the file is encrypted, and the character count of
    each shared string."""
    sheets = []
    sst: list[bytes] = []
    unique, in_sst = 0, False
    for typ, body in _records(stream, 0):
        if typ == _BOUNDSHEET and len(body) >= 8:
            sheets.append((int.from_bytes(body[:4], "little"), _sheet_name(body)))
        elif typ == _FILEPASS:
            return sheets, True, []
        elif typ == _EOF:
            break
        if typ == _SST and len(body) >= 8:
            sst, unique, in_sst = [body[8:]], int.from_bytes(body[4:8], "little"), True
        elif typ == _CONTINUE and in_sst:
            sst.append(body)
        else:
            in_sst = False
    return sheets, False, _shared_lengths(sst, unique)


def _shared_lengths(parts: list[bytes], unique: int) -> list[int]:
    """The declared character count of each of the ``unique`` strings of the SST record and
    its CONTINUE records: each string is cch (2 bytes), flags, [runs (2)], [ext size (4)],
    characters (one or two bytes each; a CONTINUE in the middle of them starts with a new
    flags byte), runs, ext data. When the table cannot be followed, a last entry -1 says the
    strings not read are unknown."""
    lengths: list[int] = []
    part, at = 0, 0

    def take(n: int) -> bytes:
        nonlocal part, at
        out = b""
        while len(out) < n:
            piece = parts[part][at:at + n - len(out)]
            out += piece
            at += len(piece)
            if at >= len(parts[part]):
                part, at = part + 1, 0
        return out

    try:
        while len(lengths) < unique:
            cch, flags = struct.unpack("<HB", take(3))
            runs = struct.unpack("<H", take(2))[0] if flags & 8 else 0
            ext = struct.unpack("<i", take(4))[0] if flags & 4 else 0
            left, wide = cch, flags & 1
            while left:
                if at >= len(parts[part]):
                    part, at = part + 1, 1
                    wide = parts[part][0] & 1
                    continue
                step = min(left, (len(parts[part]) - at) >> wide)
                if step == 0:
                    raise IndexError
                at += step << wide
                left -= step
            take(4 * runs + max(ext, 0))
            lengths.append(cch)
    except (IndexError, struct.error):
        lengths.append(-1)
    return lengths


def _sheet_name(body: bytes) -> str:
    count, flags = body[6], body[7]
    if flags & 1:
        return body[8:8 + 2 * count].decode("utf-16-le", "replace")
    if len(body) == 8 + count:              # BIFF8 compressed (8-bit) characters
        return body[8:8 + count].decode("latin-1")
    return body[7:7 + count].decode("gbk", "replace")      # BIFF5: codepage text


def _sheet_extent(stream: bytes, offset: int, strings: list[int]) -> Extent:
    extent = Extent()
    depth = 0
    unknown = strings[-1] < 0 if strings else False
    longest = _MOST_CHARS if unknown else max(strings, default=0)
    for typ, body in _records(stream, offset):
        if typ in _BOFS:
            depth += 1
        elif typ == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif typ in _VALUE_RECORDS and len(body) >= 4:
            extent.add(*struct.unpack_from("<HH", body))
            if typ == _LABELSST and len(body) >= 10:
                index = int.from_bytes(body[6:10], "little")
                known = len(strings) - unknown
                extent.text += strings[index] if index < known else (longest if unknown else 0)
            elif typ in _TEXT_COUNTS and len(body) >= _TEXT_COUNTS[typ] + 2:
                extent.text += int.from_bytes(body[_TEXT_COUNTS[typ]:_TEXT_COUNTS[typ] + 2], "little")
            elif typ == _LABEL_BIFF2:
                extent.text += len(body)
        elif typ == _STRING and len(body) >= 2:
            extent.text += int.from_bytes(body[:2], "little")
        elif typ == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            last = int.from_bytes(body[-2:], "little")
            extent.add(row, first, 1, last - first + 1)
        elif typ == _MERGEDCELLS and len(body) >= 2:
            count = min(int.from_bytes(body[:2], "little"), (len(body) - 2) // 8)
            for r0, r1, c0, c1 in struct.iter_unpack("<HHHH", body[2:2 + 8 * count]):
                extent.merge(abs(r1 - r0) + 1, abs(c1 - c0) + 1)
    return extent


def _records(stream: bytes, offset: int):
    pos = offset
    while pos + 4 <= len(stream):
        typ, length = struct.unpack_from("<HH", stream, pos)
        yield typ, stream[pos + 4:pos + 4 + length]
        pos += 4 + length


def _workbook_stream(data: bytes, file: str) -> bytes:
    """The "Workbook" (BIFF8) or "Book" (BIFF5) stream of an OLE compound file."""
    if len(data) < 512:
        raise _Broken
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Broken
    size = 1 << shift
    n_fat, dir_start = struct.unpack_from("<II", data, 0x2C)
    cutoff, minifat_start, _, difat_start, n_difat = struct.unpack_from("<IIIII", data, 0x38)
    sectors = max(0, len(data) // size - 1)

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise _Broken
        return data[(n + 1) * size:(n + 2) * size]

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat = difat_start
    for _ in range(min(n_difat, sectors)):
        if next_difat >= _END:
            break
        entries = struct.unpack(f"<{size // 4}I", sector(next_difat))
        difat.extend(entries[:-1])
        next_difat = entries[-1]
    fat: list[int] = []
    for n in difat[:n_fat]:
        if n < _END:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(n)))

    def chain(start: int, table: list[int]) -> list[int]:
        found = []
        while start < _END:
            if start >= len(table) or len(found) > len(table):
                raise _Broken
            found.append(start)
            start = table[start]
        return found

    directory = b"".join(sector(n) for n in chain(dir_start, fat))
    entries = []
    for at in range(0, len(directory) - 127, 128):
        name_len = int.from_bytes(directory[at + 64:at + 66], "little")
        name = directory[at:at + max(0, min(name_len, 64) - 2)].decode("utf-16-le", "replace")
        kind = directory[at + 66]
        start, length = struct.unpack_from("<IQ", directory, at + 116)
        if shift == 9:
            length &= 0xFFFFFFFF
        entries.append((name, kind, start, length))
    if not entries:
        raise _Broken
    for name, kind, start, length in entries:
        if kind == 2 and name.lower() in ("workbook", "book"):
            break
    else:
        for name, kind, *_ in entries:
            if kind == 2 and name.lower() in _OTHER_OFFICE:
                raise not_a_table(file, _OTHER_OFFICE[name.lower()])
        raise _Broken
    if length >= cutoff:
        return b"".join(sector(n) for n in chain(start, fat))[:length]
    _, _, root_start, root_length = entries[0]
    mini_stream = b"".join(sector(n) for n in chain(root_start, fat))[:root_length]
    minifat: list[int] = []
    for n in chain(minifat_start, fat):
        minifat.extend(struct.unpack(f"<{size // 4}I", sector(n)))
    return b"".join(mini_stream[n * 64:(n + 1) * 64] for n in chain(start, minifat))[:length]

