"""Run `jdzxlsx` in a child process as a user would, and measure what it did: exit code,
output, its own peak memory, and every file it created or changed anywhere under the case's root.

The child reports its peak memory itself, as VmHWM at exit: ru_maxrss (of the child or of
RUSAGE_CHILDREN) survives fork and execve on Linux, so it would report pytest's own peak."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

# A runaway reader must fail the test, not the CI machine: the child's address space is capped
# well above the 1 GB the product promises and well below the machine.
ADDRESS_SPACE_CAP = 3 * 2**30
TIMEOUT_SECONDS = 300
_BOOTSTRAP = """\
import atexit, os, resource, sys
def _report_peak():
    try:
        with open("/proc/self/status") as status:
            kib = next(line for line in status if line.startswith("VmHWM:")).split()[1]
    except OSError:
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(os.environ["JDZXLSX_TEST_PEAK_FILE"], "w") as peak:
        peak.write(str(kib))
atexit.register(_report_peak)
from jdzxlsx.cli import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    peak_rss_bytes: int

    @property
    def peak_rss_mib(self) -> float:
        return self.peak_rss_bytes / 2**20


def jdzxlsx(args: list[str], cwd: Path, *, log_dir: Path, file_size_limit: int | None = None,
            timeout: int = TIMEOUT_SECONDS) -> Run:
    """``file_size_limit`` (bytes) makes every write beyond it fail with EFBIG, the way a full
    disk fails a write, without needing a full disk."""
    out, err, peak = cwd / ".run.stdout", cwd / ".run.stderr", cwd / ".run.peak"

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # EFBIG instead of a signal
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    env = {**os.environ, "JDZXLSX_LOG_DIR": str(log_dir), "PYTHONIOENCODING": "utf-8",
           "JDZXLSX_TEST_PEAK_FILE": str(peak)}
    env.pop("JDZXLSX_DEBUG", None)
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        child = subprocess.Popen([sys.executable, "-c", _BOOTSTRAP, *args], cwd=cwd,
                                 stdout=stdout, stderr=stderr, env=env, preexec_fn=limits)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        try:
            child.wait()
        finally:
            timer.cancel()
    # no figure: the child died without running atexit (a native abort, a kill)
    peak_kib = int(peak.read_text()) if peak.exists() else 0
    run = Run(child.returncode, out.read_text("utf-8", "replace"),
              err.read_text("utf-8", "replace"), peak_kib * 1024)
    for path in (out, err, peak):
        path.unlink(missing_ok=True)
    return run


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file (size and mtime), folder and symlink under root, symlinks not followed. A
    folder counts by its existence: creating and removing a temporary file inside it leaves it
    as it was."""
    found = {}
    for path in [root, *root.rglob("*")]:
        stat = path.lstat()
        kind = ("link", os.readlink(path)) if path.is_symlink() else (
            ("dir",) if path.is_dir() else (stat.st_size, stat.st_mtime_ns))
        found[path.relative_to(root).as_posix()] = kind
    return found


def changes(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before.keys() | after.keys()
                  if before.get(name) != after.get(name) and name != ".")
