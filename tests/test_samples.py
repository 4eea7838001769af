"""Both samples (inputs/*/) against the figures their generator computed from its own design
(tests/expected/<folder>.toml, written by tools/make_sample.py without jdzxlsx), the complete
list of their 错误 and 警告 findings, and LibreOffice's recalculation of the written workbook."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from jdzxlsx.pipeline import build, year_template
from tests import oracle
from tests.conftest import ROOT, SAMPLE, build_sample, require_libreoffice

SAMPLES = sorted(p for p in (ROOT / "inputs").iterdir() if p.is_dir())
IDS = [p.name for p in SAMPLES]

# Every 错误 and 警告 each sample gives: the intended ones, nothing else.  Keys are rule ids
# with their instance; the values say why the sample carries them.
INTENDED = {
    "景德镇市陶瓷产业发展局-2020": {
        "T1[编制数]": "手填编制数合计 126，各项之和 132（sample-facts.md）",
        "P1": "上年年末 693.54，本年年初 693.55",
        "B1[201]": "201 类决算超年初预算 12.5%",
        "B1[206]": "206 类（瓷博会）决算超年初预算 69%",
        "B1[229]": "229 类无年初预算",
        "B2": "财政拨款支出合计超年初预算 45%",
        # 绩效自评 (局本级, seed 表2–表5 as the office typed them)
        "E2[指标8]": "结转结余率 0.55% 按评分规则得满分 2.00，单位自评 1.9",
        "E2[指标39]": "服务陶瓷平台搭建：评分标准「完全达成」（分值的 80%—100%），单位自评 2.1（70%），计 2.40",
        "E2-2[指标8]": "结转结余率得分率：单位填 95%（1.9 ÷ 2），应为 100%",
        "E2-2[指标39]": "服务陶瓷平台搭建得分率：单位填 70%（2.1 ÷ 3），应为 80%",
        "E3-1[二级3]": "部门结转结余资金管理小计：单位填 1.9，应为 2.00",
        "E3-1[一级1]": "投入合计：单位填 32.7，应为 32.80",
        "E3-1[一级3]": "效果合计：单位填 15.2，应为 15.50",
        "E3-1[总计]": "总计：单位填 92.9，应为 93.30",
        "E3-2[二级3]": "部门结转结余资金管理得分率：单位填 95%，应为 100%",
        "E3-2[一级3]": "效果得分率：单位填 76%，应为 77.50%",
        "E3-2[总计]": "总得分率：单位填 92.9%，应为 93.30%",
        "E4[指标5]": "支付进度率：单位填 100%，按账 128.73% ÷ 序时进度 100% = 128.73%",
        "E4[指标8]": "结转结余率：单位填 5.47%，按账 4.42 ÷ 808.18 = 0.55%",
    },
    "样例县农业农村局-2020": {
        "S10[凭证明细_2020年03月.xlsx 6101]": "3 月的 6101 事业收入导出时没有功能分类（样例设计）",
        "S11[2130152]": "2130152 是有效编码而我们的分类表尚未收录（样例设计），全年 11 行合为一项",
        "B1[210]": "210 类决算 39.24 万元，年初预算 33.10 万元（119%，样例设计）",
    },
}


def expected(folder) -> dict:
    return tomllib.loads((ROOT / "tests" / "expected" / f"{folder.name}.toml").read_text("utf-8"))


@pytest.fixture(scope="module", params=SAMPLES, ids=IDS)
def built(request):
    return request.param, build(request.param)


def _cells(result) -> dict[str, Decimal]:
    return {cell_id: cell.value for cell_id, (_, cell) in result.book.formula_cells().items()}


@pytest.mark.slow
def test_公开01表_equals_the_generators_figures(built):
    folder, result = built
    cells, figures = _cells(result), expected(folder)
    class_rows = dict(year_template(2020).tables["公开01表"].class_rows())
    for unit, suffix in (("公开01", ""), ("公开01_元", ".元")):
        for item, figure in figures[unit].items():
            row = class_rows[item[1:]] if item.startswith("类") else item
            assert cells[f"公开01.{row}{suffix}"] == Decimal(figure), (unit, item)


@pytest.mark.slow
def test_公开03表_equals_the_generators_figures(built):
    folder, result = built
    cells, figures = _cells(result), expected(folder)
    for unit, suffix in (("公开03", ""), ("公开03_元", ".元")):
        for row, columns in figures[unit].items():
            code = row[1:] if row.startswith("类") else row
            for column, figure in columns.items():
                assert cells[f"公开03.{code}.{column}{suffix}"] == Decimal(figure), (row, column)


@pytest.mark.slow
def test_the_findings_are_the_intended_ones_and_nothing_else(built):
    folder, result = built
    problems = sorted(f.rule_id for f in result.findings
                      if f.verdict == "不符" and f.severity in ("错误", "警告"))
    assert problems == sorted(INTENDED[folder.name])


OTHER_SAMPLES = [p for p in SAMPLES if p != SAMPLE]    # the first: test_recalculation.py


@pytest.mark.slow
@pytest.mark.parametrize("folder", OTHER_SAMPLES, ids=[p.name for p in OTHER_SAMPLES])
def test_libreoffice_finds_every_cached_value_of_the_sample_right(folder, tmp_path):
    require_libreoffice()
    written = build_sample(tmp_path / "dist", folder=folder)
    (recalculated,) = oracle.recalculate([written], tmp_path / "out")
    assert len(oracle.formula_cells(written)) > 500
    diffs = oracle.differences(written, recalculated)
    assert diffs == [], "\n".join(map(str, diffs[:20]))
