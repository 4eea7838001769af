"""dist/<单位>/<年度>/<单位>_<年度>年度部门决算_v<NNN>.xlsx: append-only, atomic, with a manifest.

A version is never overwritten: the finished file is hard-linked into place (which fails if the
name exists), so two concurrent builds take two versions and a crash leaves no half file.
"""

from .manifest import manifest_for
from .store import (VERSION_DIGITS, Archived, archive_build, sha256_file, stem,
                    versions)

__all__ = ["archive_build", "manifest_for", "Archived", "versions", "stem", "sha256_file",
           "VERSION_DIGITS"]
