"""What the user reads when something other than their data goes wrong.

An operating-system error (no permission, disk full, a folder that is a file) is said in
Chinese with what to do. A fault of ours (any other exception) gets a short Chinese message and
the path of a log file holding the traceback, so the developer sees everything and the
accountant sees no traceback.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from . import __version__

_OS_WORDS = {
    errno.ENOSPC: ("磁盘已满", "清理磁盘或用 --dist 换一个有空间的输出目录后重试。"),
    errno.EDQUOT: ("磁盘配额已用完", "清理文件或用 --dist 换一个输出目录后重试。"),
    errno.EFBIG: ("文件超过了系统允许的大小", "用 --dist 换一个输出目录，或请管理员放宽限制。"),
    errno.EACCES: ("没有权限", "检查该文件或目录的权限，或用 --dist 换一个自己能写的输出目录。"),
    errno.EPERM: ("操作不被允许", "检查该文件或目录的权限，或用 --dist 换一个自己能写的输出目录。"),
    errno.EROFS: ("磁盘是只读的", "用 --dist 换一个可写的输出目录。"),
    errno.ENOENT: ("找不到文件或目录", "检查路径是否写对、文件是否已被移走。"),
    errno.ENOTDIR: ("路径中有一段是文件而不是目录", "检查路径；输出目录（--dist）须是目录。"),
    errno.EISDIR: ("这是一个目录，不是文件", "检查路径是否写对。"),
    errno.ENAMETOOLONG: ("文件名或路径太长", "把输入目录放到较短的路径下，或缩短部门名称。"),
    errno.EMFILE: ("同时打开的文件太多", "关闭其他程序后重试。"),
    errno.EIO: ("磁盘读写出错", "检查磁盘或 U 盘是否已拔出、是否损坏。"),
    errno.EBUSY: ("文件正被其他程序占用", "关闭正在使用该文件的程序（如 Excel、WPS）后重试。"),
}
_OS_DEFAULT = ("读写文件失败", "检查输入目录和输出目录（--dist）是否存在、可写，磁盘是否已满。")


def os_error_message(error: OSError) -> str:
    """The Chinese sentence for an OSError, naming the file and what to do."""
    words, remedy = _OS_WORDS.get(error.errno, _OS_DEFAULT)
    place = f"：{error.filename}" if error.filename else ""
    if error.filename2:
        place += f" → {error.filename2}"
    return f"{words}{place}\n  处理办法：{remedy}"


def log_directory() -> Path:
    """Where tracebacks go: JDZXLSX_LOG_DIR, else the user's local state folder."""
    if configured := os.environ.get("JDZXLSX_LOG_DIR"):
        return Path(configured)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "jdzxlsx" / "logs"
    state = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(state) / "jdzxlsx" / "logs"


def write_fault_log(error: BaseException, argv: list[str]) -> Path | None:
    """The traceback, the command and the versions, in a new file; None if even that fails."""
    text = (f"jdzxlsx {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
            f"命令：jdzxlsx {' '.join(argv)}\n"
            f"时间：{datetime.now().isoformat(timespec='seconds')}\n\n"
            + "".join(traceback.format_exception(error)))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for folder in (log_directory(), Path(tempfile.gettempdir()) / "jdzxlsx-logs"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f"错误-{stamp}-", suffix=".log", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8") as log:
                log.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def fault_message(log: Path | None) -> str:
    where = (f"详细信息已记录在：{log}" if log is not None
             else "详细信息未能记录（日志目录不可写），设置环境变量 JDZXLSX_DEBUG=1 重新运行可看到")
    return ("内部错误：jdzxlsx 自身出了问题，不是您的数据有误。\n"
            f"  {where}\n"
            "  处理办法：把这个日志文件和输入目录一起发给维护者。")
