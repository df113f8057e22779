"""Shared checks for the streaming interop scripts (official Lightstreamer Python clients vs the IG simulator).

Both ``lightstreamer_trading_ig.py`` (trading-ig 0.0.25 / lightstreamer-client-lib 1.0.3, TLCP-2.4.0) and
``lightstreamer_ls22.py`` (lightstreamer-client-lib 2.2.x, TLCP-2.5.0) call :func:`run_checks` with a connected
``LightstreamerClient`` factory. Only the standard library and the Lightstreamer client are used here.
"""

import json
import os
import threading
import time
import traceback
import urllib.error
import urllib.request

from lightstreamer.client import ClientListener, Subscription, SubscriptionListener

SPREAD_BET_ACCOUNT = "ZSB01"
CRYPTO = "CS.D.BITCOIN.TODAY.IP"
FX = "CS.D.EURUSD.TODAY.IP"


from interop_checks import Checks, expect  # noqa: E402,F401 - shared by every interop script


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Simulator:
    """REST helpers: login (CST/XST), dealing, admin controls."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cst = None
        self.xst = None

    def request(self, method, path, body=None, headers=None, version=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json")
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        if version:
            request.add_header("Version", str(version))
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                text = response.read()
                return response.status, dict(response.headers), json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            text = error.read()
            try:
                return error.code, dict(error.headers), json.loads(text) if text else None
            except ValueError:
                return error.code, dict(error.headers), None

    def login(self):
        status, headers, body = self.request(
            "POST",
            "/gateway/deal/session",
            {"identifier": os.environ.get("IG_SIM_USER", "demo-user"),
             "password": os.environ.get("IG_SIM_PASSWORD", "demo-password")},
            headers={"X-IG-API-KEY": os.environ.get("IG_SIM_API_KEY", "demo-api-key")},
            version=2,
        )
        expect(status == 200, f"login answered {status}")
        self.cst = headers.get("CST")
        self.xst = headers.get("X-SECURITY-TOKEN")
        return body

    def authenticated(self, method, path, body=None, version=None):
        headers = {
            "X-IG-API-KEY": os.environ.get("IG_SIM_API_KEY", "demo-api-key"),
            "CST": self.cst,
            "X-SECURITY-TOKEN": self.xst,
        }
        return self.request(method, "/gateway/deal" + path, body, headers=headers, version=version)

    def admin(self, path, body=None):
        status, _, answer = self.request("POST", "/simulator/streaming/" + path, body or {})
        expect(status == 200, f"admin {path} answered {status}")
        return answer


class Recorder(SubscriptionListener):
    """Collects what a subscription receives."""

    def __init__(self, fields):
        self.fields = fields
        self.updates = []
        self.subscribed = threading.Event()
        self.subscriptions = 0
        self.unsubscriptions = 0
        self.errors = []
        self.end_of_snapshot = []
        self.lock = threading.Lock()

    def onSubscription(self):
        self.subscriptions += 1
        self.subscribed.set()

    def onUnsubscription(self):
        self.unsubscriptions += 1

    def onSubscriptionError(self, code, message):
        self.errors.append((code, message))

    def onEndOfSnapshot(self, item_name, item_pos):
        self.end_of_snapshot.append(item_name)

    def onItemUpdate(self, update):
        values = {field: update.getValue(field) for field in self.fields}
        changed = dict(update.getChangedFields())
        with self.lock:
            self.updates.append((update.getItemName(), update.isSnapshot(), values, changed))

    def count(self):
        with self.lock:
            return len(self.updates)

    def snapshot_of_updates(self):
        with self.lock:
            return list(self.updates)


class StatusRecorder(ClientListener):
    def __init__(self):
        self.statuses = []
        self.server_errors = []

    def onStatusChange(self, status):
        self.statuses.append((time.monotonic(), status))

    def onServerError(self, code, message):
        self.server_errors.append((code, message))

    def current(self):
        return self.statuses[-1][1] if self.statuses else None


def subscribe(client, mode, items, fields, adapter=None, snapshot=True):
    subscription = Subscription(mode=mode, items=items, fields=fields)
    if adapter:
        subscription.setDataAdapter(adapter)
    if snapshot:
        subscription.setRequestedSnapshot("yes")
    recorder = Recorder(fields)
    subscription.addListener(recorder)
    client.subscribe(subscription)
    return subscription, recorder


def number(text):
    return float(text)


def run_checks(checks, simulator, make_client, account_user, expected_protocol):
    """Runs every streaming check. ``make_client(password, user)`` returns a connected client with a status
    recorder attached (as ``client.status_recorder``)."""
    state = {}

    def connect():
        client = make_client(f"CST-{simulator.cst}|XST-{simulator.xst}", account_user)
        wait_for(lambda: client.status_recorder.current() == "CONNECTED:WS-STREAMING", 15, "CONNECTED:WS-STREAMING")
        state["client"] = client

    checks.run(f"connect over WebSocket ({expected_protocol}), status CONNECTED:WS-STREAMING", connect)
    client = state.get("client")
    if client is None:
        return

    price_fields = ["TIMESTAMP", "BIDPRICE1", "ASKPRICE1", "NET_CHG", "DLG_FLAG", "HIGH", "LOW", "MID_OPEN"]
    price_items = [f"PRICE:{SPREAD_BET_ACCOUNT}:{CRYPTO}", f"PRICE:{SPREAD_BET_ACCOUNT}:{FX}"]
    _, price = subscribe(client, "MERGE", price_items, price_fields, adapter="Pricing")
    market_fields = ["BID", "OFFER", "HIGH", "LOW", "MID_OPEN", "CHANGE", "CHANGE_PCT", "UPDATE_TIME",
                     "MARKET_DELAY", "MARKET_STATE"]
    _, market = subscribe(client, "MERGE", [f"MARKET:{CRYPTO}"], market_fields)
    tick_fields = ["BID", "OFR", "LTP", "LTV", "TTV", "UTM", "DAY_OPEN_MID", "DAY_NET_CHG_MID", "DAY_PERC_CHG_MID",
                   "DAY_HIGH", "DAY_LOW"]
    _, tick = subscribe(client, "DISTINCT", [f"CHART:{CRYPTO}:TICK"], tick_fields)
    candle_fields = ["BID_OPEN", "BID_HIGH", "BID_LOW", "BID_CLOSE", "OFR_OPEN", "OFR_HIGH", "OFR_LOW", "OFR_CLOSE",
                     "LTP_OPEN", "LTV", "TTV", "UTM", "DAY_OPEN_MID", "DAY_HIGH", "DAY_LOW", "CONS_END",
                     "CONS_TICK_COUNT"]
    _, candle = subscribe(client, "MERGE", [f"CHART:{CRYPTO}:SECOND", f"CHART:{CRYPTO}:1MINUTE"], candle_fields)
    account_fields = ["PNL", "DEPOSIT", "AVAILABLE_CASH", "PNL_LR", "PNL_NLR", "FUNDS", "MARGIN", "MARGIN_LR",
                      "MARGIN_NLR", "AVAILABLE_TO_DEAL", "EQUITY", "EQUITY_USED"]
    _, account = subscribe(client, "MERGE", [f"ACCOUNT:{SPREAD_BET_ACCOUNT}"], account_fields)
    trade_fields = ["CONFIRMS", "OPU", "WOU"]
    _, trade = subscribe(client, "DISTINCT", [f"TRADE:{SPREAD_BET_ACCOUNT}"], trade_fields)

    def price_updates():
        wait_for(lambda: price.subscribed.is_set(), 10, "PRICE onSubscription")
        wait_for(lambda: price.count() >= 6, 15, "6 PRICE updates")
        updates = price.snapshot_of_updates()
        firsts = {}
        for item, snapshot, values, _ in updates:
            firsts.setdefault(item, (snapshot, values))
        expect(set(firsts) == set(price_items), f"updates for {sorted(firsts)}")
        for item, (snapshot, values) in firsts.items():
            expect(snapshot, f"first update of {item} is not the snapshot")
            expect(number(values["ASKPRICE1"]) > number(values["BIDPRICE1"]) > 0, f"bid/ask {values}")
            expect(int(values["TIMESTAMP"]) > 1_600_000_000_000, f"TIMESTAMP {values['TIMESTAMP']}")
            expect(values["DLG_FLAG"] in ("DEAL", "CLOSED"), f"DLG_FLAG {values['DLG_FLAG']}")
        expect(not price.errors, f"errors {price.errors}")

    checks.run("PRICE:{account}:{epic} (MERGE, adapter Pricing): snapshot then live updates", price_updates)

    def market_updates():
        wait_for(lambda: market.count() >= 3, 15, "3 MARKET updates")
        _, snapshot, values, _ = market.snapshot_of_updates()[0]
        expect(snapshot, "first MARKET update is not the snapshot")
        expect(number(values["OFFER"]) > number(values["BID"]), f"values {values}")
        expect(values["MARKET_STATE"] == "TRADEABLE", f"MARKET_STATE {values['MARKET_STATE']}")
        expect(len(values["UPDATE_TIME"]) == 8, f"UPDATE_TIME {values['UPDATE_TIME']}")

    checks.run("MARKET:{epic} (MERGE, legacy): snapshot then live updates", market_updates)

    def tick_updates():
        wait_for(lambda: tick.count() >= 4, 15, "4 CHART TICK updates")
        wait_for(lambda: tick.end_of_snapshot, 5, "end of snapshot")
        updates = tick.snapshot_of_updates()
        expect(not updates[-1][1], "live TICK updates still flagged as snapshot (missing EOS)")
        values = updates[-1][2]
        expect(number(values["OFR"]) > number(values["BID"]), f"values {values}")
        expect(values["LTP"] is None, f"LTP {values['LTP']}")
        utms = [int(update[2]["UTM"]) for update in updates]
        expect(utms == sorted(utms), f"UTM not increasing {utms}")

    checks.run("CHART:{epic}:TICK (DISTINCT): snapshot, EOS, live ticks", tick_updates)

    def candle_updates():
        wait_for(lambda: candle.count() >= 6, 15, "6 candle updates")
        updates = candle.snapshot_of_updates()
        items = {update[0] for update in updates}
        expect(items == {f"CHART:{CRYPTO}:SECOND", f"CHART:{CRYPTO}:1MINUTE"}, f"items {items}")
        for _, _, values, _ in updates:
            expect(number(values["BID_LOW"]) <= number(values["BID_CLOSE"]) <= number(values["BID_HIGH"]),
                   f"candle {values}")
            expect(values["CONS_END"] in ("0", "1"), f"CONS_END {values['CONS_END']}")
        wait_for(lambda: any(u[2]["CONS_END"] == "1" for u in candle.snapshot_of_updates()), 5,
                 "a completed SECOND candle (CONS_END=1)")

    checks.run("CHART:{epic}:SECOND and 1MINUTE candles (MERGE): CONS_END, OHLC", candle_updates)

    def account_updates():
        wait_for(lambda: account.count() >= 1, 10, "ACCOUNT snapshot")
        _, snapshot, values, _ = account.snapshot_of_updates()[0]
        expect(snapshot, "first ACCOUNT update is not the snapshot")
        expect(number(values["FUNDS"]) > 0 and number(values["AVAILABLE_TO_DEAL"]) > 0, f"values {values}")
        expect(all(values[field] is not None for field in account_fields), f"null field in {values}")

    checks.run("ACCOUNT:{accountId} (MERGE): every field", account_updates)

    def trade_updates():
        wait_for(lambda: trade.subscribed.is_set(), 10, "TRADE onSubscription")
        wait_for(lambda: trade.end_of_snapshot, 5, "TRADE end of snapshot")
        status, _, body = simulator.authenticated(
            "POST", "/positions/otc",
            {"epic": CRYPTO, "expiry": "DFB", "direction": "BUY", "size": 0.1, "orderType": "MARKET",
             "currencyCode": "GBP", "forceOpen": True, "guaranteedStop": False},
            version=2,
        )
        if status in (404, 405):
            # Dealing routes not available in this build: publish what they would through the admin route.
            reference = "INTEROPREF1"
            simulator.admin("trade", {"accountId": SPREAD_BET_ACCOUNT, "confirms": {
                "dealReference": reference, "dealId": "DIAAAAINTEROP1", "dealStatus": "ACCEPTED", "status": "OPEN",
                "epic": CRYPTO, "direction": "BUY", "size": 0.1, "level": 1, "affectedDeals": []}})
            simulator.admin("trade", {"accountId": SPREAD_BET_ACCOUNT, "opu": {
                "dealReference": reference, "dealId": "DIAAAAINTEROP1", "status": "OPEN", "dealStatus": "ACCEPTED",
                "epic": CRYPTO, "direction": "BUY", "size": 0.1, "level": 1}})
        else:
            expect(status == 200, f"POST /positions/otc answered {status} {body}")
            reference = body["dealReference"]
            _, _, confirm = simulator.authenticated("GET", "/confirms/" + reference)
            expect(confirm and confirm.get("dealStatus") == "ACCEPTED", f"deal not accepted: {confirm}")
        wait_for(lambda: any(u[3].get("CONFIRMS") for u in trade.snapshot_of_updates()), 10, "CONFIRMS")
        wait_for(lambda: any(u[3].get("OPU") for u in trade.snapshot_of_updates()), 10, "OPU")
        confirms = [json.loads(u[3]["CONFIRMS"]) for u in trade.snapshot_of_updates() if u[3].get("CONFIRMS")]
        expect(any(c.get("dealReference") == reference for c in confirms), f"confirms {confirms}")
        opu = [json.loads(u[3]["OPU"]) for u in trade.snapshot_of_updates() if u[3].get("OPU")]
        expect(opu and opu[-1].get("epic") == CRYPTO, f"OPU {opu}")

    checks.run("TRADE:{accountId} (DISTINCT): CONFIRMS and OPU after a deal", trade_updates)

    def trade_admin_event():
        before = trade.count()
        payload = {"dealReference": "WOUREF|1%", "dealId": "DIAAAAWOU1", "status": "OPEN", "dealStatus": "ACCEPTED",
                   "epic": FX, "direction": "SELL", "size": 1, "level": 1.1, "orderType": "LIMIT"}
        simulator.admin("trade", {"accountId": SPREAD_BET_ACCOUNT, "wou": payload})
        wait_for(lambda: trade.count() > before, 10, "WOU update")
        _, snapshot, values, changed = trade.snapshot_of_updates()[-1]
        expect(not snapshot, "WOU flagged as snapshot")
        expect(set(changed) == {"WOU"}, f"changed fields {sorted(changed)} (only WOU must change)")
        expect(json.loads(values["WOU"]) == payload, f"WOU payload {values['WOU']} (pipe/percent encoding)")

    checks.run("TRADE:{accountId}: WOU event, only the changed field, encoded | and %", trade_admin_event)

    def survives_loop():
        before = price.count()
        simulator.admin("loop")
        wait_for(lambda: price.count() >= before + 4, 15, "updates after LOOP")
        expect(price.unsubscriptions == 0, "subscription lost on LOOP")
        expect(client.status_recorder.current() == "CONNECTED:WS-STREAMING", f"status {client.status_recorder.current()}")

    checks.run("LOOP: client rebinds, subscriptions kept", survives_loop)

    def survives_stall():
        before = price.count()
        start = len(client.status_recorder.statuses)
        simulator.admin("stall", {"seconds": 30})
        wait_for(lambda: any(s == "DISCONNECTED:TRYING-RECOVERY" for _, s in client.status_recorder.statuses[start:]),
                 20, "DISCONNECTED:TRYING-RECOVERY")
        simulator.admin("resume")
        wait_for(lambda: price.count() >= before + 4, 30, "updates after recovery")
        wait_for(lambda: client.status_recorder.current() == "CONNECTED:WS-STREAMING", 30, "CONNECTED again")
        expect(price.unsubscriptions == 0, "subscription lost: recovery did not resume the session")

    checks.run("stall (no PROBE): client recovers the same session with LS_recovery_from", survives_stall)

    def survives_end48():
        before = price.count()
        subscriptions_before = price.subscriptions
        simulator.admin("end", {"code": 48})
        wait_for(lambda: price.subscriptions > subscriptions_before, 20, "re-subscription on a new session")
        wait_for(lambda: price.count() >= before + 2, 15, "updates on the new session")

    checks.run("END,48 (maximum duration): client opens a new session and re-subscribes", survives_end48)

    def http_streaming():
        other = make_client(f"CST-{simulator.cst}|XST-{simulator.xst}", account_user, transport="HTTP-STREAMING")
        try:
            wait_for(lambda: other.status_recorder.current() == "CONNECTED:HTTP-STREAMING", 15,
                     "CONNECTED:HTTP-STREAMING")
            _, recorder = subscribe(other, "MERGE", [f"PRICE:{SPREAD_BET_ACCOUNT}:{CRYPTO}"], price_fields,
                                    adapter="Pricing")
            wait_for(lambda: recorder.count() >= 3, 15, "PRICE updates over HTTP streaming")
        finally:
            other.disconnect()

    checks.run("forced HTTP-STREAMING transport: create_session.txt, bind_session.txt, control.txt", http_streaming)

    def bad_credentials():
        other = make_client("CST-wrong|XST-wrong", account_user)
        try:
            wait_for(lambda: other.status_recorder.server_errors, 15, "onServerError")
            code = other.status_recorder.server_errors[0][0]
            expect(code == 1, f"server error {other.status_recorder.server_errors[0]}")
            time.sleep(1)
            expect(other.status_recorder.current() == "DISCONNECTED", f"status {other.status_recorder.current()}")
        finally:
            other.disconnect()

    checks.run("bad CST/XST: CONERR,1, client stops (no retry loop)", bad_credentials)

    client.disconnect()
