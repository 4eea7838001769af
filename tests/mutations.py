"""Ways offices really corrupt their inputs, applied to scratch copies of the sample, and the
findings each gives.  Results are cached so the specific tests and the every-rule-fails test
share one run per scenario."""

from __future__ import annotations

import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import openpyxl

from jdzxlsx.checks import Finding, findings_from_workbook
from jdzxlsx.pipeline import build
from tests import oracle
from tests.conftest import SAMPLE, build_sample

DECEMBER = "凭证明细_2020-12.csv"


def scratch_copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="jdzxlsx_mutation_")) / SAMPLE.name
    shutil.copytree(SAMPLE, folder)
    return folder


def edit_csv_line(folder: Path, line_number: int, old: str, new: str) -> None:
    """Change text on one line (1-based, as a text editor counts) of the GBK December CSV."""
    path = folder / DECEMBER
    raw = path.read_bytes()
    newline = "\r\n" if b"\r\n" in raw else "\n"
    lines = raw.decode("gbk").split(newline)
    assert old in lines[line_number - 1], lines[line_number - 1]
    lines[line_number - 1] = lines[line_number - 1].replace(old, new, 1)
    path.write_bytes(newline.join(lines).encode("gbk"))


def edit_cell(path: Path, sheet: str, row_label: str, column_header: str, value,
              label_col: int = 1) -> None:
    """Overwrite one cell of an input workbook, found by its row label and column header."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    rows = list(ws.iter_rows())
    header = next(r for r in rows if any(c.value == column_header for c in r))
    column = next(c.column for c in header if c.value == column_header)
    row = next(r for r in rows if isinstance(r[label_col - 1].value, str)
               and r[label_col - 1].value.startswith(row_label))
    ws.cell(row[0].row, column).value = value
    book.save(path)


# ----------------------------------------------------------------------------- scenarios
def _missing_month(folder: Path) -> None:
    (folder / "明细账_2020年05月.xlsx").unlink()


def _staffing_part_changed(folder: Path) -> None:
    edit_cell(folder / "基础信息.xlsx", "人员编制", "行政编制", "在职人数", 21)


def _other_income_tagged_as_appropriation(folder: Path) -> None:
    edit_csv_line(folder, 118, "【资金性质:单位资金】", "【资金性质:一般公共预算】")


def _function_code_that_does_not_exist(folder: Path) -> None:
    edit_csv_line(folder, 5, "【功能分类:2011301 行政运行】", "【功能分类:2011398 陶瓷事务】")


def _debits_not_equal_credits(folder: Path) -> None:
    edit_csv_line(folder, 5, '"18,207.90"', '"18,207.00"')


def _expense_tagged_with_another_fund(folder: Path) -> None:
    edit_csv_line(folder, 5, "【资金性质:一般公共预算】", "【资金性质:政府性基金】")


def _month_exported_twice(folder: Path) -> None:
    shutil.copy(folder / "凭证明细_2020-07.xlsx", folder / "凭证明细_2020-07 - 副本.xlsx")


def _subsidy_from_the_parent_unit(folder: Path) -> None:
    """研究所 books a receipt as 6201 上级补助预算收入 (money from 局本级, inside the department)."""
    edit_csv_line(folder, 118, ",6609,其他预算收入,", ",6201,上级补助预算收入,")


def _remittance_from_a_subordinate_unit(folder: Path) -> None:
    """墙改办 books a receipt as 6301 附属单位上缴预算收入."""
    edit_csv_line(folder, 155, ",6609,其他预算收入,", ",6301,附属单位上缴预算收入,")


def _account_outside_the_mapping(folder: Path) -> None:
    edit_csv_line(folder, 5, ",7101,行政支出,", ",7199,其他行政支出,")


def _fund_source_nobody_knows(folder: Path) -> None:
    edit_csv_line(folder, 5, "【资金性质:一般公共预算】", "【资金性质:上级拨款】")


def _budget_quota_raised(folder: Path) -> None:
    # the first quota of 2080505 (pension contributions) raised to 500 000.00 元
    edit_cell(folder / "2020年部门预算指标.xlsx", "预算指标", "2080505", "年初预算数", 500000.00,
              label_col=2)


def _typed_total_corrected(folder: Path) -> None:
    edit_cell(folder / "基础信息.xlsx", "人员编制", "合计", "编制数", 132)


def _opening_trial_balance_missing(folder: Path) -> None:
    (folder / "科目余额表_2020年01月.xlsx").unlink()


def _income_without_its_function_code(folder: Path) -> None:
    edit_csv_line(folder, 118, "【功能分类:2060499 其他技术研究与开发支出】", "")


def _operating_expense_paid_from_an_appropriation(folder: Path) -> None:
    """局本级 (a 行政 unit) books an expense of 一般公共预算 money as 7301 经营支出."""
    edit_csv_line(folder, 5, ",7101,行政支出,", ",7301,经营支出,")


def edit_performance(folder: Path, label_col: str, label: str, header: str, value,
                     below: int = 0) -> None:
    """One cell of 局本级's 绩效指标 sheet (绩效自评.xlsx): the first row whose ``label_col``
    cell reads ``label`` (``below`` rows further down), the column headed ``header``."""
    path = folder / "绩效自评.xlsx"
    book = openpyxl.load_workbook(path)
    ws = book["绩效指标"]
    columns = {c.value: c.column for c in ws[2]}
    row = next(c.row for c in ws[label_col] if c.value == label) + below
    ws.cell(row, columns[header]).value = value
    book.save(path)


def _performance_sheet_corrected(folder: Path) -> None:
    """The office follows 核对表's E rules: 结转结余率 0.55 % scores the full 2 (its 小计 too),
    支付进度率 is 128.73 %, 服务陶瓷平台搭建 was only 基本达成 (its 2.1 stands), 投入 32.8 and
    the total 93 (93 %)."""
    for label_col, label, below, header, value in (
            ("C", "结转结余率", 0, "实际完成值", "0.55%"), ("C", "结转结余率", 0, "自评得分", 2),
            ("C", "结转结余率", 0, "得分率", 1), ("C", "结转结余率", 1, "自评得分", 2),
            ("C", "结转结余率", 1, "得分率", 1), ("C", "支付进度率", 0, "实际完成值", "128.73%"),
            ("C", "服务陶瓷平台搭建", 0, "评分标准", "基本达成"), ("B", "总计", 0, "自评得分", 32.8),
            ("A", "总计", 0, "自评得分", 93), ("A", "总计", 0, "得分率", "93%")):
        edit_performance(folder, label_col, label, header, value, below)


INPUT_SCENARIOS = {
    "sample as it is": None,
    "a month's file missing": _missing_month,
    "one number changed in a hand-kept sheet": _staffing_part_changed,
    "other income tagged as an appropriation": _other_income_tagged_as_appropriation,
    "a function code that does not exist": _function_code_that_does_not_exist,
    "a voucher whose debits differ from its credits": _debits_not_equal_credits,
    "an expense tagged with another fund": _expense_tagged_with_another_fund,
    "a month exported twice": _month_exported_twice,
    "a subsidy from the parent unit": _subsidy_from_the_parent_unit,
    "a remittance from a subordinate unit": _remittance_from_a_subordinate_unit,
    "an account outside the mapping": _account_outside_the_mapping,
    "a fund source nobody knows": _fund_source_nobody_knows,
    "a budget quota raised": _budget_quota_raised,
    "the typed total corrected": _typed_total_corrected,
    "the opening trial balance missing": _opening_trial_balance_missing,
    "income without its function code": _income_without_its_function_code,
    "an operating expense paid from an appropriation": _operating_expense_paid_from_an_appropriation,
    "the 绩效 sheet corrected": _performance_sheet_corrected,
}


@lru_cache(maxsize=None)
def findings_after(scenario: str) -> tuple[Finding, ...]:
    folder = scratch_copy()
    mutate = INPUT_SCENARIOS[scenario]
    if mutate:
        mutate(folder)
    try:
        return tuple(build(folder).findings)
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


# Hand edits an office makes in the generated workbook: a number typed over a formula.
# (sheet, row label, label column, amount column letter or header) → new value
TYPED_OVER = [
    ("公开01表", "本年收入合计", 1, "C"),
    ("公开01表", "总计", 4, "F"),
    ("公开01表", "本年支出合计", 4, "F"),
    ("公开01表", "一、一般公共服务支出", 4, "F"),
    ("公开01表", "一、一般公共预算财政拨款收入", 1, "C"),
    ("公开01表", "二、政府性基金预算财政拨款收入", 1, "C"),
    ("公开01表", "三、国有资本经营预算财政拨款收入", 1, "C"),
    ("公开01表", "四、上级补助收入", 1, "C"),
    ("公开01表", "五、事业收入", 1, "C"),
    ("公开01表", "六、经营收入", 1, "C"),
    ("公开01表", "七、附属单位上缴收入", 1, "C"),
    ("公开01表", "八、其他收入", 1, "C"),
    ("公开02表", "合计", 1, "财政拨款收入"),
    ("公开03表", "2011301", 1, "基本支出"),
    ("公开03表", "合计", 1, "基本支出"),
]


@lru_cache(maxsize=None)
def workbook_with_typed_over_cells() -> tuple[Path, Path]:
    """The sample workbook with a number typed over each cell of TYPED_OVER (the i-th: its
    value + 2**i 万元, so no two edits cancel), recalculated by LibreOffice: (edited, recalculated)."""
    folder = Path(tempfile.mkdtemp(prefix="jdzxlsx_typed_"))
    original = build_sample(folder / "dist")
    values = openpyxl.load_workbook(original, data_only=True)
    book = openpyxl.load_workbook(original)
    for index, (sheet, label, label_col, column) in enumerate(TYPED_OVER):
        ws, cached = book[sheet], values[sheet]
        rows = list(ws.iter_rows())
        row = next(r for r in rows if r[label_col - 1].value == label)[0].row
        if len(column) > 2:          # a header text
            header = next(r for r in rows if any(c.value == column for c in r))
            column = next(c.column_letter for c in header if c.value == column)
        old = cached[f"{column}{row}"].value or 0
        ws[f"{column}{row}"] = round(old + 2 ** index, 2)   # no two edits can cancel
    edited = folder / "edited.xlsx"
    book.save(edited)
    (recalculated,) = oracle.recalculate([edited], folder / "recalculated")
    return edited, recalculated


@lru_cache(maxsize=None)
def findings_in_typed_over_workbook() -> tuple[Finding, ...]:
    _, recalculated = workbook_with_typed_over_cells()
    return tuple(findings_from_workbook(recalculated))


def failing(findings) -> dict[str, Finding]:
    return {f.rule_id: f for f in findings if f.verdict == "不符"}


def rule_of(rule_id: str) -> str:
    return rule_id.split("[", 1)[0]


# Numbers typed over the cells of 公开04–10表 and over the hand-kept figures of 基础信息, found by
# defined name: delta added to the cell's value in its own unit (万元 in a table, 元 or 辆 in
# 基础信息; 5000 万元 lifts a part above the whole it belongs to, for the ≤ rules).  Each
# scenario breaks rules no other scenario of its workbook breaks, so a workbook's 不符 rows
# are the union of its scenarios' (tests/test_checks_tables_04_10.py names them).
TYPED_OVER_BOOKS: list[dict[str, dict[str, float]]] = [
    {"公开04表 一般公共预算财政拨款收入": {"公开04_一般公共预算财政拨款": 1},
     "公开05表 合计小计": {"公开05_合计_小计": 1},
     "公开06表 301": {"公开06_301": 1},
     "公开07表 决算数公务用车购置及运行费": {"公开07_决算数_公务用车购置及运行费": 1}},
    {"公开04表 收入总计": {"公开04_收入总计": 1},
     "公开05表 基本支出和项目支出超过公开03表": {"公开05_2011301_基本支出": 5000,
                                      "公开05_2060701_项目支出": 5000},
     "公开06表 公用经费合计": {"公开06_公用经费合计": 1},
     "公开08表 合计小计": {"公开08_合计_小计": 1}},
    {"公开04表 一般公共服务支出的一般公共预算财政拨款": {
        "公开04_一般公共服务支出_一般公共预算财政拨款": 1},
     "公开06表 三公各款超过公开07表": {"公开06_30212": 1, "公开06_30217": 50, "公开06_30231": 1,
                            "公开06_31013": 1},
     "公开07表 决算数合计超过公开04表": {"公开07_决算数_合计": 5000},
     "公开09表 合计": {"公开09_合计_合计": 1}},
    {"公开04表 一般公共服务支出合计超过公开01表": {"公开04_一般公共服务支出_合计": 5000},
     "公开08表 合计年初、收入、年末": {"公开08_合计_年初结转和结余": 1, "公开08_合计_本年收入": 2,
                             "公开08_合计_年末结转和结余": 4}},
    {"公开04表 年初财政拨款结转和结余超过公开01表": {"公开04_年初财政拨款结转和结余": 5000},
     "公开04表 年末财政拨款结转和结余超过公开01表": {"公开04_年末财政拨款结转和结余_合计": 5000},
     "公开04表 一般公共服务支出的政府性基金和国有资本经营": {
         "公开04_一般公共服务支出_政府性基金预算财政拨款": 1,
         "公开04_一般公共服务支出_国有资本经营预算财政拨款": 2}},
    {"公开10表 资产总额、通用设备、车辆": {"公开10_资产总额": 1, "公开10_通用设备": 1,
                                "公开10_车辆": 1},
     "基础信息 授予中小企业合同金额超过政府采购": {"基础信息_采购_授予中小企业合同金额": 1}},
    {"基础信息 公务接待费预算数改小": {"基础信息_三公_公务接待费_预算数": -500000},
     "基础信息 小微企业超过中小企业、货物改动": {"基础信息_采购_授予小微企业合同金额": 1,
                                 "基础信息_采购_货物": 1},
     "基础信息 一般公务用车改动": {"基础信息_资产_一般公务用车": 1},
     "基础信息 流动资产改动": {"基础信息_资产_流动资产": 1},
     "基础信息 专用设备改动": {"基础信息_资产_专用设备": 1000}},
]


def named_cell(book, name: str) -> tuple[str, str]:
    """(sheet, cell) a defined name of the workbook points at."""
    ((sheet, ref),) = list(book.defined_names[name].destinations)
    return sheet, ref.replace("$", "")


@lru_cache(maxsize=None)
def workbooks_with_typed_over_names() -> list[tuple[Path, Path]]:
    """The sample workbook once per TYPED_OVER_BOOKS entry, its cells typed over, all
    recalculated by LibreOffice in one run: (edited, recalculated) per entry."""
    folder = Path(tempfile.mkdtemp(prefix="jdzxlsx_typed_names_"))
    original = build_sample(folder / "dist")
    values = openpyxl.load_workbook(original, data_only=True)
    edited = []
    for index, scenarios in enumerate(TYPED_OVER_BOOKS):
        book = openpyxl.load_workbook(original)
        for cells in scenarios.values():
            for name, delta in cells.items():
                sheet, ref = named_cell(book, name)
                book[sheet][ref] = round((values[sheet][ref].value or 0) + delta, 2)
        edited.append(folder / f"typed{index:02d}.xlsx")
        book.save(edited[-1])
    recalculated = oracle.recalculate(edited, folder / "recalculated")
    return list(zip(edited, recalculated))


@lru_cache(maxsize=None)
def findings_with_typed_over_names(index: int) -> tuple[Finding, ...]:
    """The findings read back from the index-th recalculated workbook of TYPED_OVER_BOOKS."""
    _, recalculated = workbooks_with_typed_over_names()[index]
    return tuple(findings_from_workbook(recalculated))
