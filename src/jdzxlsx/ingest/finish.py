"""Steps that need all of a sheet's built records: classification subtotals (a kind's
``code_subtotals``) and each kind's own finishing step (the code list's classification, the
绩效 sheet's level texts filled down)."""

from __future__ import annotations

from collections.abc import Callable

from . import codelist, published
from .performance import fill_levels
from .rows import Row, SheetContext

Built = list[tuple[Row, object]]


def finish(sheet: SheetContext, built: Built) -> Built:
    if sheet.found.kind.code_subtotals:
        built = _drop_code_subtotals(sheet, built)
    step = FINISHERS.get(sheet.found.kind.id)
    return step(sheet, built) if step else built


def _drop_code_subtotals(sheet: SheetContext, built: Built) -> Built:
    """Rows whose codes are a strict prefix of another row's (a 类 or 款 row above its 项 rows,
    e.g. 201 above 2011301) are that group's subtotal: left out, and each is noted.

    Codes compare field by field in the order the TOML lists them: a row is a subtotal when its
    codes equal another row's up to some field and that field's code is a strict prefix."""
    names = sheet.found.kind.code_subtotals
    codes = {id(row): tuple(row.code_and_name(name)[0] for name in names) for row, _ in built}
    prefixes = set()
    for key in codes.values():
        for i, code in enumerate(key):
            prefixes.update((key[:i], code[:n]) for n in range(1, len(code)))
    kept = []
    for row, record in built:
        key = codes[id(row)]
        hit = next((i for i, code in enumerate(key) if code and (key[:i], code) in prefixes), None)
        if hit is None:
            kept.append((row, record))
            continue
        label = sheet.found.kind.fields[names[hit]].label
        sheet.notes.append(f"{row.source}：{label} {key[hit]} 是其下级科目各行的合计，未读取"
                           "（不重复计算）")
    return kept


FINISHERS: dict[str, Callable[[SheetContext, Built], Built]] = {
    "code_list": codelist.classify,
    "published_01": published.require_01_figures,
    "published_03": published.require_03_total,
    "published_02": published.skip_02,
    "performance": fill_levels,
}
