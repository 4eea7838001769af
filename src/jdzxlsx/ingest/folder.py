"""Reading an input folder: which files are inputs, and each file's sheets → records."""

from __future__ import annotations

import fnmatch
import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .config import CONFIG_FILE
from .extract import SheetRecords, extract
from .faults import faulty_header_error
from .headers import MergedCells
from .identify import Identified, identify
from .kinds import catalogue
from .readers import read_sheets
from .readers.limits import MAX_FILE_BYTES
from .priorbook import prior_workbook
from .records import IngestResult, SourceFile
from .rows import SheetSkipped

INPUT_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt", ".htm",
                            ".html"})
# Extensions that promise a table: such a file that cannot be read as one stops the build.
TABLE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".csv"})
# Kind id → the IngestResult list its records go to.
RESULT_LISTS = {"ledger": "ledger", "balance": "balances", "budget": "budget",
                "prior_year": "prior_year", "units": "units", "staffing": "staffing",
                "code_list": "code_lists", "published_01": "prior_year",
                "published_03": "prior_year", "sangong_budget": "sangong",
                "sangong_counts": "sangong", "assets": "assets", "procurement": "procurement",
                "performance_basis": "performance_basis", "performance": "performance"}

# Kinds read from last year's jdzxlsx workbook (priorbook.py); a published 公开02表 is skipped.
PUBLISHED_KINDS = frozenset({"published_01", "published_02", "published_03"})

Progress = Callable[[int, int, str], None]
EMPTY_FORMAT = "empty"      # SourceFile.format of a 0-byte file


@dataclass
class FileResult:
    """One file as read: its manifest entry, what its sheets gave, and what was skipped."""

    source: SourceFile
    sheets: list[SheetRecords] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # about the file as a whole


def read_folder(folder: Path, progress: Progress | None = None,
                year: int | None = None, ignore: tuple[str, ...] = ()) -> IngestResult:
    """Read every input file of ``folder``.

    ``progress(i, n, relative_path)`` is called before each file, i counting from 1. ``year``
    is the folder's 年度 (the pipeline knows it from jdzxlsx.toml or the folder's name); it
    tells last year's key figures from a 项目 | 金额 sheet of this year. ``ignore`` holds file
    name patterns (jdzxlsx.toml 忽略; ``*`` ``?`` ``[…]``, any case): such files are never
    read, and noted.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"找不到输入文件夹「{folder}」",
                         hint="请指定存放明细账、预算指标等表格的文件夹。")
    patterns = (ignore,) if isinstance(ignore, str) else tuple(ignore)
    inputs, others, ignored = _input_files(folder, patterns)
    result = IngestResult(folder=str(folder))
    for path in ignored:
        result.notes.append(f"按 jdzxlsx.toml 忽略「{path.name}」")
    for path in others:
        result.notes.append(f"未读取「{path.name}」：不是表格文件"
                            f"（可读取 {'、'.join(sorted(INPUT_SUFFIXES))}）")
    for number, path in enumerate(inputs, start=1):
        relative = path.relative_to(folder).as_posix()
        if progress is not None:
            progress(number, len(inputs), relative)
        _add(result, read_file(path, relative, year))
    return result


def read_file(path: Path, relative: str, year: int | None = None) -> FileResult:
    """Identify and extract every sheet of one file; ``relative`` names it in provenance."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"文件有 {size:,} 字节（约 {size / 2**20:.1f} MB），超过可读取的上限 "
                             f"{MAX_FILE_BYTES // 2**20} MB，未读取", file=relative,
                             hint="导出的明细账、余额表等通常只有几 MB：请检查是否放错了文件，"
                                  "或按月分开导出；如不需要读取它，请在 jdzxlsx.toml 的「忽略」"
                                  "中写上文件名。")
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"无法打开文件：{error.strerror}", file=relative,
                         hint="请关闭正在编辑该文件的程序，或检查文件权限。") from None
    if not data:
        # A copy or an export that did not finish: under a table's name it may be a month's
        # ledger, so it stops the build; an empty text file ("新建文本文档.txt") is only listed.
        if path.suffix.lower() in TABLE_SUFFIXES:
            raise InputError("文件是空的（0 字节），可能是复制或导出没有完成", file=relative,
                             hint="从会计软件重新导出该文件；如不需要它，请删除，或在 jdzxlsx.toml "
                                  "的「忽略」中写上文件名。")
        source = SourceFile(relative, hashlib.sha256(data).hexdigest(), EMPTY_FORMAT, ())
        return FileResult(source, skipped=[f"{relative}: 文件是空的（0 字节），未读取"])
    fmt, raw_sheets = read_sheets(data, relative, path.stem)
    kinds = catalogue()
    sheets: list[SheetRecords] = []
    identified: list[tuple[str, str]] = []
    skipped: list[str] = []
    book_notes: list[str] = []
    if (prior := prior_workbook(raw_sheets, relative, kinds.words, year)) is not None:
        raw_sheets, note = prior
        book_notes.append(note)
    for raw in raw_sheets:
        if raw.hidden:
            # A hidden sheet is usually an old copy or a helper; reading it could count twice.
            skipped.append(f"{relative}「{raw.name}」: 隐藏的工作表，未读取")
            continue
        merged = MergedCells(raw)
        found = identify(raw, kinds, merged, year)
        if prior is not None and (not isinstance(found, Identified)
                                  or found.kind.id not in PUBLISHED_KINDS):
            reason = (f"表头像「{found.kind.label}」" if isinstance(found, Identified)
                      else found.reason)
            raise InputError(f"上年 jdzxlsx 工作簿的「{raw.name}」无法按上年公开表读取：{reason}",
                             file=relative, sheet=raw.name,
                             hint="请放入 jdzxlsx 生成、未改动表样的上年工作簿，或把上年主要数据"
                                  "另列为「项目 | 上年决算数」两列的表。")
        if not isinstance(found, Identified) and found.faulty is not None:
            raise faulty_header_error(found.faulty, found.reason, relative, raw.name)
        if not isinstance(found, Identified):
            skipped.append(f"{relative}「{raw.name}」: {found.reason}")
            continue
        try:
            records = extract(raw, found, kinds, relative, merged)
        except SheetSkipped as skip:
            skipped.append(f"{relative}「{raw.name}」: {skip.reason}")
            continue
        identified.append((raw.name, found.kind.id))
        sheets.append(records)
    notes = (*book_notes, *(note for sheet in sheets for note in sheet.notes))
    source = SourceFile(relative, hashlib.sha256(data).hexdigest(), fmt, tuple(identified), notes)
    return FileResult(source, sheets, skipped, book_notes)


def _input_files(folder: Path, ignore: tuple[str, ...] = ()
                 ) -> tuple[list[Path], list[Path], list[Path]]:
    """(files to read, other files worth mentioning, files ignored by pattern), each by name.

    Not recursive: subfolders are the user's own (old years, drafts). Hidden files, Office
    lock files ("~$…") and jdzxlsx.toml are neither read nor mentioned.
    """
    inputs, others, ignored = [], [], []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~$")) or path.name == CONFIG_FILE:
            continue
        if is_ignored(path.name, ignore):
            ignored.append(path)
        elif path.suffix.lower() in INPUT_SUFFIXES:
            inputs.append(path)
        else:
            others.append(path)
    return inputs, others, ignored


def is_ignored(name: str, patterns: tuple[str, ...]) -> bool:
    """Whether a file name matches one of the 忽略 patterns (fnmatch, case and NFC-insensitive:
    macOS may spell a name decomposed)."""
    key = unicodedata.normalize("NFC", name).casefold()
    return any(fnmatch.fnmatchcase(key, unicodedata.normalize("NFC", pattern).casefold())
               for pattern in patterns)


def _add(result: IngestResult, outcome: FileResult) -> None:
    result.files.append(outcome.source)
    result.skipped.extend(outcome.skipped)
    result.notes.extend(outcome.notes)
    for sheet in outcome.sheets:
        getattr(result, RESULT_LISTS[sheet.kind]).extend(sheet.records)
        result.notes.extend(sheet.notes)
