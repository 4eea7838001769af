"""The committed sample is exactly what tools/make_sample.py writes: anyone can re-make it."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_the_generator_rewrites_the_committed_sample_byte_for_byte(tmp_path):
    out = tmp_path / SAMPLE.name
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_sample.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert _hashes(out) == _hashes(SAMPLE)
