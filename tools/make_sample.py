#!/usr/bin/env python3
"""Write the sample input folders (deterministically) and their expected figures.

Run from the repo root:

    python tools/make_sample.py            # every sample: inputs/<folder>/ and tests/expected/<folder>.toml
    python tools/make_sample.py --out DIR  # the sample named like DIR's last part, into DIR only
                                           # (no expected figures written; the tests compare bytes)

The samples live in tools/samples/ (one package per sample: its facts as data, its design, its
verification) and share the export-style writers in tools/samples/writers/.  Each sample's
design is verified (every required figure recomputed from the emitted lines, plain Decimal)
before any file is touched.  Nothing here imports jdzxlsx.  Deterministic: one seeded
``random.Random`` per sample, fixed document timestamps, no clock; two runs give
byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples import SAMPLES  # noqa: E402
from samples.expected import write_expected  # noqa: E402
from samples.money import SampleError, wan  # noqa: E402
from samples.xlsx import pad  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def prepare_folder(out: Path, generated: set[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for p in sorted(out.iterdir()):
        if p.is_dir():
            raise SampleError(f"unexpected folder in the sample folder: {p}")
        if p.name not in generated:
            print(f"  removed stale file {p.name}")
        p.unlink()


def make(sample, out: Path, expected_dir: Path | None) -> None:
    d = sample.design()                     # verified before touching any file
    prepare_folder(out, sample.GENERATED)
    sample.write_files(out, d)
    print(f"样例输入已生成: {out}")
    print(f"{pad('figure', 28)}{'元':>17}{'万元':>11}")
    for label, value in d["figures"].items():
        print(f"{pad(label, 28)}{value:>18,.2f}{wan(value):>12,.2f}")
    print(f"posting lines per month: {sample.line_counts(d)}")
    if expected_dir is not None:
        path = write_expected(expected_dir / f"{sample.FOLDER}.toml", sample.expected(d))
        print(f"expected figures: {path}")
    print("files:")
    for p in sorted(out.iterdir()):
        print(f"  {p.stat().st_size:>9,}  {p.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the sample input folders.")
    parser.add_argument("--out", type=Path,
                        help="write the sample whose folder name is this path's last part here "
                             "instead of inputs/ (the tests compare bytes)")
    args = parser.parse_args(argv)
    by_folder = {s.FOLDER: s for s in SAMPLES}
    if args.out is not None:
        out = args.out.resolve()
        if out.name not in by_folder:
            parser.error(f"--out must end in a sample folder name: {', '.join(by_folder)}")
        make(by_folder[out.name], out, None)
        return 0
    for sample in SAMPLES:
        make(sample, REPO / "inputs" / sample.FOLDER, REPO / "tests" / "expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
