"""Format readers: sniffed by content, every format to the same raw sheets with merges."""

from __future__ import annotations

import datetime as dt

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest.readers import decode_text, read_sheets, sniff_format


def test_format_is_sniffed_from_content_not_extension(files):
    real_xlsx = files.xlsx("其实是xlsx.xls", {"Sheet1": [["a"]]}).read_bytes()
    real_xls = files.xls("其实是xls.xlsx", [["a"]]).read_bytes()
    assert sniff_format(real_xlsx) == "xlsx"
    assert sniff_format(real_xls) == "xls"
    assert sniff_format(b"\xef\xbb\xbf  <html><table>") == "html"
    assert sniff_format(b"\r\n<TABLE><TR><TD>x") == "html"
    assert sniff_format('<?xml version="1.0"?><Workbook xmlns='
                        '"urn:schemas-microsoft-com:office:spreadsheet"><Table/>'.encode()) == "xml"
    assert sniff_format("日期,摘要\n".encode("gbk")) == "csv"


def test_xlsx_under_an_xls_name_is_read(files):
    path = files.xlsx("明细账.xls", {"明细": [["日期", "摘要"], ["2020-01-02", "收到拨款"]]})
    fmt, sheets = read_sheets(path.read_bytes(), path.name, path.stem)
    assert fmt == "xlsx"
    assert sheets[0].rows == [["日期", "摘要"], ["2020-01-02", "收到拨款"]]


def test_xlsx_keeps_leading_empty_rows_and_gives_merged_ranges_zero_based(files):
    path = files.xlsx("a.xlsx", {"S": [[], [], [None, "x"]]},
                      merges={"S": [(3, 0, 4, 0, "日期"), (3, 1, 3, 2, "金额")]})
    _, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert sheet.rows[2][1] == "x"              # row 3 in Excel stays row index 2
    assert sheet.rows[3][:2] == ["日期", "金额"]
    assert sorted(sheet.merged) == [(3, 0, 4, 0), (3, 1, 3, 2)]


def test_real_xls_gives_dates_numbers_and_merges(files):
    path = files.xls("a.xls", [[None, None], [dt.date(2020, 9, 1), 1.1]],
                     merges=[(0, 0, 0, 1, "标题")])
    fmt, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert fmt == "xls"
    assert sheet.rows[0][0] == "标题"
    assert sheet.rows[1] == [dt.date(2020, 9, 1), 1.1]
    assert sheet.merged == [(0, 0, 0, 1)]


def test_html_table_in_gb2312_honours_rowspan_and_colspan(files):
    path = files.html("十月.xls", [
        '<td colspan="3">景德镇市陶瓷产业发展局 明细账</td>',
        '<td rowspan="2">日期</td><td colspan="2">金额</td>',
        "<td>借方</td><td>贷方</td>",
        "<td>2020-10-09</td><td>1,234.56</td><td>&nbsp;</td>",
    ])
    fmt, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert fmt == "html"
    assert sheet.name == "十月"
    assert sheet.rows == [
        ["景德镇市陶瓷产业发展局 明细账", "", ""],
        ["日期", "金额", ""],
        ["", "借方", "贷方"],
        ["2020-10-09", "1,234.56", ""],
    ]
    assert sorted(sheet.merged) == [(0, 0, 0, 2), (1, 0, 2, 0), (1, 1, 1, 2)]


def test_html_with_several_tables_gives_several_sheets_and_keeps_text_above_a_table(files):
    page = ("<html><body><p>单位：甲局</p><table><tr><td>a</td></tr></table>"
            "<div>期间：2020年10月</div><table><tr><td>b</td></tr></table></body></html>")
    path = files.text("两表.html", page)
    _, sheets = read_sheets(path.read_bytes(), path.name, path.stem)
    assert [s.name for s in sheets] == ["两表-表1", "两表-表2"]
    assert [s.preamble for s in sheets] == [["单位：甲局"], ["期间：2020年10月"]]


def test_html_declaring_gb2312_but_written_in_utf8_is_still_read(files):
    path = files.html("x.xls", ["<td>资金性质</td>"], charset="gb2312", encoding="utf-8")
    _, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert sheet.rows == [["资金性质"]]


def test_spreadsheetml_2003_honours_index_and_merges(files):
    xml = """<?xml version="1.0" encoding="gb2312"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="明细账"><Table>
  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">标题</Data></Cell></Row>
  <Row ss:Index="3"><Cell ss:MergeDown="1"><Data ss:Type="String">日期</Data></Cell>
   <Cell ss:MergeAcross="1"><Data ss:Type="String">金额</Data></Cell></Row>
  <Row><Cell ss:Index="2"><Data ss:Type="String">借方</Data></Cell>
   <Cell><Data ss:Type="String">贷方</Data></Cell></Row>
  <Row><Cell><Data ss:Type="DateTime">2020-01-15T00:00:00.000</Data></Cell>
   <Cell><Data ss:Type="Number">1234.5</Data></Cell></Row>
 </Table></Worksheet></Workbook>"""
    path = files.text("导出.xls", xml, encoding="gb18030")
    fmt, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert fmt == "xml"
    assert sheet.name == "明细账"
    assert sheet.rows[0] == ["标题", None, None]
    assert sheet.rows[1] == []
    assert sheet.rows[2] == ["日期", "金额", None]
    assert sheet.rows[3] == [None, "借方", "贷方"]
    assert sheet.rows[4] == [dt.datetime(2020, 1, 15), "1234.5"]
    assert sorted(sheet.merged) == [(0, 0, 0, 2), (2, 0, 3, 0), (2, 1, 2, 2)]


def test_spreadsheetml_entity_bomb_is_refused_as_input_error(files):
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet>'
            "<Table><Row><Cell><Data>&b;</Data></Cell></Row></Table></Worksheet></Workbook>")
    path = files.text("炸弹.xls", bomb)
    with pytest.raises(InputError) as caught:
        read_sheets(path.read_bytes(), path.name, path.stem)
    assert caught.value.file == "炸弹.xls"


def test_gbk_csv_without_bom_is_decoded(files):
    path = files.text("十二月.csv", "单位：甲局\n摘要,借方金额\n收到拨款,\"1,000.00\"\n",
                      encoding="gbk")
    fmt, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert fmt == "csv"
    assert sheet.name == "十二月"
    assert sheet.rows == [["单位：甲局"], ["摘要", "借方金额"], ["收到拨款", "1,000.00"]]


def test_tab_separated_text_under_xls_name_is_read(files):
    path = files.text("导出.xls", "摘要\t借方\n付款\t1,200.00\n", encoding="utf-16")
    fmt, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert fmt == "csv"
    assert sheet.rows == [["摘要", "借方"], ["付款", "1,200.00"]]


def test_excel_text_guard_around_codes_is_removed(files):
    path = files.text("a.csv", '科目编码,金额\n="0012",1\n')
    _, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert sheet.rows[1] == ["0012", "1"]


def test_decode_order_is_bom_then_utf8_then_gb18030():
    text = "资金性质"
    assert decode_text(b"\xef\xbb\xbf" + text.encode()) == text
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(text.encode("gbk")) == text
    # A wrong declaration does not win over bytes that are valid UTF-8.
    assert decode_text(text.encode("utf-8"), "gb2312") == text


def test_broken_xlsx_is_an_input_error_naming_the_file(files):
    path = files.bytes("坏文件.xlsx", b"PK\x03\x04 this is not a zip archive")
    with pytest.raises(InputError) as caught:
        read_sheets(path.read_bytes(), path.name, path.stem)
    assert caught.value.file == "坏文件.xlsx"
    assert caught.value.message.startswith("文件已损坏或不完整，无法作为Excel（.xlsx）文件读取")
    assert "Cannot detect" not in str(caught.value)
    assert "另存为 .xlsx" in caught.value.hint


def test_truncated_xlsx_gives_a_chinese_message(files):
    whole = files.xlsx("完整.xlsx", {"S": [["日期", "摘要"]] * 50}).read_bytes()
    path = files.bytes("半截.xlsx", whole[: len(whole) // 2])
    with pytest.raises(InputError) as caught:
        read_sheets(path.read_bytes(), path.name, path.stem)
    assert "文件已损坏或不完整" in caught.value.message
    assert not any(word in caught.value.message for word in ("Error", "error", "zip", "Zip"))


def test_password_protected_xlsx_says_to_remove_the_password(files):
    # An encrypted xlsx is an OLE compound file with an "EncryptedPackage" stream.
    ole = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
           + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100)
    path = files.bytes("加密.xlsx", ole)
    with pytest.raises(InputError) as caught:
        read_sheets(path.read_bytes(), path.name, path.stem)
    assert caught.value.message == "文件设有打开密码，请去掉密码后另存再放入目录"
    assert caught.value.file == "加密.xlsx"


def test_utf8_bom_over_gbk_text_falls_through_to_gb18030(files):
    path = files.bytes("带BOM.csv", b"\xef\xbb\xbf" + "摘要,借方\n付款,1\n".encode("gbk"))
    fmt, [sheet] = read_sheets(path.read_bytes(), path.name, path.stem)
    assert (fmt, sheet.rows) == ("csv", [["摘要", "借方"], ["付款", "1"]])


def test_utf16_bom_over_broken_text_is_a_chinese_decode_error(files):
    path = files.bytes("坏编码.csv", b"\xff\xfe" + b"a\x00b")
    with pytest.raises(InputError) as caught:
        read_sheets(path.read_bytes(), path.name, path.stem)
    assert caught.value.message.startswith("无法识别文件的文字编码")
    assert "codec" not in caught.value.message


def test_an_empty_file_under_a_tables_name_stops_the_build(files):
    files.bytes("明细账_2020年05月.xlsx", b"")
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.file == "明细账_2020年05月.xlsx" and "0 字节" in caught.value.message


def test_an_empty_text_file_is_listed_as_empty_not_called_csv(files):
    files.bytes("新建文本文档.txt", b"")
    result = files.read()
    assert result.skipped == ["新建文本文档.txt: 文件是空的（0 字节），未读取"]
    assert [(f.path, f.format, f.sheets) for f in result.files] == [("新建文本文档.txt", "empty", ())]


def test_unknown_xml_is_an_input_error(files):
    path = files.text("配置.xls", '<?xml version="1.0"?><config><a/></config>')
    with pytest.raises(InputError) as caught:
        read_sheets(path.read_bytes(), path.name, path.stem)
    assert "Excel 2003 XML" in caught.value.message
