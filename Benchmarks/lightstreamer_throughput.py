#!/usr/bin/env python3
"""End-to-end throughput of the official Lightstreamer Python client (lightstreamer-client-lib 2.2.x) consuming PRICE
items from the IG simulator, the Python side of ``ig-bench streaming --url``.

Usage: lightstreamer_throughput.py SIMULATOR_URL [--subscriptions N] [--duration D] [--warmup W] [--transport T]
                                   [--read-values]

Logs in over REST (CST/XST), opens one LightstreamerClient (its default transport choice: WebSocket streaming),
subscribes N MERGE subscriptions of one ``PRICE:{account}:{epic}`` item each (adapter ``Pricing``, snapshot, the same
10 fields and the same 10 markets in the same order as ig-bench), waits until every subscription has had its first
update plus W seconds, then counts ``onItemUpdate`` calls for D seconds. By default the listener only counts (the least
work a consumer can do); ``--read-values`` also reads every field's value (``getFields()``, one call) as a consumer
would. The updates the server sent in
the same window come from the simulator's ``/simulator/streaming/sessions`` route; the CPU time is this process's
(every thread). Prints a summary and a ``RESULT`` line. A benchmark: it asserts nothing about speed.
"""

import argparse
import json
import logging
import os
import resource
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Interop"))

from lightstreamer.client import ClientListener, LightstreamerClient, Subscription, SubscriptionListener  # noqa: E402

import lightstreamer_common as common  # noqa: E402

MARKETS = [
    "CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP", "CS.D.USCGC.TODAY.IP", "CS.D.BITCOIN.TODAY.IP",
    "IX.D.FTSE.DAILY.IP", "IX.D.DAX.DAILY.IP", "CS.D.EURUSD.MINI.IP", "CS.D.GBPUSD.MINI.IP",
    "IX.D.FTSE.IFM.IP", "IX.D.ASX.IFM.IP",
]
FIELDS = ["BIDPRICE1", "ASKPRICE1", "BIDSIZE1", "ASKSIZE1", "HIGH", "LOW", "MID_OPEN", "NET_CHG", "TIMESTAMP",
          "DLG_FLAG"]


class Counter(SubscriptionListener):
    """Counts item updates (optionally reading every field); notes the first one."""

    def __init__(self, ready, read_values):
        self.updates = 0
        self.ready = ready
        self.read_values = read_values

    def onItemUpdate(self, update):
        if self.read_values:
            update.getFields()  # every field's value in one call, the cheapest full read
        self.updates += 1
        if self.updates == 1:
            self.ready.release()


class Status(ClientListener):
    def __init__(self):
        self.current = None
        self.connected = threading.Event()

    def onStatusChange(self, status):
        self.current = status
        if status.startswith("CONNECTED:") and status.endswith("STREAMING"):
            self.connected.set()


def server_data_notifications(base):
    """Data notifications produced so far by each Lightstreamer session of the simulator."""
    try:
        with urllib.request.urlopen(base.rstrip("/") + "/simulator/streaming/sessions", timeout=10) as response:
            sessions = json.loads(response.read())["sessions"]
        return {session["id"]: session["dataNotifications"] for session in sessions}
    except OSError:
        return None


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--subscriptions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=1)
    parser.add_argument("--transport", default=None, help="forced transport, e.g. WS-STREAMING or HTTP-STREAMING")
    parser.add_argument("--read-values", action="store_true")
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)

    simulator = common.Simulator(arguments.url)
    session = simulator.login()
    account = session["currentAccountId"]
    client = LightstreamerClient(session["lightstreamerEndpoint"], None)
    client.connectionDetails.setUser(account)
    client.connectionDetails.setPassword(f"CST-{simulator.cst}|XST-{simulator.xst}")
    if arguments.transport:
        client.connectionOptions.setForcedTransport(arguments.transport)
    status = Status()
    client.addListener(status)

    ready = threading.Semaphore(0)
    counters = []
    for index in range(arguments.subscriptions):
        subscription = Subscription(
            mode="MERGE", items=[f"PRICE:{account}:{MARKETS[index % len(MARKETS)]}"], fields=FIELDS)
        subscription.setDataAdapter("Pricing")
        subscription.setRequestedSnapshot("yes")
        counter = Counter(ready, arguments.read_values)
        subscription.addListener(counter)
        client.subscribe(subscription)
        counters.append(counter)
    client.connect()
    if not status.connected.wait(30):
        print(f"not connected after 30 s (status {status.current})", file=sys.stderr)
        os._exit(1)
    for _ in counters:
        if not ready.acquire(timeout=60):
            print("a subscription had no update in 60 s", file=sys.stderr)
            os._exit(1)
    time.sleep(arguments.warmup)

    sent_before = server_data_notifications(arguments.url)
    cpu_before = cpu_seconds()
    count_before = sum(counter.updates for counter in counters)
    start = time.monotonic()
    time.sleep(arguments.duration)
    count_after = sum(counter.updates for counter in counters)
    elapsed = time.monotonic() - start
    cpu = cpu_seconds() - cpu_before
    sent_after = server_data_notifications(arguments.url)
    transport = (status.current or "?").removeprefix("CONNECTED:")

    updates = count_after - count_before
    sent = -1
    if sent_before is not None and sent_after is not None:
        sent = sum(value - sent_before.get(key, 0) for key, value in sent_after.items())
    rate = updates / elapsed
    listener = "reading every field" if arguments.read_values else "counting only"
    print(f"python lightstreamer-client-lib ({transport}, {arguments.subscriptions} PRICE subscriptions, "
          f"listener {listener}): {updates} updates in {elapsed:.1f} s = {rate:.0f} updates/s")
    line = (f"python: client process CPU {cpu:.2f} s ({100 * cpu / elapsed:.0f} % of one core) = "
            f"{updates / cpu if cpu else float('nan'):.0f} updates per CPU-second")
    if sent >= 0:
        line += f"; server sent {sent} data notifications ({sent / elapsed:.0f}/s), " \
                f"{100 * updates / max(1, sent):.1f} % consumed"
    print(line)
    rss = peak_rss_mb()
    print(f"python: peak RSS (VmHWM) {rss:.1f} MB")
    print(f"RESULT client=python transport={transport} subscriptions={arguments.subscriptions} updates={updates} "
          f"seconds={elapsed:.3f} rate={rate:.1f} sent={sent} cpu={cpu:.3f} rss_mb={rss:.1f}", flush=True)
    client.disconnect()
    time.sleep(0.5)
    os._exit(0)


if __name__ == "__main__":
    main()
