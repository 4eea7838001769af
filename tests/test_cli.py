"""The command line speaks Chinese, including argparse's own words."""

from __future__ import annotations

import pytest

from jdzxlsx.cli import main


def test_help_is_chinese(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：jdzxlsx build")
    assert "显示本说明并退出" in out and "options" not in out and "usage" not in out


def test_a_missing_argument_is_a_chinese_usage_error_with_exit_code_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["build"])
    assert exit_info.value.code == 2
    assert "用法错误：缺少参数" in capsys.readouterr().err


def test_an_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["publish"])
    assert exit_info.value.code == 2
    assert "无效的选择" in capsys.readouterr().err
