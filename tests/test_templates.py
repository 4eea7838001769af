"""One validated Template per year: the 2020 template loads whole, and a template with a fault
stops the build (exit 2, nothing written) with the file, the line and what is expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from jdzxlsx.checks.plan import Planner
from jdzxlsx.cli import main
from jdzxlsx.errors import TemplateError
from jdzxlsx.pipeline import year_template
from jdzxlsx.templates import EXPANSIONS, load_template
from tests.conftest import SAMPLE

BASE = "base = 2020\n"


def test_the_2020_template_loads_every_table_rule_and_tolerance():
    template = year_template(2020)
    assert list(template.tables) == [f"公开{n:02d}表" for n in range(1, 11)]
    assert len(template.checks.rules) == 131         # 65 + 53 of 公开04–10表 (issue 9) + 8 绩效
    assert set(template.checks.compare) == {"equal", "band", "at_least", "flag", "flag_any",
                                            "score", "rate", "same"}     # 绩效 (issue 10)
    assert template.checks.parameters["核对_尾差"].value == 1 / __import__("decimal").Decimal(100)
    assert template.funds[-1] == "非财政拨款"


def test_no_tolerance_is_a_number_in_a_formula():
    """Tolerances and limits are parameters (named cells); the numbers left in the 2020 rules
    and verdict kinds are structure: ROUND's digits (4: a rate to 0.01%), counters, 0 and 1."""
    from jdzxlsx.expr import Number, walk

    checks = year_template(2020).checks
    formulas = [n for k in checks.compare.values() for n in k.columns.values()]
    formulas += [node for rule in checks.rules for _, node in rule.formulas()]
    numbers = {n.number for f in formulas for n in walk(f) if isinstance(n, Number)}
    assert numbers <= {0, 1, 2, 4, 6}, numbers
    assert {"核对_尾差", "核对_预算下限", "核对_预算上限"} <= set(checks.parameters)


def test_every_family_a_rule_may_name_has_an_expansion():
    assert all(hasattr(Planner, f"_each_{family or 'single'}") for family in EXPANSIONS)


def _template(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "template"
    for name, text in {"template.toml": BASE, **files}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _build_fails(tmp_path, capsys, files: dict[str, str]) -> str:
    folder = _template(tmp_path, files)
    dist = tmp_path / "dist"
    assert main(["build", str(SAMPLE), "--dist", str(dist), "--templates", str(folder)]) == 2
    assert not dist.exists() or not any(dist.rglob("*"))
    return capsys.readouterr().err


RULE = """
[[rule]]
id = "Z1"
family = "表内"
severity = "错误"
description = "测试规则"
left = "公开01_本年收入合计"
right = "公开02_合计_本年收入合计"
"""


def test_a_misspelt_key_stops_the_build_naming_file_and_line(tmp_path, capsys):
    err = _build_fails(tmp_path, capsys, {"checks.toml": RULE.replace("severity", "severty")})
    assert "checks.toml" in err and "第 5 行" in err and "「severty」" in err
    assert "severity" in err                                   # what is expected


def test_an_unknown_family_stops_the_build(tmp_path, capsys):
    err = _build_fails(tmp_path, capsys, {"checks.toml": RULE + 'each = "quarter"\n'})
    assert "checks.toml" in err and "第 9 行" in err and "quarter" in err
    assert "month" in err                                      # the families that exist


def test_an_unknown_rule_category_stops_the_build(tmp_path, capsys):
    err = _build_fails(tmp_path, capsys, {"checks.toml": RULE.replace('"表内"', '"表里"')})
    assert "第 4 行" in err and "表里" in err and "表间" in err


def test_a_malformed_query_stops_the_build(tmp_path, capsys):
    broken = RULE.replace('right = "公开02_合计_本年收入合计"', 'right = "底稿(会计科目 6001)"')
    err = _build_fails(tmp_path, capsys, {"checks.toml": broken})
    assert "checks.toml" in err and "第 8 行" in err and "列=值" in err


def test_a_query_over_a_column_the_working_paper_lacks_stops_the_build(tmp_path, capsys):
    broken = RULE.replace('right = "公开02_合计_本年收入合计"', 'right = "底稿(功能分类类=201)"')
    err = _build_fails(tmp_path, capsys, {"checks.toml": broken})
    assert "第 8 行" in err and "「功能分类类」" in err and "功能分类科目" in err


def test_a_name_no_table_defines_stops_the_build(tmp_path, capsys):
    broken = RULE.replace('"公开01_本年收入合计"', '"公开01_本年收入合记"')
    err = _build_fails(tmp_path, capsys, {"checks.toml": broken})
    assert "checks.toml" in err and "第 7 行" in err and "公开01_本年收入合记" in err


def test_a_verdict_kind_naming_an_undefined_tolerance_stops_the_build(tmp_path, capsys):
    kind = '[compare.loose]\n"结论" = \'IF(ABS(左 - 右) <= 核对_宽松, "一致", "不符")\'\n'
    err = _build_fails(tmp_path, capsys, {"checks.toml": kind})
    assert "第 1 行" in err and "核对_宽松" in err


def test_a_table_row_naming_a_row_the_table_lacks_stops_the_build(tmp_path, capsys):
    table = (Path(__file__).parent.parent / "templates/2020/tables/公开01表.toml").read_text(
        encoding="utf-8").replace('value = "本年支出合计 + 结余分配 + 年末结转和结余"',
                                  'value = "本年支出合计 + 结余分配 + 年末结余"')
    err = _build_fails(tmp_path, capsys, {"tables/公开01表.toml": table})
    assert "公开01表.toml" in err and "年末结余" in err


def test_an_unknown_placeholder_stops_the_build(tmp_path, capsys):
    broken = RULE.replace('description = "测试规则"', 'description = "测试规则 {code}"')
    err = _build_fails(tmp_path, capsys, {"checks.toml": broken})
    assert "{code}" in err and "第 6 行" in err


def test_a_rule_of_an_extending_template_replaces_the_base_rule_with_its_id(tmp_path):
    folder = _template(tmp_path, {"checks.toml": RULE.replace('"Z1"', '"X1"')})
    from jdzxlsx.working_paper import QUERY_TABLES

    rules = load_template(2020, folder, QUERY_TABLES).checks.rules
    (x1,) = [r for r in rules if r.id == "X1"]
    assert x1.description == "测试规则" and len(rules) == len(year_template(2020).checks.rules)


def test_a_template_error_is_a_chinese_message_with_its_place():
    error = TemplateError("缺少「left」。", file="templates/2020/checks.toml", line=12,
                          expected="公式")
    assert str(error) == "模板「templates/2020/checks.toml」第 12 行：缺少「left」。\n  应为：公式"


@pytest.mark.parametrize("base", ["1999", "../2020"])
def test_a_base_that_is_not_a_packaged_year_is_refused(tmp_path, capsys, base):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "template.toml").write_text(f'base = "{base}"\n', encoding="utf-8")
    assert main(["check", str(SAMPLE), "--templates", str(folder)]) == 2
    assert "模板" in capsys.readouterr().err


@pytest.mark.slow
def test_a_verdict_kind_that_cannot_be_computed_names_its_rule(tmp_path, capsys):
    """A division by a right side of 0 (C2 compares with 0) is a template fault, not a crash."""
    kind = ('[compare.equal]\n"差额" = "ROUND(左 - 右, 2)"\n'
            '"结论" = \'IF(左 / 右 = 1, "一致", "不符")\'\n')
    err = _build_fails(tmp_path, capsys, {"checks.toml": kind})
    assert "template/checks.toml" in err and "第 1 行" in err          # the kind, not the rule
    assert "结论种类「equal」的「结论」" in err and "无法计算" in err and "内部错误" not in err


TEMPLATES_2020 = Path(__file__).parent.parent / "templates" / "2020"


def _changed(name: str, old: str, new: str) -> dict[str, str]:
    text = (TEMPLATES_2020 / name).read_text(encoding="utf-8")
    assert old in text, old
    return {name: text.replace(old, new, 1)}


GROUP = RULE.replace('right = "公开02_合计_本年收入合计"\n', "") + 'each = "group"\ngroup_by = "经济分类科目"\n'


@pytest.mark.parametrize("files, expected", [
    ({"checks.toml": GROUP + 'where = "底稿#(方向=支出)"\n'}, "where 应为求和查询"),
    ({"checks.toml": '[compare]\nloose = 3\n'}, "应为一个表"),
    ({"checks.toml": '[[parameter]]\nname = "核对_开关"\nlabel = "开关"\nvalue = true\n'},
     "类型不对"),
    ({"checks.toml": '[[parameter]]\nname = "公开01_收入总计"\nlabel = "x"\nvalue = 1\n'},
     "与表或输入表定义的名称相同"),
    ({"checks.toml": RULE.replace('"公开02_合计_本年收入合计"', '"公开02_{code}_本年收入合计"')
      .replace('description = "测试规则"', 'description = "测试规则"\neach = "parent"\n'
               'table = "公开02表"').replace('left = "公开01_本年收入合计"\n', "")
      .replace('right = "公开02_{code}_本年收入合计"\n', "")}, "须写明 columns"),
    ({"checks.toml": RULE.replace('description = "测试规则"', 'description = "测试规则"\n'
                                  'each = "line"\nplace = "底稿"').replace(
        'left = "公开01_本年收入合计"\nright = "公开02_合计_本年收入合计"\n', "")},
     "不要写 place"),
    ({"checks.toml": RULE.replace('description = "测试规则"', 'description = "测试规则"\n'
                                  'each = "line"\ncompare = "equal"').replace(
        'left = "公开01_本年收入合计"\nright = "公开02_合计_本年收入合计"\n', "")},
     "用到「右」"),
    (_changed("tables/公开01表.toml", 'id = "事业收入"', 'id = "上级补助收入"'), "行 id 重复"),
    (_changed("tables/公开01表.toml", 'value = "本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"',
              'value = "本年收入合计 + 收入总计"'), "循环引用"),
    (_changed("tables/公开01表.toml", '功能分类科目^={code})', '功能分类科目^={klass})'),
     "{klass}"),
    (_changed("tables/公开02表.toml", 'value = "底稿(方向=收入, 收支类别=事业收入)"',
              'value = "底稿(方向=收入, 收支类别=事业收入) + 公开01_事业收入"'), "不能两者混写"),
    (_changed("tables/公开02表.toml", 'value = "底稿(方向=收入, 收支类别=事业收入)"',
              'value = "公开01_事业收入"'), "本表没有这一栏"),
    (_changed("tables/公开06表.toml", 'classes = ["302"]', 'classes = ["302", "301"]'),
     "类「301」在表中列了两次"),
    (_changed("tables/公开06表.toml", 'id = "公用经费合计"', 'id = "人员经费合计"'), "合计行 id「人员经费合计」重复"),
    (_changed("tables/公开06表.toml", '经济分类科目^={code})"', '经济分类科目^=301)"'), "按编码开头取数"),
    (_changed("tables/公开06表.toml", 'id = "公用经费合计"', 'id = "公用经费(合计)"'), "不合 Excel 的规则"),
    (_changed("tables/公开07表.toml", 'header = ["预算数", "合计"]', 'header = ["预算数"]'), "表头"),
    (_changed("tables/公开07表.toml", 'id = "预算数_公务接待费"', 'id = "预算数_合计"'), "id「预算数_合计」重复"),
    (_changed("tables/公开10表.toml", 'id = "无形资产"', 'id = "在建工程"'), "id「在建工程」重复"),
    (_changed("tables/公开09表.toml", 'rows_from = "底稿(方向=支出, 资金性质=国有资本经营预算财政拨款)"',
              'rows_from = []'), "rows_from 不能为空"),
    (_changed("accounts.toml", 'side = "贷"', 'side = "credit"'), "借、贷"),
    (_changed("accounts.toml", 'direction = "收入"', 'direction = "收益"'), "结转结余"),
    ({"支出功能分类.csv": "代码,名称\n201,一般公共服务支出\n"}, "编码,名称"),
    ({"workbook.toml": 'tables = ["公开01表"]\ninput_names = [1]\n'}, "不是文字"),
])
def test_a_template_fault_is_refused_with_its_place_not_a_crash(tmp_path, capsys, files,
                                                                 expected):
    err = _build_fails(tmp_path, capsys, files)
    assert expected in err, err
    assert "模板「" in err and "内部错误" not in err


@pytest.mark.slow
def test_a_verdict_outside_the_three_words_stops_the_build(tmp_path, capsys):
    """A 结论 of 「不一致」 would be counted nowhere and pass --strict: refused."""
    kind = '[compare.equal]\n"差额" = "ROUND(左 - 右, 2)"\n"结论" = \'IF(差额 = 0, "一致", "不一致")\'\n'
    err = _build_fails(tmp_path, capsys, {"checks.toml": kind})
    assert "「不一致」" in err and "不符、尾差、一致" in err

