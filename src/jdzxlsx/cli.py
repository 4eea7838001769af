"""Command line: Chinese messages, progress, exit codes (0 ok, 2 bad input or usage).

Holds no business logic: it calls the pipeline and the archive and prints what they return.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections import Counter
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from . import __version__
from .archive import archive_build, manifest_for
from .archive.diff import diff_command
from .archive.history import history_command
from .archive.verify import verify_command
from .checks import SEVERITIES, Finding, read_check_sheet, tolerance_text
from .errors import InputError, JdzxlsxError
from .failures import fault_message, os_error_message, write_fault_log
from .pipeline import BuildResult, build
from .xlsx import write_workbook

EXIT_OK, EXIT_CHECKS_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3  # 1 only with --strict


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups,
                                 prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own words in Chinese: accountants read the help and the errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本说明并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        message = (message.replace("the following arguments are required", "缺少参数")
                   .replace("invalid choice", "无效的选择").replace("choose from", "可选")
                   .replace("unrecognized arguments", "无法识别的参数")
                   .replace("expected one argument", "需要一个值").replace("argument ", "参数 "))
        print(f"用法错误：{message}\n运行 jdzxlsx --help 查看说明。", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="jdzxlsx",
        description="从财务室已有的电子表格（明细账、余额表、预算指标、上年数、基础信息）"
                    "一键生成部门决算工作簿。")
    parser.add_argument("--version", action="version", version=f"jdzxlsx {__version__}",
                        help="显示版本并退出")
    commands = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    build_cmd = commands.add_parser("build", help="生成新版本的决算工作簿（写入 dist/，从不覆盖）")
    build_cmd.add_argument("folder", type=Path, metavar="输入目录",
                           help="存放账务导出文件的目录，如 inputs/景德镇市陶瓷产业发展局-2020")
    build_cmd.add_argument("--period", metavar="YYYY-MM",
                           help="只汇总到该月（含）为止的明细账，如 2020-06")
    build_cmd.add_argument("--dist", type=Path, default=Path("dist"), metavar="输出目录",
                           help="输出目录（默认 dist/）")
    build_cmd.add_argument("--strict", action="store_true",
                           help="核对发现「错误」级不符时以退出码 1 结束（工作簿照常生成）")
    build_cmd.add_argument("--templates", type=Path, metavar="模板目录",
                           help="改用该模板目录（可用 template.toml 的 base 继承某年度的模板）")
    check_cmd = commands.add_parser(
        "check", help="只核对、不生成新版本：给输入目录则按账重新核对，给工作簿则读出其核对表")
    check_cmd.add_argument("target", type=Path, metavar="输入目录或工作簿",
                           help="输入目录，或 jdzxlsx 生成的 .xlsx 工作簿")
    check_cmd.add_argument("--period", metavar="YYYY-MM", help="只核对到该月（含）为止的明细账")
    check_cmd.add_argument("--strict", action="store_true",
                           help="发现「错误」级不符时以退出码 1 结束")
    check_cmd.add_argument("--templates", type=Path, metavar="模板目录",
                           help="改用该模板目录（可用 template.toml 的 base 继承某年度的模板）")
    verify_cmd = commands.add_parser(
        "verify", help="核验输出目录中每个版本：工作簿与其清单记录的 SHA-256 是否一致，有无缺失或多余")
    verify_cmd.add_argument("--dist", type=Path, default=Path("dist"), metavar="输出目录",
                            help="要核验的输出目录（默认 dist/）")
    history_cmd = commands.add_parser(
        "history", help="列出某部门的各个版本：生成时间、期间、输入文件数和主要数字")
    history_cmd.add_argument("department", metavar="部门", help="部门名称，即 dist/ 下的文件夹名")
    history_cmd.add_argument("--dist", type=Path, default=Path("dist"), metavar="输出目录",
                             help="输出目录（默认 dist/）")
    history_cmd.add_argument("--year", type=int, metavar="年度", help="只列该年度的版本，如 2020")
    diff_cmd = commands.add_parser(
        "diff", help="比较两个版本：列出公开表中变动的数字和核对表中变动的结论")
    diff_cmd.add_argument("items", nargs="+", metavar="版本",
                          help="两个工作簿的路径；或 部门 与两个版本号，如 某局 v001 v002")
    diff_cmd.add_argument("--dist", type=Path, default=Path("dist"), metavar="输出目录",
                          help="按版本号比较时的输出目录（默认 dist/）")
    diff_cmd.add_argument("--year", type=int, metavar="年度",
                          help="按版本号比较、该部门有多个年度时指定年度")
    return parser


def _progress(i: int, n: int, name: str) -> None:
    """One line rewritten in place on a terminal; one line per file in a log."""
    if sys.stderr.isatty():
        print(f"\r读取 [{i}/{n}] {name}\033[K", end="", file=sys.stderr, flush=True)
    else:
        print(f"读取 [{i}/{n}] {name}", file=sys.stderr, flush=True)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    """Left-align Chinese labels by their printed width (a 汉字 takes two columns)."""
    return text + " " * max(0, width - _display_width(text))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_BAD_INPUT
    try:
        return COMMANDS[args.command](args)
    except JdzxlsxError as error:
        print(f"\n错误：{error}", file=sys.stderr)
        if args.command == "build":
            print("未生成任何文件。", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:           # `jdzxlsx diff … | head` closed the pipe: nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:          # a folder that is a file, no permission, disk full …
        print(f"\n错误：{os_error_message(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("\n已中断。未完成的版本不会留在输出目录中（可用 jdzxlsx verify 核验）。", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # noqa: BLE001 - the user gets a message, the developer the log
        if os.environ.get("JDZXLSX_DEBUG"):
            raise
        print(f"\n{fault_message(write_fault_log(error, argv))}", file=sys.stderr)
        return EXIT_INTERNAL


def _build(args) -> int:
    started = datetime.now(timezone.utc).astimezone()
    result = build(args.folder, period=args.period, progress=_progress, built_at=started,
                   templates=args.templates)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print("生成工作簿……", file=sys.stderr)
    archived = archive_build(args.dist, result.settings.department, result.settings.year,
                             lambda path: write_workbook(result.book, path),
                             manifest_for(result, args.folder, started),
                             source=result.settings.department_source)
    _summary(result, archived)
    _report(result.findings, result.not_checked, tolerance_text(result.checks.parameters))
    print(archived.workbook)
    return _exit_code(result.findings, args.strict)


def _check(args) -> int:
    target = Path(args.target)
    not_checked: list[str] = []
    tolerances = ""
    if target.suffix.lower() in (".xlsx", ".xlsm") and target.is_file():
        if args.period:
            raise InputError("核对工作簿时不能指定 --period：工作簿的期间在生成时已定。",
                             file=str(target), hint="去掉 --period，或对输入目录运行 check。")
        findings, parameters, not_checked = read_check_sheet(target)
        tolerances = tolerance_text(parameters)
        print(f"核对工作簿：{target}（读取其「核对表」的计算结果）", file=sys.stderr)
    else:
        result = build(target, period=args.period, progress=_progress,
                       templates=args.templates)
        findings, not_checked = result.findings, result.not_checked
        tolerances = tolerance_text(result.checks.parameters)
    _report(findings, not_checked, tolerances)
    return _exit_code(findings, args.strict)


def _exit_code(findings: list[Finding], strict: bool) -> int:
    errors = [f for f in findings if f.is_problem and f.severity == "错误"]
    return EXIT_CHECKS_FAILED if strict and errors else EXIT_OK


def _number(value, unit: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)       # text typed over a figure in a saved 核对表: shown as it is
    if unit in ("人", "行"):
        return f"{value:,.0f}"
    if unit == "比率":          # a 绩效 rate (a fraction): as the 核对表 shows it
        return f"{value:.2%}"
    return f"{value:,.2f}"


LISTED_PER_RULE = 10      # the rest of a family is counted; 核对表 has every row


def _values(f: Finding) -> str:
    if f.right is None or f.right == "":
        return ""
    parts = [f"左 {_number(f.left, f.unit)}", f"右 {_number(f.right, f.unit)}"]
    if f.difference not in (None, ""):
        parts.append(f"差 {_number(f.difference, f.unit)}")
    # a rate reads as percentages; other units follow the figures (万元, 元, 分, 人 …)
    text = "，".join(parts) + ("" if f.unit in ("比率", "等级") else f" {f.unit or ''}")
    if isinstance(f.ratio, (int, float, Decimal)) and not isinstance(f.ratio, bool):
        text += f"；比率 {f.ratio:.2%}"
    return f"（{text}）"


def _report(findings: list[Finding], not_checked: list[str] = (), tolerances: str = "") -> None:
    """The check summary: counts per severity, then every 不符 with where to look."""
    out = sys.stderr
    counts = Counter((f.severity, f.verdict) for f in findings)
    problems = {s: counts[(s, "不符")] for s in SEVERITIES}
    tails = sum(counts[(s, "尾差")] for s in SEVERITIES)
    agreed = sum(counts[(s, "一致")] for s in SEVERITIES)
    print("", file=out)
    print(f"核对结果（共 {len(findings)} 项）：错误 {problems['错误']} 项，警告 {problems['警告']} 项，"
          f"提示 {problems['提示']} 项；尾差 {tails} 项；一致 {agreed} 项", file=out)
    for severity in SEVERITIES:
        listed = [f for f in findings if f.severity == severity and f.is_problem]
        if not listed:
            continue
        print(f"{severity}：", file=out)
        shown = Counter()
        for f in listed:
            rule = f.rule_id.split("[", 1)[0]
            shown[rule] += 1
            if shown[rule] > LISTED_PER_RULE:
                continue
            print(f"  {f.rule_id}  {f.description}{_values(f)}", file=out)
            print(f"      位置：{f.place}", file=out)
            if f.advice:
                print(f"      处理：{f.advice}", file=out)
        for rule, count in shown.items():
            if count > LISTED_PER_RULE:
                print(f"  {rule} 另有 {count - LISTED_PER_RULE} 项同类不符，见工作簿「核对表」。",
                      file=out)
    if tails:
        print(f"尾差 {tails} 项（分别四舍五入所致，不是错账），详见工作簿「核对表」。", file=out)
    if tolerances:
        print(f"所用容差：{tolerances}", file=out)
    for text in not_checked:
        print(f"未核对：{text}", file=out)


def _summary(result: BuildResult, archived) -> None:
    cells = result.book.formula_cells()
    paper = result.paper
    out = sys.stderr
    print("", file=out)
    print(f"{result.settings.department} {result.settings.year}年度部门决算"
          f"（期间 {paper.year}-01 至 {paper.period_end}）", file=out)
    print(f"  输入文件 {len(result.ingested.files)} 个，底稿 {len(paper.lines)} 行，"
          f"公式单元格 {len(cells)} 个", file=out)
    for note in result.ingested.notes:
        print(f"  说明：{note}", file=out)
    for skipped in result.ingested.skipped:
        print(f"  未识别（已跳过）：{skipped}", file=out)
    print("  主要数字（万元）：", file=out)
    for cell_id, label in result.template.key_figures:
        if cell_id in cells:
            print(f"    {_pad(label, 28)}{cells[cell_id][1].value:>12,.2f}", file=out)
    print(f"  已生成第 {archived.version} 版（SHA-256 {archived.sha256[:16]}…），清单："
          f"{archived.manifest.name}", file=out)


COMMANDS = {"build": _build, "check": _check,
            "verify": lambda args: verify_command(args.dist),
            "history": lambda args: history_command(args.dist, args.department, args.year),
            "diff": lambda args: diff_command(args.items, args.dist, args.year)}


if __name__ == "__main__":
    sys.exit(main())
