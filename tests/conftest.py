"""Shared fixtures: the sample built once per session, and its LibreOffice recalculation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jdzxlsx.cli import main
from tests import oracle

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "inputs" / "景德镇市陶瓷产业发展局-2020"
FIXTURES = ROOT / "tests" / "fixtures" / "templates"


def build_sample(dist: Path, *extra: str, folder: Path = SAMPLE) -> Path:
    """Run `jdzxlsx build` as a user would; return the workbook it wrote."""
    before = set(dist.rglob("*.xlsx")) if dist.exists() else set()
    code = main(["build", str(folder), "--dist", str(dist), *extra])
    assert code == 0
    (written,) = set(dist.rglob("*.xlsx")) - before
    return written


def load_extension(tmp_path: Path, checks: str):
    """The 2020 template extended by a folder whose checks.toml is ``checks``."""
    from jdzxlsx.templates import load_template
    from jdzxlsx.working_paper import QUERY_TABLES

    folder = tmp_path / "template"
    folder.mkdir()
    (folder / "template.toml").write_text("base = 2020\n", encoding="utf-8")
    (folder / "checks.toml").write_text(checks, encoding="utf-8")
    return load_template(2020, folder, QUERY_TABLES)


def require_libreoffice() -> None:
    """LibreOffice is the oracle: in CI it must be there (the tests must run, not skip)."""
    if oracle.soffice():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed: .ci/run must apt-get install "
                    "libreoffice-calc-nogui")
    pytest.skip("LibreOffice not installed (apt-get install libreoffice-calc-nogui)")


@pytest.fixture(scope="session")
def sample_workbook(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def sample_recalculated(sample_workbook, tmp_path_factory) -> Path:
    require_libreoffice()
    (out,) = oracle.recalculate([sample_workbook], tmp_path_factory.mktemp("recalc"))
    return out


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A scratch copy of the sample folder, for tests that corrupt an input."""
    target = tmp_path / SAMPLE.name
    shutil.copytree(SAMPLE, target)
    return target
