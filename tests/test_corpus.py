"""Every hostile or broken input in tests/corpus/ ends the way its case says, as a user sees it:
`jdzxlsx build` in a child process, exit 0 with the sample's figures or exit 2 with a Chinese
message naming the place; never a traceback; no file created or changed anywhere but dist/; after
exit 2 nothing new in dist/; and the child's own peak memory under 1 GB."""

from __future__ import annotations

import re

import pytest

from tests.corpus.cases import CASES, Case, prepare
from tests.corpus.runner import changes, jdzxlsx, snapshot

PEAK_MEMORY_LIMIT = 2**30


def test_the_corpus_holds_at_least_forty_cases_with_distinct_names():
    names = [case.name for case in CASES]
    assert len(names) >= 40 and len(set(names)) == len(names)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_input_ends_as_its_case_says(case: Case, tmp_path):
    root = tmp_path / "root"
    folder = prepare(case, root)
    dist = root / "work" / "dist"          # "../../x" from dist/ still lands under root
    dist.parent.mkdir(parents=True, exist_ok=True)
    if case.prepare_dist:
        case.prepare_dist(dist)
    logs = tmp_path / "logs"
    before = snapshot(root)

    run = jdzxlsx(["build", str(folder), "--dist", str(dist)], cwd=root, log_dir=logs,
                  file_size_limit=case.file_size_limit)
    after = snapshot(root)

    said = run.stderr
    assert run.code == case.code, said
    assert "Traceback" not in said and "内部错误" not in said, said
    assert not logs.exists(), "a fault of ours was logged"
    for word in case.words:
        assert word in said, f"「{word}」 not in:\n{said}"
    assert 0 < run.peak_rss_bytes < PEAK_MEMORY_LIMIT, f"{run.peak_rss_mib:.0f} MiB"
    outside = [name for name in changes(before, after) if not name.startswith("work/dist/")
               and name != "work/dist"]
    assert outside == [], f"written outside dist/: {outside}"
    if case.code == 0:
        assert re.search(rf"收入总计\s+{re.escape(case.total)}", said), said
        written = run.stdout.strip().splitlines()[-1]
        assert written.startswith(str(dist)) and written.endswith("_v001.xlsx")
        assert not list(dist.rglob(".building-*")), "a temporary file was left in dist/"
    else:
        assert "错误：" in said
        assert changes(before, after) == [], "exit 2 left something new in dist/"
