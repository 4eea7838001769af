"""tests/expected/<folder>.toml: a sample's expected figures, written by the generator from its
design (never from jdzxlsx)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path


def _value(v) -> str:
    if isinstance(v, Decimal):
        return f'"{v:.2f}"'               # exact: a string, read back with Decimal(...)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(v)


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isascii() and \
        k.replace("_", "").replace("-", "").isalnum() else _value(k)


def render(data: dict, prefix: str = "", header: str = "") -> str:
    """A small TOML writer: scalars first, then tables, then arrays of tables; keys in the
    order given.  ``data`` may carry "__comment__" lines for its table."""
    out = []
    for line in data.get("__comment__", []):
        out.append(f"# {line}" if line else "#")
    scalars = {k: v for k, v in data.items() if k != "__comment__"
               and not isinstance(v, dict) and not (isinstance(v, list) and v
                                                    and isinstance(v[0], dict))}
    for k, v in scalars.items():
        out.append(f"{_key(k)} = {_value(v)}")
    for k, v in data.items():
        if isinstance(v, dict):
            name = f"{prefix}.{_key(k)}" if prefix else _key(k)
            out += ["", f"[{name}]", render(v, name).rstrip("\n")]
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            name = f"{prefix}.{_key(k)}" if prefix else _key(k)
            for item in v:
                out += ["", f"[[{name}]]", render(item, name).rstrip("\n")]
    text = "\n".join(x for x in out) + "\n"
    return text.replace("\n\n\n", "\n\n")


def write_expected(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data), encoding="utf-8")
    return path
