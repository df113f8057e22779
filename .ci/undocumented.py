#!/usr/bin/env python3
"""Lists public declarations without a /// comment (attributes are skipped) and exits 1 if there is any.

Usage: python3 .ci/undocumented.py TARGET...   (reads Sources/TARGET/**/*.swift)
Enum cases of public enums count too. Run from the repository root.
"""
import glob
import re
import sys

DECL = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:nonisolated\s+)?public\s+"
    r"(?:static\s+|final\s+|mutating\s+|nonisolated\s+|override\s+|indirect\s+|convenience\s+|required\s+)*"
    r"(var|let|func|init\??|struct|enum|class|actor|protocol|typealias|case|subscript)\b")
TYPE = re.compile(r"^\s*(?:public\s+|internal\s+|private\s+|fileprivate\s+)?(?:final\s+)?(?:struct|enum|class|actor|extension|protocol)\s+[\w.]+")
CASE = re.compile(r"^(\s*)case\s+\w+(\s*=.*)?$")

missing = []
for target in sys.argv[1:]:
    for path in sorted(glob.glob(f"Sources/{target}/**/*.swift", recursive=True)):
        lines = open(path, encoding="utf-8").read().split("\n")
        types = []  # (indent, is public enum)
        for i, line in enumerate(lines):
            if TYPE.match(line):
                depth = len(line) - len(line.lstrip())
                while types and types[-1][0] >= depth:
                    types.pop()
                types.append((depth, "public " in line and " enum " in line))
            is_decl = DECL.match(line)
            case = CASE.match(line)
            if not is_decl and not (case and types and types[-1][1] and len(case.group(1)) > types[-1][0]):
                continue
            j = i - 1
            while j >= 0 and lines[j].strip().startswith("@"):
                j -= 1
            if j >= 0 and (lines[j].strip().startswith("///") or lines[j].strip().endswith("*/")):
                continue
            missing.append(f"{path}:{i + 1}: {line.strip()[:120]}")

for line in missing:
    print(line)
if missing:
    print(f"{len(missing)} public declarations without a /// comment")
    sys.exit(1)
