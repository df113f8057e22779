#!/usr/bin/env python3
"""The rate-limit benchmark's Python side: trading-ig 0.0.25 with use_rate_limiter=True against the simulator.

Usage: trading_ig_rate_limit.py BASE_URL SECONDS THREADS

Threads share one IGService (as a trading-ig user with a thread pool would) and call fetch_market_by_epic in a loop
for SECONDS. Prints one JSON line: completed reads, allowance errors (ApiExceededException), other errors, elapsed.
"""

import json
import logging
import sys
import threading
import time

import trading_ig.rest as ig_rest
from trading_ig import IGService
from trading_ig.rest import ApiExceededException


def main():
    base, seconds, threads = sys.argv[1].rstrip("/"), float(sys.argv[2]), int(sys.argv[3])
    ig_rest.D_BASE_URL["demo"] = base + "/gateway/deal"
    logging.getLogger("trading_ig").setLevel(logging.CRITICAL)
    service = IGService("demo-user", "demo-password", "demo-api-key", "demo", use_rate_limiter=True)
    service.create_session(version="2")
    counts = {"completed": 0, "allowance_errors": 0, "other_errors": 0}
    lock = threading.Lock()
    start = time.monotonic()
    deadline = start + seconds

    def worker():
        while time.monotonic() < deadline:
            try:
                service.fetch_market_by_epic("CS.D.EURUSD.TODAY.IP")
                key = "completed"
            except ApiExceededException:
                key = "allowance_errors"
            except Exception:  # noqa: BLE001 - counted, the run goes on
                key = "other_errors"
            with lock:
                counts[key] += 1

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    counts["elapsed"] = time.monotonic() - start
    print(json.dumps(counts), flush=True)
    # trading-ig's limiter threads are non-daemon; logout stops them so the interpreter can exit.
    service.logout()


if __name__ == "__main__":
    main()
