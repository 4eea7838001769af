"""jdzxlsx.toml and the folder's name: typed values, unknown keys named, BOM and GBK accepted,
and the department passing the path gate before anything is read."""

from __future__ import annotations

import codecs

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest.config import FolderSettings, folder_settings


def _folder(tmp_path, text: str | bytes | None, name: str = "输入") -> object:
    folder = tmp_path / name
    folder.mkdir()
    if text is not None:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (folder / "jdzxlsx.toml").write_bytes(data)
    return folder


def _refused(folder) -> str:
    with pytest.raises(InputError) as caught:
        folder_settings(folder)
    return str(caught.value)


def test_the_folder_name_gives_department_and_year(tmp_path):
    folder = _folder(tmp_path, None, "某局-2021")
    assert folder_settings(folder) == FolderSettings("某局", 2021, (), "输入目录名「某局-2021」")


def test_the_configuration_overrides_the_folder_name(tmp_path):
    folder = _folder(tmp_path, '"部门" = "甲局"\n"年度" = 2020\n', "乙局-2019")
    assert folder_settings(folder) == FolderSettings("甲局", 2020, ())


def test_a_configuration_giving_only_the_department_takes_the_year_from_the_folder(tmp_path):
    folder = _folder(tmp_path, '"部门" = "甲局"\n', "乙局-2020")
    assert folder_settings(folder) == FolderSettings("甲局", 2020, (), "jdzxlsx.toml")


def test_a_configuration_saved_with_a_bom_is_read(tmp_path):
    folder = _folder(tmp_path, codecs.BOM_UTF8 + '"部门" = "甲局"\n"年度" = 2020\n'.encode())
    assert folder_settings(folder).department == "甲局"


def test_a_configuration_saved_as_gbk_is_read(tmp_path):
    folder = _folder(tmp_path, '"部门" = "景德镇市陶瓷产业发展局"\n"年度" = 2020\n'.encode("gbk"))
    assert folder_settings(folder).department == "景德镇市陶瓷产业发展局"


def test_files_to_ignore_are_a_list_of_names(tmp_path):
    folder = _folder(tmp_path, '"部门" = "甲局"\n"年度" = 2020\n"忽略" = ["旧账*.xlsx", "草稿.xls"]\n')
    assert folder_settings(folder).ignore == ("旧账*.xlsx", "草稿.xls")


def test_one_file_to_ignore_may_be_written_as_text(tmp_path):
    folder = _folder(tmp_path, '"部门" = "甲局"\n"年度" = 2020\n"忽略" = "旧账.xlsx"\n')
    assert folder_settings(folder).ignore == ("旧账.xlsx",)


def test_an_unknown_key_is_named(tmp_path):
    message = _refused(_folder(tmp_path, '"部门" = "甲局"\n"年份" = 2020\n'))
    assert "jdzxlsx.toml" in message and "「年份」不是可用的设置" in message


def test_a_key_given_in_chinese_and_english_is_refused(tmp_path):
    message = _refused(_folder(tmp_path, '"部门" = "甲局"\ndepartment = "乙局"\n"年度" = 2020\n'))
    assert "重复" in message


@pytest.mark.parametrize("value, shown", [("[\"甲局\"]", "一个列表"), ("{ a = 1 }", "一组设置"),
                                          ("12", "12")])
def test_a_department_that_is_not_text_is_refused(tmp_path, value, shown):
    message = _refused(_folder(tmp_path, f'"部门" = {value}\n"年度" = 2020\n'))
    assert "「部门」应是文字" in message and shown in message


@pytest.mark.parametrize("value", ['"二〇二〇"', '"²⁰²⁰"', '"2020年"', "2020.0", "true",
                                   '"２０２０"'])
def test_a_year_that_is_not_four_arabic_digits_is_refused(tmp_path, value):
    message = _refused(_folder(tmp_path, f'"部门" = "甲局"\n"年度" = {value}\n'))
    assert "jdzxlsx.toml" in message and "不是年份" in message


@pytest.mark.parametrize("year", [1899, 20200, 0, -2020])
def test_a_year_out_of_range_is_refused(tmp_path, year):
    message = _refused(_folder(tmp_path, f'"部门" = "甲局"\n"年度" = {year}\n'))
    assert "不在 2000–2099 年之间" in message


def test_a_year_written_as_text_digits_is_accepted(tmp_path):
    assert folder_settings(_folder(tmp_path, '"部门" = "甲局"\n"年度" = " 2020 "\n')).year == 2020


@pytest.mark.parametrize("department", ["../../x", "a/b", "..", "甲\\乙", "CON", ""])
def test_a_department_that_is_not_one_folder_name_is_refused(tmp_path, department):
    text = f'"部门" = "{department.replace(chr(92), chr(92) * 2)}"\n"年度" = 2020\n'
    message = _refused(_folder(tmp_path, text))
    assert "jdzxlsx.toml" in message and "部门" in message


def test_a_folder_named_dot_dot_year_is_refused(tmp_path):
    message = _refused(_folder(tmp_path, None, "..-2020"))
    assert "输入目录名" in message


def test_a_folder_without_a_year_names_what_is_missing(tmp_path):
    message = _refused(_folder(tmp_path, '"部门" = "甲局"\n', "账"))
    assert "无法从目录名「账」得知年度" in message


def test_a_broken_configuration_says_how_to_write_it(tmp_path):
    message = _refused(_folder(tmp_path, "部门 = 甲局\n"))
    assert "配置文件格式错误" in message and "加引号" in message


def test_a_huge_configuration_is_not_read(tmp_path):
    message = _refused(_folder(tmp_path, "#" * 70_000 + "\n"))
    assert "不像是配置文件" in message
