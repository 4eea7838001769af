"""Find and read templates/<year>/: layouts, account mapping, codebooks. Data only, no values."""

from __future__ import annotations

import csv
import tomllib
from functools import lru_cache
from pathlib import Path

from ..errors import TemplateError


def templates_root() -> Path:
    """templates/ inside an installed wheel, or at the top of a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise TemplateError("找不到模板目录 templates/：安装不完整，请重新安装 jdzxlsx。")


def year_dir(year: int) -> Path:
    folder = templates_root() / str(year)
    if not folder.is_dir():
        known = sorted(p.name for p in templates_root().iterdir() if p.is_dir())
        raise TemplateError(f"没有 {year} 年度的模板（现有：{'、'.join(known)}）。")
    return folder


@lru_cache(maxsize=None)
def load_toml(year: int, name: str) -> dict:
    path = year_dir(year) / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise TemplateError(f"模板文件缺失：{path}") from None
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"模板文件格式错误：{path}：{error}") from None


@lru_cache(maxsize=None)
def load_csv(year: int, name: str) -> tuple[dict[str, str], ...]:
    path = year_dir(year) / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return tuple(csv.DictReader(handle))
    except FileNotFoundError:
        raise TemplateError(f"模板文件缺失：{path}") from None


def template_version(year: int) -> str:
    """A short fingerprint of the year's template files, for the manifest."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(year_dir(year).rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(year_dir(year)).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{year}-{digest.hexdigest()[:12]}"
