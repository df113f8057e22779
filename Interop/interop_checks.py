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


def simulator_service(script):
    """The simulator's base URL (argv[1] or IG_SIM_URL) and a factory of trading-ig services pointed at it.

    Sets trading-ig's DEMO base URL to the simulator and keeps its warnings out of the output. Returns
    ``(None, None)`` after printing the usage line when no URL was given.
    """
    import logging
    import sys

    import trading_ig.rest as ig_rest
    from trading_ig import IGService

    base = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get("IG_SIM_URL", "")).rstrip("/")
    if not base:
        print(f"usage: {script} SIMULATOR_BASE_URL (or set IG_SIM_URL)", file=sys.stderr)
        return None, None
    ig_rest.D_BASE_URL["demo"] = base + "/gateway/deal"
    # trading-ig logs a warning when it meets an invalid token (some checks provoke one); keep output clean.
    logging.getLogger("trading_ig").setLevel(logging.ERROR)
    user = os.environ.get("IG_SIM_USER", "demo-user")
    password = os.environ.get("IG_SIM_PASSWORD", "demo-password")
    api_key = os.environ.get("IG_SIM_API_KEY", "demo-api-key")

    def service(**options):
        return IGService(user, password, api_key, acc_type="demo", **options)

    return base, service
