"""read_folder's 忽略 patterns (jdzxlsx.toml, passed in by the pipeline) and the file-size limit
checked before a byte is read (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import folder as folder_module
from jdzxlsx.ingest import read_folder
from jdzxlsx.ingest.folder import is_ignored
from jdzxlsx.ingest.readers import limits

LEDGER = [["期间：2020年01月"], ["日期", "科目编码", "借方", "贷方"], ["2020-01-02", "7101", 1, None]]


def test_ignored_files_are_never_read_and_are_noted(files, monkeypatch):
    files.xlsx("明细账.xlsx", {"S": LEDGER})
    files.bytes("银行日记账.xlsx", b"%PDF-1.4 not a workbook")
    files.text("备忘.docx", "x")
    opened = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name) or real(self))
    result = read_folder(files.folder, ignore=("银行*.xlsx", "*.DOCX"))
    assert opened == ["明细账.xlsx"]
    assert [f.path for f in result.files] == ["明细账.xlsx"]
    assert result.notes == ["按 jdzxlsx.toml 忽略「备忘.docx」", "按 jdzxlsx.toml 忽略「银行日记账.xlsx」"]
    assert len(result.ledger) == 1


def test_ignore_matches_the_whole_name_in_any_case():
    assert is_ignored("Bank-2020.XLSX", ("bank-*.xlsx",))
    assert is_ignored("草稿(1).xlsx", ("草稿(?).xlsx",))
    assert not is_ignored("明细账_草稿.xlsx", ("草稿*",))
    assert not is_ignored("a.xlsx", ())


def test_ignore_matches_a_decomposed_name_as_composed():
    assert is_ignored("Cafe\u0301.xlsx", ("Café.xlsx",))


def test_ignored_progress_counts_only_files_read(files):
    files.xlsx("a.xlsx", {"S": LEDGER})
    files.xlsx("b.xlsx", {"S": LEDGER})
    calls = []
    read_folder(files.folder, progress=lambda i, n, path: calls.append((i, n, path)),
                ignore=("b.*",))
    assert calls == [(1, 1, "a.xlsx")]


def test_file_over_the_size_limit_is_refused_before_reading(files, monkeypatch):
    monkeypatch.setattr(folder_module, "MAX_FILE_BYTES", 2**20)
    path = files.folder / "大文件.xlsx"
    with path.open("wb") as handle:
        handle.truncate(2 * 2**20)      # sparse: nothing is written
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read before the check"))
    with pytest.raises(InputError) as caught:
        read_folder(files.folder)
    error = caught.value
    assert (error.file, error.sheet, error.row) == ("大文件.xlsx", None, None)
    assert error.message == "文件有 2,097,152 字节（约 2.0 MB），超过可读取的上限 1 MB，未读取"
    assert "忽略" in error.hint


def test_the_size_limit_is_the_readers_limit():
    assert folder_module.MAX_FILE_BYTES == limits.MAX_FILE_BYTES == 100 * 2**20


def test_file_at_the_size_limit_is_read(files, monkeypatch):
    path = files.xlsx("a.xlsx", {"S": LEDGER})
    monkeypatch.setattr(folder_module, "MAX_FILE_BYTES", path.stat().st_size)
    assert len(read_folder(files.folder).ledger) == 1
