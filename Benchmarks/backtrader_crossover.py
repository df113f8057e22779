#!/usr/bin/env python3
"""For scale beside `ig-bench backtest`: the sample's moving-average crossover in backtrader, in-process, on the
same MINUTE bid bars (a CSV written by ig-bench: datetime,open,high,low,close,volume).

Long one unit when the fast average of closes (10 bars) is above the slow one (30 bars), short when below, flipped
at once. Prints one RESULT line with the deals and the seconds spent in cerebro.run() (Python start and CSV load
excluded from that figure; the process time is measured by ig-bench).

Usage: backtrader_crossover.py BARS.csv [FAST SLOW]
"""

import sys
import time

import backtrader as bt


class Crossover(bt.Strategy):
    params = (("fast", 10), ("slow", 30))

    def __init__(self):
        self.closes = []
        self.position_sign = 0
        self.deals = 0

    def next(self):
        self.closes.append(self.data.close[0])
        if len(self.closes) < self.p.slow:
            return
        fast = sum(self.closes[-self.p.fast:]) / self.p.fast
        slow = sum(self.closes[-self.p.slow:]) / self.p.slow
        wanted = 1 if fast > slow else -1
        if wanted == self.position_sign:
            return
        self.order_target_size(target=wanted)
        self.position_sign = wanted
        self.deals += 1


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    fast = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    slow = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    cerebro = bt.Cerebro(stdstats=False)
    data = bt.feeds.GenericCSVData(
        dataname=sys.argv[1], dtformat="%Y-%m-%dT%H:%M:%SZ", timeframe=bt.TimeFrame.Minutes, compression=1,
        datetime=0, open=1, high=2, low=3, close=4, volume=5, openinterest=-1)
    cerebro.adddata(data)
    cerebro.addstrategy(Crossover, fast=fast, slow=slow)
    began = time.perf_counter()
    strategies = cerebro.run()
    seconds = time.perf_counter() - began
    strategy = strategies[0]
    print(f"RESULT backtrader bars={len(strategy.closes)} deals={strategy.deals} run_seconds={seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
