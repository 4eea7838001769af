"""The committed samples are exactly what tools/make_sample.py writes: anyone can re-make them."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SAMPLES = sorted(p for p in (ROOT / "inputs").iterdir() if p.is_dir())


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_generator_rewrites_the_committed_sample_byte_for_byte(sample, tmp_path):
    out = tmp_path / sample.name
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_sample.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert _hashes(out) == _hashes(sample)
