"""The rule keys of issue 7 (requires/absent, lines, unit_kinds, function_names, file_account's
where) are read and refused like every other key: a fault names its file and line."""

from __future__ import annotations

import pytest

from jdzxlsx.errors import TemplateError
from tests.conftest import load_extension

HEAD = '[[rule]]\nid = "Z1"\nfamily = "审核"\nseverity = "警告"\ndescription = "测试 {unit}"\n'




UNIT_RULE = HEAD + ('each = "unit"\nunit_kinds = ["行政"]\nunit = "行"\n'
                    'left = "底稿#(单位={unit}, 会计科目=7101)"\nright = "0"\n')


def test_the_new_keys_are_read_into_the_rule(tmp_path):
    rule = next(r for r in load_extension(tmp_path, UNIT_RULE + 'absent = "没有单位表"\n').checks.rules
                if r.id == "Z1")
    assert (rule.each, rule.unit_kinds, rule.absent) == ("unit", ["行政"], "没有单位表")


@pytest.mark.parametrize("rule, line, words", [
    (HEAD.replace(" {unit}", "") + 'left = "1"\nright = "1"\nrequires = "底稿#(方向=资金结存)"\n',
     8, "absent"),
    (HEAD.replace(" {unit}", "") + 'left = "1"\nright = "1"\nrequires = "底稿#(单位={unit})"\n'
     'absent = "无"\n', 8, "占位符"),
    (HEAD.replace(" {unit}", "") + 'left = "1"\nright = "1"\nabsent = "无"\n', 8, "requires"),
    (HEAD.replace(" {unit}", "") + 'left = "1"\nright = "1"\n'
     'requires = "底稿#(项目分类=特定目标类)"\nabsent = "无"\n', 8, "项目类别"),
    (UNIT_RULE.replace('unit_kinds = ["行政"]\n', ""), 1, "unit_kinds"),
    (UNIT_RULE.replace('unit_kinds', 'other_unit_kinds = ["事业"]\nunit_kinds'), 1,
     "other_unit_kinds"),
    (HEAD.replace(" {unit}", " {place}") + 'each = "line"\nlines = "notes"\nunit = "元"\n'
     'compare = "flag_any"\n', 7, "warnings"),
    (HEAD.replace(" {unit}", " {code}") + 'each = "function_name"\nleft = "0"\nright = "0"\n',
     1, "function_names"),
    (HEAD.replace(" {unit}", " {file}") + 'each = "file_account"\nright = "0"\n', 1, "where"),
    (HEAD.replace(" {unit}", " {file}") + 'each = "file_account"\n'
     'where = \'底稿(方向=收入, 功能分类科目="")\'\nleft = "0"\nright = "0"\n', 8, "left"),
])
def test_a_fault_in_a_new_key_is_refused_with_its_place(tmp_path, rule, line, words):
    with pytest.raises(TemplateError) as error:
        load_extension(tmp_path, rule)
    message = str(error.value)
    assert "checks.toml" in message and f"第 {line} 行" in message and words in message
