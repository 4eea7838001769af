"""No traceback reaches the user: a fault of ours exits 3 with a short Chinese message and the
path of a log that holds the traceback; operating-system errors are said in Chinese."""

from __future__ import annotations

import errno

import pytest

from jdzxlsx import cli
from jdzxlsx.failures import os_error_message


def _raising(error: BaseException):
    def build(*args, **kwargs):
        raise error
    return build


@pytest.fixture
def logs(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("JDZXLSX_LOG_DIR", str(folder))
    monkeypatch.delenv("JDZXLSX_DEBUG", raising=False)
    return folder


def test_a_fault_of_ours_exits_3_with_the_path_of_its_log(monkeypatch, logs, tmp_path, capsys):
    monkeypatch.setattr(cli, "build", _raising(KeyError("缺少的键")))
    assert cli.main(["build", str(tmp_path)]) == cli.EXIT_INTERNAL
    said = capsys.readouterr().err
    (log,) = logs.iterdir()
    assert "内部错误" in said and str(log) in said and "Traceback" not in said
    text = log.read_text("utf-8")
    assert "Traceback" in text and "KeyError: '缺少的键'" in text
    assert f"命令：jdzxlsx build {tmp_path}" in text


def test_an_unwritable_log_folder_still_gives_the_message(monkeypatch, tmp_path, capsys):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("JDZXLSX_LOG_DIR", str(blocked / "logs"))
    monkeypatch.setattr("tempfile.tempdir", str(blocked))
    monkeypatch.setattr(cli, "build", _raising(ValueError("x")))
    assert cli.main(["build", str(tmp_path)]) == cli.EXIT_INTERNAL
    said = capsys.readouterr().err
    assert "未能记录" in said and "Traceback" not in said


@pytest.mark.parametrize("number, words", [
    (errno.ENOSPC, "磁盘已满"), (errno.EACCES, "没有权限"), (errno.EROFS, "只读"),
    (errno.EFBIG, "超过了系统允许的大小"), (errno.ENAMETOOLONG, "太长")])
def test_an_os_error_is_said_in_chinese_with_the_file_and_a_remedy(monkeypatch, logs, tmp_path,
                                                                   capsys, number, words):
    monkeypatch.setattr(cli, "build", _raising(OSError(number, "english words", "/某处/文件.xlsx")))
    assert cli.main(["build", str(tmp_path)]) == cli.EXIT_BAD_INPUT
    said = capsys.readouterr().err
    assert words in said and "/某处/文件.xlsx" in said and "处理办法" in said
    assert "english words" not in said and not logs.exists()


def test_an_unknown_os_error_still_names_the_file():
    message = os_error_message(OSError(errno.ECONNRESET, "reset", "x.xlsx"))
    assert message.startswith("读写文件失败：x.xlsx") and "处理办法" in message
