#!/usr/bin/env python3
"""Finds closures that the Swift compiler gives one symbol, so that one of them runs the other's body.

Swift 6.3.1 numbers a closure written in a macro's argument (`#expect(xs.allSatisfy { ... })`) and a closure written
after the macro, outside it, in the same enclosing *closure* with the same discriminator. When the two also have the
same type they get the same symbol: the compiler emits one body and calls it for both, without a word. A recorder test
failed now and then because of it: `all.filter { $0.reason == "session" }` ran the `allSatisfy` closure above it and
kept `conflated` gaps. In a function body the numbers differ and nothing happens. SELF_TEST below is the smallest case.

Usage:
    closure-collisions.py BUILD_LOG [MODULE ...]   BUILD_LOG: the output of `swift build --build-tests -v`
    closure-collisions.py --self-test

The compile command of each named module (default: every test target, the folders of Tests/) is run again with
`-dump-ast`, and every pair of closures with the same enclosing context, kind, discriminator and type is listed; exit
status 1 when there is one. `--self-test` checks that the pair in SELF_TEST is found and its function-body twin is not,
so that a toolchain whose AST dump reads differently fails loudly instead of passing silently.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

DROP_FLAGS = {"-c", "-emit-module", "-emit-dependencies", "-incremental", "-enable-batch-mode", "-parseable-output",
              "-serialize-diagnostics", "-g", "-enable-testing"}
DROP_WITH_VALUE = {"-index-store-path", "-output-file-map", "-emit-module-path", "-o"}
CONTEXT_KINDS = ("closure_expr", "autoclosure_expr", "func_decl", "constructor_decl", "destructor_decl",
                 "accessor_decl", "subscript_decl", "top_level_code_decl")
NODE = re.compile(r"^(\s*)\((\w+)")
ATTRS = re.compile(r'type="([^"]*)".*?location=(\S+).*?discriminator=(\d+)')


def commands(log_path, modules):
    found = {}
    with open(log_path, errors="replace") as log:
        for line in log:
            line = line.strip()
            if line.startswith("info: "):
                line = line[len("info: "):]
            if not re.match(r"^\S*/swiftc\s", line):
                continue
            match = re.search(r"-module-name (\S+)", line)
            if not match:
                continue
            name = match.group(1)
            argv = shlex.split(line)
            if name in modules and "-emit-module" in argv:  # a module's compile command, not the link of the tests
                found[name] = argv
    return found


def dump_command(argv):
    out, skip, keep = [], False, False
    for arg in argv:
        if keep:
            out.append(arg)
            keep = False
            continue
        if skip:
            skip = False
            continue
        if arg in ("-Xcc", "-Xfrontend", "-Xlinker"):
            out.append(arg)
            keep = True
            continue
        if arg in DROP_WITH_VALUE:
            skip = True
            continue
        if arg in DROP_FLAGS:
            continue
        out.append(arg)
    return out + ["-dump-ast"]


def collisions(dump_lines):
    """Pairs of closures sharing context, kind, discriminator and type, from a -dump-ast text."""
    stack = []  # (indent, kind, identity)
    seen = {}   # (context, kind, discriminator, type) -> set of locations
    for number, line in enumerate(dump_lines):
        match = NODE.match(line)
        if not match:
            continue
        indent, kind = len(match.group(1)), match.group(2)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if kind in ("closure_expr", "autoclosure_expr"):
            attrs = ATTRS.search(line)
            if attrs:
                closure_type, location, discriminator = attrs.groups()
                if not location.startswith("@__swiftmacro") and any(e[1] == "macro_expansion_expr" for e in stack):
                    # A macro's argument as written: only its expansion (located in the macro's buffer) is compiled.
                    stack.append((indent, kind, None))
                    continue
                context = next((entry[2] for entry in reversed(stack) if entry[2]), location.rsplit(":", 2)[0])
                key = (context, kind, discriminator, closure_type)
                seen.setdefault(key, set()).add(location)
                stack.append((indent, kind, location))
                continue
        if kind in CONTEXT_KINDS or (kind == "pattern_binding_decl" and not any(e[2] for e in stack)):
            # A stored property's or global's initializer is a context of its own; a local `let` is not.
            stack.append((indent, kind, f"{kind}@{number}"))
        else:
            stack.append((indent, kind, None))
    return {key: sorted(locations) for key, locations in seen.items() if len(locations) > 1}


SELF_TEST = """
import Testing
struct G { var reason: String }
func run(_ body: () throws -> Void) rethrows { try body() }
func inAFunction() {
    let all = [G(reason: "session"), G(reason: "conflated")]
    #expect(all.allSatisfy { $0.reason == "session" || $0.reason == "conflated" })
    _ = all.filter { $0.reason == "session" }
}
func inAClosure() {
    run {
        let all = [G(reason: "session"), G(reason: "conflated")]
        #expect(all.allSatisfy { $0.reason == "session" || $0.reason == "conflated" })
        _ = all.filter { $0.reason == "session" }
    }
}
"""


def self_test():
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "SelfTest.swift")
        with open(path, "w") as file:
            file.write(SELF_TEST)
        result = subprocess.run(["swiftc", "-parse-as-library", "-dump-ast", path], capture_output=True, text=True)
        pairs = collisions((result.stdout + result.stderr).splitlines())
    plain = [location for locations in pairs.values() for location in locations if location.startswith(path)]
    if len(pairs) == 1 and plain == [f"{path}:14:24"]:
        print("self-test: the pair in a closure is found, its twin in a function is not")
        return 0
    print(f"self-test failed: expected one pair, at line 14 of the snippet; found {pairs}", file=sys.stderr)
    return 2


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    tests = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests")
    wanted = set(sys.argv[2:]) or {name for name in os.listdir(tests) if os.path.isdir(os.path.join(tests, name))}
    found = commands(sys.argv[1], wanted)
    if missing := sorted(wanted - set(found)):
        print(f"no compile command for {', '.join(missing)} in the build log (built with -v, from clean?)",
              file=sys.stderr)
        return 2
    total = 0
    for name, argv in sorted(found.items()):
        result = subprocess.run(dump_command(argv), capture_output=True, text=True)
        text = result.stdout + result.stderr
        if result.returncode != 0 and "(source_file" not in text:
            print(f"{name}: -dump-ast failed:\n{text[-2000:]}", file=sys.stderr)
            return 2
        pairs = collisions(text.splitlines())
        print(f"{name}: {len(pairs)} closure(s) sharing a symbol")
        for (context, kind, discriminator, closure_type), locations in sorted(pairs.items()):
            total += 1
            print(f"  {kind} #{discriminator} {closure_type}: " + ", ".join(locations))
    if total:
        print("Each pair above runs one body for both closures. Move the code of the enclosing closure into a function "
              "(as RecorderTests.expectFaultGaps does), where the compiler numbers them apart.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
