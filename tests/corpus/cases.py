"""The hostile corpus: each case prepares an input folder (a copy of the sample with one hostile
or broken thing in it) and says how `jdzxlsx build` must end — exit 0 with the sample's figures,
or exit 2 with a Chinese message holding the given words (the place: file, sheet, cell)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import SAMPLE
from tests.corpus import files as f

SAMPLE_TOTAL = "4,054.37"          # 收入总计 = 支出总计 of the sample (sample-facts.md)


@dataclass(frozen=True)
class Case:
    name: str
    prepare: Callable[[Path], None]          # edits the sample copy in place
    code: int = 2
    words: tuple[str, ...] = ()              # must appear in the message
    folder_name: str = SAMPLE.name
    prepare_dist: Callable[[Path], None] | None = None
    file_size_limit: int | None = None
    total: str | None = field(default=None)

    def __post_init__(self):
        if self.code == 0 and self.total is None:
            object.__setattr__(self, "total", SAMPLE_TOTAL)


def _config(text: str | bytes) -> Callable[[Path], None]:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return lambda folder: (folder / "jdzxlsx.toml").write_bytes(data)


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _make(maker, name: str, *args) -> Callable[[Path], None]:
    return lambda folder: maker(folder / name, *args)


def _amount(text: str) -> Callable[[Path], None]:
    return lambda folder: f.december_amount(folder, text)


def _ledger(*rows: list[str], header=f.LEDGER_HEADER) -> Callable[[Path], None]:
    return lambda folder: f.ledger_xlsx(folder / "凭证明细_2020-12补.xlsx", list(rows), header)


def _both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def prepare(folder: Path) -> None:
        for step in steps:
            step(folder)
    return prepare


def _stale_temp(dist: Path) -> None:
    folder = dist / "景德镇市陶瓷产业发展局" / "2020"
    folder.mkdir(parents=True)
    (folder / ".building-deadbeef.xlsx").write_bytes(b"PK\x03\x04 half a workbook")


def _symlink_out(dist: Path) -> None:
    outside = dist.parent / "外面"
    outside.mkdir()
    dist.mkdir()
    (dist / "景德镇市陶瓷产业发展局").symlink_to(outside, target_is_directory=True)


def _nothing(folder: Path) -> None:
    pass


BAD_DEPARTMENT = ("jdzxlsx.toml", "部门")
CASES = [
    # --- names that would become paths (the path gate) -------------------------------------
    Case("folder_named_dot_dot", _nothing, folder_name="..-2020", words=("输入目录名",)),
    Case("department_climbs_out", _config('"部门" = "../../x"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_with_slash", _config('"部门" = "a/b"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_with_backslash", _config('"部门" = "a\\\\b"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_with_colon", _config('"部门" = "C:"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_reserved_on_windows", _config('"部门" = "CON"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_reserved_with_extension", _config('"部门" = "nul.txt"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_with_nul", _config('"部门" = "甲\\u0000局"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_with_wildcard", _config('"部门" = "某局*"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_ending_in_dot", _config('"部门" = "某局."\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_too_long", _config('"部门" = "' + "局" * 90 + '"\n"年度" = 2020\n'), words=BAD_DEPARTMENT),
    Case("department_as_list", _config('"部门" = ["甲局", "乙局"]\n"年度" = 2020\n'), words=("应是文字",)),
    Case("department_as_table", _config('"部门" = { "名称" = "甲局" }\n"年度" = 2020\n'), words=("应是文字",)),
    Case("year_in_superscript", _config('"部门" = "某局"\n"年度" = "²⁰²⁰"\n'), words=("不是年份",)),
    Case("year_out_of_range", _config('"部门" = "某局"\n"年度" = 20200\n'), words=("不在",)),
    Case("unknown_configuration_key", _config('"部门" = "某局"\n"年份" = 2020\n'), words=("「年份」",)),
    Case("configuration_in_gbk", _config('"部门" = "景德镇市陶瓷产业发展局"\n"年度" = 2020\n'.encode("gbk")),
         code=0, folder_name="输入"),
    Case("configuration_with_bom", _config(b"\xef\xbb\xbf" + '"部门" = "景德镇市陶瓷产业发展局"\n"年度" = 2020\n'.encode()),
         code=0, folder_name="输入"),
    # --- small files that would eat the machine ---------------------------------------------
    Case("xlsx_cell_at_last_column_and_row", _make(f.one_far_cell, "明细账_远.xlsx", "XFD1048576"),
         words=("明细账_远.xlsx", "XFD1048576")),
    Case("xlsx_cell_at_ALL100000", _make(f.one_far_cell, "明细账_远.xlsx", "ALL100000"),
         words=("明细账_远.xlsx", "ALL100000")),
    Case("xlsx_sheet_target_in_single_quotes", _make(f.sheet_elsewhere, "明细账_甲.xlsx", "data.xml", "xl/data.xml", "'"),
         words=("明细账_甲.xlsx", "XFD1048576")),
    Case("xlsx_sheet_target_in_other_case", _make(f.sheet_elsewhere, "明细账_乙.xlsx", "Data.xml", "xl/data.xml"),
         words=("明细账_乙.xlsx", "XFD1048576")),
    Case("xlsx_sheet_member_not_xml", _make(f.sheet_elsewhere, "明细账_丙.xlsx", "data.bin", "xl/data.bin"),
         words=("明细账_丙.xlsx", "XFD1048576")),
    Case("xlsx_one_long_shared_string_in_2000_cells", _make(f.shared_text_amplified, "明细账_字.xlsx"),
         words=("明细账_字.xlsx", "文字合计超过")),
    Case("xlsx_zip_bomb", _make(f.xlsx_zip_bomb, "明细账_炸弹.xlsx"), words=("明细账_炸弹.xlsx",)),
    Case("zip_with_a_300_mb_mimetype", _make(f.huge_mimetype, "明细账_包.xlsx"),
         words=("明细账_包.xlsx", "ZIP 压缩包")),
    Case("spreadsheetml_merge_across_4e8", _make(f.spreadsheetml_merge, "明细账.xls", 400_000_000),
         words=("明细账.xls",)),
    Case("html_rowspan_colspan_1000", _make(f.html_spans, "明细账.xls"), words=("明细账.xls",)),
    Case("ods_repeated_columns", _make(f.ods_repeated, "明细账.ods", 16_000), words=("明细账.ods",)),
    Case("ods_long_text_repeated", _make(f.ods_repeated, "明细账_字.ods", 10, 400, "账" * 30_000),
         words=("明细账_字.ods", "文字合计超过")),
    Case("xls_cell_at_biff_limit", _make(f.biff_far_cells, "明细账_远.xls"), words=("明细账_远.xls",)),
    Case("xls_long_text_in_2000_cells", _make(f.biff_long_text, "明细账_字.xls"),
         words=("明细账_字.xls", "文字合计超过")),
    Case("csv_field_of_40000_characters", _write("长.csv", ("日期,摘要\n2020-12-01," + "长" * 40_000 + "\n").encode()),
         words=("长.csv", "32767")),
    Case("csv_with_17000_columns", _write("宽.csv", ("," * 17_000 + "\n").encode() * 3),
         words=("宽.csv",)),
    Case("file_over_100_megabytes", _make(f.sparse_file, "明细账_大.xlsx", 101 * 2**20),
         words=("明细账_大.xlsx",)),
    # --- a ledger must never be skipped -----------------------------------------------------
    Case("pdf_named_xlsx", _write("明细账_2020年07月补.xlsx", f.PDF), words=("明细账_2020年07月补.xlsx", "PDF")),
    Case("png_named_xls", _write("明细账_截图.xls", f.PNG), words=("明细账_截图.xls",)),
    Case("docx_named_xlsx", _make(f.docx_named_xlsx, "明细账_说明.xlsx"), words=("明细账_说明.xlsx",)),
    Case("truncated_xlsx", lambda d: (d / "明细账_半.xlsx").write_bytes(
        (SAMPLE / "明细账_2020年03月.xlsx").read_bytes()[:3000]), words=("明细账_半.xlsx", "损坏")),
    Case("ledger_with_two_debit_columns",
         _ledger(f.ledger_row() + ["#n:100.00"], header=(*f.LEDGER_HEADER, "借方")),
         words=("凭证明细_2020-12补.xlsx", "借方")),
    Case("ledger_with_debit_twice_and_no_credit",
         _ledger(f.ledger_row(), header=(*f.LEDGER_HEADER[:-1], "借方")),
         words=("凭证明细_2020-12补.xlsx", "借方", "贷方")),
    Case("ledger_without_credit_column", _ledger(f.ledger_row()[:-1], header=f.LEDGER_HEADER[:-1]),
         words=("凭证明细_2020-12补.xlsx", "贷方")),
    Case("empty_xlsx_stops_the_build", _write("明细账_2020年05月补.xlsx", b""),
         words=("明细账_2020年05月补.xlsx", "0 字节")),
    Case("empty_text_file_is_listed_and_skipped", _write("新建文本文档.txt", b""), code=0,
         words=("新建文本文档.txt",)),
    Case("prose_text_file_is_listed_and_skipped", _write("说明.txt", "这是说明，不是账。\n".encode()), code=0,
         words=("说明.txt",)),
    Case("ignored_broken_file", _both(_write("旧账_坏.xlsx", f.PDF),
                                      _config('"部门" = "景德镇市陶瓷产业发展局"\n"年度" = 2020\n"忽略" = ["旧账*"]\n')),
         code=0, folder_name="输入", words=("旧账_坏.xlsx",)),
    # --- numbers and cells --------------------------------------------------------------------
    Case("amount_1e28", _amount("1e28"), words=("凭证明细_2020-12.csv", "第 5 行")),
    Case("amount_beyond_a_trillion", _amount("2000000000000.00"), words=("凭证明细_2020-12.csv", "第 5 行")),
    Case("amount_with_three_decimals", _amount("18207.905"), words=("凭证明细_2020-12.csv", "第 5 行")),
    Case("amount_nan", _amount("NaN"), words=("凭证明细_2020-12.csv", "第 5 行")),
    Case("amount_infinity", _amount("Infinity"), words=("凭证明细_2020-12.csv", "第 5 行")),
    Case("formula_without_cached_value", _ledger(f.ledger_row(amount="=50+50")),
         words=("凭证明细_2020-12补.xlsx", "第 2 行", "第 H 列")),
    Case("summary_longer_than_a_cell", _ledger(f.ledger_row(summary="长" * 33_000)),
         words=("凭证明细_2020-12补.xlsx", "32767")),
    # --- the archive ------------------------------------------------------------------------
    Case("stale_temp_from_a_killed_build", _nothing, code=0, prepare_dist=_stale_temp),
    Case("symlink_inside_dist_pointing_out", _nothing, prepare_dist=_symlink_out,
         words=("景德镇市陶瓷产业发展局",)),
    Case("disk_full_while_writing", _nothing, file_size_limit=60_000, words=("文件超过了系统允许的大小",)),
]


def prepare(case: Case, root: Path) -> Path:
    """The case's input folder under root/in/ (a copy of the sample, then the case's edit)."""
    folder = root / "in" / case.folder_name
    folder.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SAMPLE, folder)
    case.prepare(folder)
    return folder
