#!/usr/bin/env python3
"""Backtest proof: a moving-average crossover written against IG's API with the unchanged trading-ig 0.0.25 (REST)
and lightstreamer-client-lib 1.0.3 (IGStreamService), run against a stepped simulator that replays recorded MINUTE
bars (``ig simulator --prices store --store PATH --clock TIME --stepped``).

Usage: backtest_crossover.py SIMULATOR_BASE_URL EPIC UNTIL [FAST SLOW]

The strategy subscribes to ``CHART:EPIC:1MINUTE``; after each minute it moves the clock
(``POST /simulator/clock {"step": 60}``), whose answer says how many updates the step produced, waits for exactly
those, and trades on the closed candle: long when the fast average of bid closes is above the slow one, short when
below (one contract, flipped with ``force_open=False``). Closes are kept as the exact decimals the stream sends and
the averages compared exactly, so an exact tie reads as "not above" every time, as in the Swift sample; with floats
rounding would decide ties. Minutes without a candle (a weekend, a gap, the time before the recording) bring no
update and no trade. It stops at UNTIL (ISO 8601) and prints one line per deal
and a final ``RESULT`` line with the trades and P&L of ``GET /simulator/report``: two runs must print the same.
"""

import json
import logging
import os
import sys
import threading
import urllib.request
from datetime import datetime, timezone
from decimal import Decimal

import trading_ig.rest as ig_rest
from lightstreamer.client import Subscription, SubscriptionListener
from trading_ig import IGService, IGStreamService


class Candles(SubscriptionListener):
    """Counts updates and keeps the latest candle values by start time (UTM)."""

    def __init__(self):
        self.condition = threading.Condition()
        self.count = 0
        self.by_start = {}

    def onItemUpdate(self, update):
        with self.condition:
            utm = update.getValue("UTM")
            close = update.getValue("BID_CLOSE")
            if utm and close:
                self.by_start[int(utm)] = Decimal(close)
            self.count += 1
            self.condition.notify_all()

    def wait_for(self, count):
        with self.condition:
            if not self.condition.wait_for(lambda: self.count >= count, timeout=30):
                raise RuntimeError(f"expected {count} updates, got {self.count}")


def control(base, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method="POST" if body is not None else "GET")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    base, epic, until = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    fast = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    slow = int(sys.argv[5]) if len(sys.argv) > 5 else 30
    end_millis = int(datetime.fromisoformat(until.replace("Z", "+00:00")).timestamp() * 1000)
    logging.basicConfig(level=logging.CRITICAL)
    ig_rest.D_BASE_URL["demo"] = base + "/gateway/deal"
    service = IGService(
        os.environ.get("IG_SIM_USER", "demo-user"), os.environ.get("IG_SIM_PASSWORD", "demo-password"),
        os.environ.get("IG_SIM_API_KEY", "demo-api-key"), acc_type="demo")
    stream = IGStreamService(service)
    stream.create_session(version="2")
    candles = Candles()
    subscription = Subscription(
        mode="MERGE", items=[f"CHART:{epic}:1MINUTE"], fields=["UTM", "BID_CLOSE", "CONS_END"])
    subscription.addListener(candles)
    stream.ls_client.subscribe(subscription)

    candles.wait_for(1)  # the snapshot: connected before the clock moves
    closes, position, deals, steps, used = [], 0, 0, 0, set()
    clock = control(base, "/simulator/clock")
    last_rest = clock["epochMillis"]
    while clock["epochMillis"] < end_millis:
        seen = candles.count
        clock = control(base, "/simulator/clock", {"step": 60})
        steps += 1
        candles.wait_for(seen + clock["updates"])
        closed = clock["epochMillis"] - 60_000
        with candles.condition:
            close = candles.by_start.get(closed)
        if close is None or closed in used:
            continue
        used.add(closed)
        closes.append(close)
        if len(closes) < slow:
            continue
        # fast average > slow average, compared without division: sum_fast / fast > sum_slow / slow.
        wanted = 1 if sum(closes[-fast:]) * slow > sum(closes[-slow:]) * fast else -1
        if wanted == position:
            continue
        if clock["epochMillis"] - last_rest > 5 * 3600 * 1000:
            # IG ends a CST/XST session after 6 idle hours (and the simulator's clock moves them): log in again.
            service.create_session()
        last_rest = clock["epochMillis"]
        confirm = service.create_open_position(
            currency_code="GBP", direction="BUY" if wanted > 0 else "SELL", epic=epic, expiry="DFB",
            force_open=False, guaranteed_stop=False, level=None, limit_distance=None, limit_level=None,
            order_type="MARKET", quote_id=None, size=1 if position == 0 else 2, stop_distance=None,
            stop_level=None, trailing_stop=False, trailing_stop_increment=None)
        if confirm["dealStatus"] != "ACCEPTED":
            print(f"rejected at {closed}: {confirm['reason']}")
            continue
        position = wanted
        deals += 1
        when = datetime.fromtimestamp(closed / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M")
        print(f"deal {deals}: {'BUY' if wanted > 0 else 'SELL'} at {confirm['level']} ({when})")
    stream.disconnect()
    report = control(base, "/simulator/report")
    print(
        f"RESULT steps={steps} candles={len(closes)} deals={deals} trades={len(report['trades'])} "
        f"tradingPnL={report['tradingProfitLoss']} funding={report['fundingFees']} "
        f"openPnL={report['openProfitLoss']} net={report['netProfitLoss']} maxDrawdown={report['maximumDrawdown']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
