"""Issue 8: cells that cannot be read as they are stop the build naming the cell — a formula
saved without its value, a text longer than an Excel cell holds. Nothing is read as blank or
cut silently."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest.extract import extract
from jdzxlsx.ingest.identify import Identified, identify
from jdzxlsx.ingest.kinds import catalogue
from jdzxlsx.ingest.readers import RawSheet, read_sheets
from jdzxlsx.ingest.readers.limits import MAX_TEXT_CHARS

HEADER = ["日期", "凭证号", "摘要", "科目编码", "借方", "贷方"]
UNCACHED_HINT = ("请用 Excel 或 WPS 打开该文件，让它计算一遍（公式 → 开始计算，或按 F9），保存后"
                 "重新运行；也可以把这些公式单元格复制后「选择性粘贴 → 数值」。")


def ledger_sheet(uncached=(), summary="付款") -> RawSheet:
    rows = [["期间：2020年03月"], HEADER, ["2020-03-01", "记-1", summary, "7101", 10, None],
            ["2020-03-02", "记-2", "付款", "7101", None, None]]
    return RawSheet("三月", rows, uncached=list(uncached))


def read(raw: RawSheet):
    found = identify(raw, catalogue())
    assert isinstance(found, Identified)
    return extract(raw, found, catalogue(), "明细账.xlsx")


# --- formulas without a cached value -----------------------------------------------------------

def test_formula_without_cached_value_in_a_read_sheet_is_refused_naming_the_cell():
    with pytest.raises(InputError) as caught:
        read(ledger_sheet(uncached=[(3, 4)]))
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("明细账.xlsx", "三月", 4, 5)
    assert error.message == "公式单元格没有保存计算结果，读不到它的值"
    assert error.hint == UNCACHED_HINT


def test_the_first_of_several_uncached_cells_is_named_with_their_number():
    with pytest.raises(InputError) as caught:
        read(ledger_sheet(uncached=[(3, 5), (2, 4), (3, 4)]))
    assert (caught.value.row, caught.value.column) == (3, 5)
    assert caught.value.message == "公式单元格没有保存计算结果，读不到它的值（这张表共有 3 个这样的单元格）"


def test_uncached_formula_in_a_sheet_that_is_not_read_is_no_error(files, monkeypatch):
    from jdzxlsx.ingest import folder
    other = RawSheet("通讯录", [["姓名", "电话"], ["张三", None]], uncached=[(1, 1)])
    hidden = RawSheet("旧", ledger_sheet().rows, hidden=True, uncached=[(2, 4)])
    monkeypatch.setattr(folder, "read_sheets",
                        lambda data, name, stem: ("xlsx", [ledger_sheet(), other, hidden]))
    files.bytes("明细账.xlsx", b"PK")
    result = files.read()
    assert [line.source.row for line in result.ledger] == [3, 4]
    assert [s.split(":")[0] for s in result.skipped] == ["明细账.xlsx「通讯录」", "明细账.xlsx「旧」"]


def xlsx_with_uncached_formula() -> bytes:
    """A workbook as a program writes it when it never calculates: <f> and no <v>."""
    def cell(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    header = "".join(cell(f"{col}1", text) for col, text in zip("ABCDE", HEADER))
    lines = "".join(
        f'<row r="{r}">{cell(f"A{r}", f"2020-03-0{r}")}{cell(f"B{r}", f"记-{r}")}'
        f'{cell(f"C{r}", "付款")}{cell(f"D{r}", "7101")}<c r="E{r}"><v>{r}</v></c>'
        f'<c r="F{r}"><v>0</v></c></row>' for r in (2, 3, 4))
    sheet = (f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData><row r="1">{header}{cell("F1", "贷方")}</row>{lines}'
             f'<row r="5"><c r="E5"><f>SUM(E2:E4)</f></c></row></sheetData></worksheet>')
    main = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{main}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'xmlns:r="{main}"><sheets><sheet name="三月" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>',
        "xl/_rels/workbook.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{main}/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_hand_written_xlsx_with_a_formula_and_no_value_stops_the_build(files):
    data = xlsx_with_uncached_formula()
    _, [sheet] = read_sheets(data, "明细账.xlsx", "明细账")
    if not sheet.uncached:
        pytest.skip("this branch's xlsx reader does not report uncached formulas yet (helper R)")
    files.bytes("明细账.xlsx", data)
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("明细账.xlsx", "三月", 5, 5)
    assert error.message == "公式单元格没有保存计算结果，读不到它的值"


# --- text longer than a cell holds ------------------------------------------------------------

def test_summary_longer_than_a_cell_holds_is_refused_naming_the_cell():
    with pytest.raises(InputError) as caught:
        read(ledger_sheet(summary="长" * (MAX_TEXT_CHARS + 1)))
    error = caught.value
    assert (error.sheet, error.row, error.column) == ("三月", 3, 3)
    assert error.message == "「摘要」超过 32767 个字符（有 32,768 个），Excel 单元格放不下，写入时会被截断"


def test_summary_of_exactly_a_cell_is_kept_whole():
    [line, *_] = read(ledger_sheet(summary="长" * MAX_TEXT_CHARS)).records
    assert len(line.summary) == MAX_TEXT_CHARS


def test_characters_beyond_the_basic_plane_count_two_as_in_excel():
    with pytest.raises(InputError):
        read(ledger_sheet(summary="𠀀" * (MAX_TEXT_CHARS // 2 + 1)))


def test_long_text_in_an_unread_column_is_no_error():
    raw = ledger_sheet()
    raw.rows[1] = [*HEADER, "备注"]
    raw.rows[2] = [*raw.rows[2], "长" * 40000]
    assert [line.source.row for line in read(raw).records] == [3, 4]


def test_a_long_text_in_an_amount_column_is_shown_cut_in_the_message_only():
    raw = ledger_sheet()
    raw.rows[2][4] = "x" * 1000
    with pytest.raises(InputError) as caught:
        read(raw)
    assert caught.value.message.endswith("实际为「" + "x" * 60 + "…（共 1,000 个字符）」")


def test_unit_name_in_the_title_longer_than_a_cell_is_refused():
    raw = ledger_sheet()
    raw.rows.insert(0, ["编制单位：" + "局" * (MAX_TEXT_CHARS + 1)])
    with pytest.raises(InputError) as caught:
        read(raw)
    assert caught.value.message.startswith("「编制单位」超过 32767 个字符")
    assert caught.value.row is None


def test_dates_are_unaffected(files):
    files.xlsx("a.xlsx", {"S": [HEADER, [dt.date(2020, 3, 1), "1", "x", "7101", 1, None]]})
    assert files.read().ledger[0].date == "2020-03-01"
