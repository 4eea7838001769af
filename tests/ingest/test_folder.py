"""read_folder: which files are read, progress, manifest entries, skipped sheets."""

from __future__ import annotations

import hashlib

from jdzxlsx.ingest import read_folder

LEDGER = [["期间：2020年01月"], ["日期", "科目编码", "借方", "贷方"], ["2020-01-02", "7101", 1, None]]


def test_only_spreadsheet_files_of_the_folder_itself_are_read(files):
    files.xlsx("明细账.xlsx", {"S": LEDGER})
    files.text("jdzxlsx.toml", "[unit]\n")
    files.text(".隐藏.csv", "x\n")
    files.bytes("~$明细账.xlsx", b"lock")
    files.text("说明.docx", "not a table")
    (files.folder / "旧年度").mkdir()
    files.text("旧年度/2019.csv", "x\n")
    result = files.read()
    assert [f.path for f in result.files] == ["明细账.xlsx"]
    assert result.notes == ["未读取「说明.docx」：不是表格文件（可读取 .csv、.htm、.html、.ods、"
                            ".tsv、.txt、.xls、.xlsm、.xlsx）"]


def test_progress_is_called_before_each_file_counting_from_one(files):
    files.xlsx("b.xlsx", {"S": LEDGER})
    files.xlsx("a.xlsx", {"S": LEDGER})
    calls = []
    read_folder(files.folder, progress=lambda i, n, path: calls.append((i, n, path)))
    assert calls == [(1, 2, "a.xlsx"), (2, 2, "b.xlsx")]


def test_source_file_records_hash_format_and_sheet_kinds(files):
    path = files.xlsx("基础信息.xlsx", {
        "预算单位": [["单位名称", "单位性质"], ["甲局", "行政"]],
        "人员编制": [["人员类别", "编制数"], ["行政编制", 3]],
        "Sheet3": [],
    })
    [source] = files.read().files
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.format == "xlsx"
    assert source.sheets == (("预算单位", "units"), ("人员编制", "staffing"))


def test_sheet_matching_no_kind_is_skipped_with_its_reason(files):
    files.xlsx("杂表.xlsx", {"通讯录": [["姓名", "电话"], ["张三", "123"]], "Sheet2": []})
    result = files.read()
    assert result.skipped == [
        "杂表.xlsx「通讯录」: 前 20 行中找不到可识别的表头（可识别的表：明细账、科目余额表、"
        "预算指标、上年决算主要数据、预算单位、人员编制、科目代码表、上年公开01表（收入支出决算总表）、"
        "上年公开03表（支出决算表）、公开02表（收入决算表）、三公经费预算、三公经费相关统计数、"
        "国有资产占用情况、政府采购情况、绩效评价基础数据、绩效指标）",
        "杂表.xlsx「Sheet2」: 空工作表",
    ]
    assert result.files[0].sheets == ()
    assert result.ledger == []


def test_hidden_sheet_is_skipped_not_read(files):
    files.xlsx("a.xlsx", {"S": LEDGER, "旧数据": LEDGER}, hidden=("旧数据",))
    result = files.read()
    assert len(result.ledger) == 1
    assert result.skipped == ["a.xlsx「旧数据」: 隐藏的工作表，未读取"]


def test_records_of_every_file_are_gathered_in_name_order(files):
    files.xlsx("02.xlsx", {"S": [["期间：2020年02月"], *LEDGER[1:]]})
    files.xlsx("01.xlsx", {"S": LEDGER})
    assert [l.source.file for l in files.read().ledger] == ["01.xlsx", "02.xlsx"]
