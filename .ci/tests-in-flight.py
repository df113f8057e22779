#!/usr/bin/env python3
"""Lists the tests that started and did not end, from a Swift Testing event stream (JSON lines, version 0).

Used by .ci/run when a test run stops making progress: the console log is block-buffered and cannot say which
tests were running, the event stream can.
"""
import json
import sys

names, state = {}, {}
with open(sys.argv[1], encoding="utf-8", errors="replace") as stream:
    for line in stream:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        payload = record.get("payload", {})
        if record.get("kind") == "test":
            names[payload.get("id")] = payload.get("displayName") or payload.get("name")
        elif record.get("kind") == "event":
            kind, test = payload.get("kind"), payload.get("testID")
            if kind == "testStarted":
                state[test] = "running"
            elif kind in ("testEnded", "testSkipped"):
                state[test] = "ended"
running = [test for test, value in state.items() if value == "running" and "/" in (test or "")]
print(f"{len(state)} tests and suites started, {len(running)} tests still running:")
for test in running:
    print(f"  {test}  ({names.get(test, '?')})")
