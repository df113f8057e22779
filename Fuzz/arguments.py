#!/usr/bin/env python3
"""Every option of every `ig` command, given hostile values: no run may trap.

Walks `ig --help` down to each command, and runs it once per option that takes a value, with each of a few values
no one should type (Int64's extremes, 1e300, nan, a span of 1e30 weeks, the year 1, 10,000 characters). A usage
error, a refusal or a time-out is fine; a signal (a Swift trap is SIGILL or SIGTRAP) or "Fatal error" fails.
Commands run against the embedded simulator with a scratch store; `ig simulator` (a server that runs until
stopped) is left to the simulator's own fuzzers.

Usage: Fuzz/arguments.py PATH_TO_ig [--quick] [--jobs N] [--timeout SECONDS]   (--quick: 4 of the 8 values)
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

HOSTILE = ["9223372036854775807", "-9223372036854775808", "1e300", "nan", "0", "0001-01-01", "1e30w", "x" * 10_000]
QUICK = ["9223372036854775807", "-9223372036854775808", "1e300", "1e30w", "0"]  # CI: integers, floats, spans, a one-character path
SKIPPED = {("simulator",), ("help",)}
POSITIONALS = {
    "epic": "CS.D.EURUSD.TODAY.IP", "epics": "CS.D.EURUSD.TODAY.IP", "reference": "REF", "direction": "BUY",
    "size": "1", "stake": "1", "level": "1.1", "term": "EUR",
}
# Options a command needs before the one under test can matter (a later duplicate of an option wins).
BASE = {
    ("history", "sync"): ["--epic", "CS.D.EURUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-03", "--to", "2025-03-04"],
    ("history", "forget"): ["CS.D.EURUSD.TODAY.IP", "--environment", "SIMULATOR"],
    ("record",): ["CS.D.EURUSD.TODAY.IP"],
}


def help_text(ig, path):
    return subprocess.run([ig, *path, "--help"], capture_output=True, text=True, timeout=60).stdout


def section(text, title):
    lines, inside = [], False
    for line in text.splitlines():
        if line.strip().endswith(":") and not line.startswith(" "):
            inside = line.strip() == title
            continue
        if inside:
            lines.append(line)
    return lines


def commands(ig, path=()):
    """(path, help) of every command that runs (no subcommands of its own)."""
    text = help_text(ig, path)
    names = [m.group(1) for line in section(text, "SUBCOMMANDS:") if (m := re.match(r"^  ([a-z][a-z0-9-]*)\b", line))]
    if not names:
        yield path, text
        return
    for name in names:
        if path + (name,) not in SKIPPED:
            yield from commands(ig, path + (name,))


def positionals(text):
    """Values for the arguments the usage line requires."""
    usage = " ".join(section(text, "USAGE:")) or text.split("USAGE:", 1)[-1].splitlines()[0]
    usage = re.sub(r"\[[^\]]*\]", "", usage)  # optional parts
    usage = re.sub(r"--?[a-z0-9-]+ <[^>]+>", "", usage)  # options with values
    return [POSITIONALS.get(name, "X") for name in re.findall(r"<([a-z0-9-]+)>", usage) if name != "options"]


def options(text):
    """Options that take a value."""
    found = []
    for line in section(text, "OPTIONS:"):
        if m := re.match(r"^\s+(?:-[a-zA-Z], )?(--[a-z0-9-]+) <[^>]+>", line):
            if m.group(1) not in ("--base-url", "--profile", "--store", "--output", "--log-level"):
                found.append(m.group(1))
    return found


def run(ig, argv, timeout, environment):
    try:
        done = subprocess.run([ig, *argv], capture_output=True, text=True, timeout=timeout, env=environment,
                              stdin=subprocess.DEVNULL, errors="replace", cwd=environment["HOME"])
    except subprocess.TimeoutExpired:
        return argv, "timeout", ""
    trapped = done.returncode < 0 or done.returncode in (132, 133, 134, 139) or "Fatal error" in done.stderr
    return argv, ("TRAP" if trapped else done.returncode), done.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ig")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--quick", action="store_true")
    arguments = parser.parse_args()
    values = QUICK if arguments.quick else HOSTILE
    scratch = tempfile.mkdtemp(prefix="ig-arguments-")
    environment = dict(os.environ, IG_STORE=os.path.join(scratch, "store.sqlite"), HOME=scratch)
    runs, covered = [], set()
    for path, text in commands(arguments.ig):
        covered.add(path)
        base = list(path) + positionals(text) + BASE.get(path, [])
        if re.search(r"^\s+--yes\b", text, re.MULTILINE):
            base.append("--yes")  # dealing commands act (on the embedded simulator) instead of asking
        offered = options(text)
        for option in offered:
            extra = ["--duration", "2"] if "--duration" in offered and option != "--duration" else []
            for value in values:
                runs.append(base + extra + [f"{option}={value}"])
    print(f"{len(runs)} runs of {len(values)} values over {len(covered)} commands", flush=True)
    traps, outcomes = [], {}
    with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
        for argv, outcome, stderr in pool.map(lambda a: run(arguments.ig, a, arguments.timeout, environment), runs):
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            shown = " ".join(a if len(a) < 40 else a[:37] + "..." for a in argv)
            if outcome == "TRAP":
                fatal = next((line for line in stderr.splitlines() if "Fatal error" in line), stderr[-300:])
                traps.append(f"ig {shown}\n    {fatal.strip()}")
            elif outcome in (1, 69):
                # 1 is an error `ig` did not class; 69 (network) should not happen on the embedded simulator.
                print(f"status {outcome}: ig {shown}\n    {stderr.strip().splitlines()[0][:200] if stderr.strip() else ''}")
    print("outcomes:", ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items(), key=lambda kv: str(kv[0]))))
    for trap in traps:
        print("TRAP", trap)
    print(f"RESULT arguments runs={len(runs)} traps={len(traps)}")
    return 1 if traps else 0


if __name__ == "__main__":
    sys.exit(main())
