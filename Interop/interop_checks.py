"""What every interop script shares: named checks that print PASS/FAIL and a closing `N passed, M failed` line."""

import os
import traceback


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, function):
        try:
            function()
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}".replace("\n", " "), flush=True)
            if os.environ.get("INTEROP_TRACEBACK"):
                traceback.print_exc()
        else:
            self.passed += 1
            print(f"PASS {name}", flush=True)

    def summary(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        return 1 if self.failed else 0


def expect(condition, message):
    if not condition:
        raise AssertionError(message)
