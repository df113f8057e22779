#!/usr/bin/env python3
"""Interop proof, part two: trading-ig 0.0.25's markets (v1/v2, navigation), sentiment, watchlists, client
applications and repeat-dealing methods against the IG simulator, unchanged.

Usage: trading_ig_rest_more.py [SIMULATOR_BASE_URL]   (or set IG_SIM_URL)

Conventions as in trading_ig_rest.py: ``PASS name`` / ``FAIL name: reason`` per check, then ``N passed, M failed``;
non-zero exit status when anything failed. ``disable_client_app_key`` disables the key for the whole simulator, so it
runs against a throw-away simulator started from ``IG_SIMULATOR_BINARY`` (set by run.sh); without it that check is
not run.
"""

import os
import subprocess
import sys
import time

import pandas as pd
import trading_ig.rest as ig_rest

from interop_checks import simulator_service
from trading_ig_rest import Checks, expect

SPREAD_BET_ACCOUNT = "ZSB01"


def main():
    base, service = simulator_service("trading_ig_rest_more.py")
    if not base:
        return 2
    api_key = os.environ.get("IG_SIM_API_KEY", "demo-api-key")
    ig = service()
    ig.create_session(version="2")
    raw = service(return_dataframe=False, return_munch=False)
    raw.create_session(version="2")
    checks = Checks()

    # --- markets ---------------------------------------------------------------------------------------------

    def search_v2():
        frame = ig.search_markets_v2("IX.D.SPTRD.MONTH1.IP,IX.D.FTSE.DAILY.IP")
        expect(isinstance(frame, pd.DataFrame) and len(frame) == 2, f"{len(frame)} rows")
        expect({"instrument", "dealingRules", "snapshot"} <= set(frame.columns), list(frame.columns))
        expect(frame.iloc[0]["instrument"]["epic"] == "IX.D.FTSE.DAILY.IP", "sorted by epic")

    def market_v1_fields():
        markets = raw.fetch_markets_by_epics("IX.D.FTSE.DAILY.IP", version="1")
        instrument = markets[0]["instrument"]
        expect("margin" in instrument and "marginFactor" not in instrument, "v1 instrument has margin")
        expect("name" in instrument["currencies"][0], "v1 currencies carry a name")
        expect("trailingStopsPreference" not in markets[0]["dealingRules"], "v1 rules lack trailingStopsPreference")

    def navigation_root():
        data = ig.fetch_top_level_navigation_nodes()
        nodes = data["nodes"]
        expect(isinstance(nodes, pd.DataFrame) and {"id", "name"} <= set(nodes.columns), "nodes DataFrame")
        expect("195235" in set(nodes["id"]) and "Forex" in set(nodes["name"]), list(nodes["name"]))
        expect(isinstance(data["markets"], pd.DataFrame) and len(data["markets"]) == 0, "no markets at the root")

    def navigation_walk():
        pending = list(ig.fetch_top_level_navigation_nodes()["nodes"]["id"])
        epics = set()
        visited = 0
        while pending:
            node = pending.pop()
            visited += 1
            data = ig.fetch_sub_nodes_by_node(node)
            if len(data["nodes"]):
                pending.extend(data["nodes"]["id"])
            if len(data["markets"]):
                expect({"epic", "otcTradeable", "bid", "offer"} <= set(data["markets"].columns), "market columns")
                epics.update(data["markets"]["epic"])
        expect(len(epics) >= 40, f"{len(epics)} markets under {visited} nodes")
        expect("IX.D.FTSE.DAILY.IP" in epics and "CS.D.BITCOIN.TODAY.IP" in epics, "known epics reachable")

    checks.run("search_markets_v2", search_v2)
    checks.run("fetch_markets_by_epics v1 shape", market_v1_fields)
    checks.run("fetch_top_level_navigation_nodes", navigation_root)
    checks.run("fetch_sub_nodes_by_node (whole tree)", navigation_walk)

    # --- client sentiment ------------------------------------------------------------------------------------

    def sentiment_one():
        data = ig.fetch_client_sentiment_by_instrument("FT100")
        long, short = data["longPositionPercentage"], data["shortPositionPercentage"]
        expect(isinstance(long, float) and isinstance(short, float), f"{long!r}, {short!r}")
        expect(long + short == 100.0, f"{long} + {short}")
        expect(data.marketId == "FT100", "munch attribute access")

    def sentiment_many():
        ids = ["US500", "FT100", "GC", "CL", "W", "GBPUSD", "USDJPY", "EURCHF", "BITCOIN", "FT100"]
        data = ig.fetch_client_sentiment_by_instrument(ids)
        sentiments = data["clientSentiments"]
        expect([item["marketId"] for item in sentiments] == ids, "ids in request order, duplicates kept")
        for item in sentiments:
            expect(item["longPositionPercentage"] + item["shortPositionPercentage"] == 100.0, item)

    def sentiment_related():
        frame = ig.fetch_related_client_sentiment_by_instrument("GBPUSD")
        expect(isinstance(frame, pd.DataFrame) and len(frame) >= 1, "related DataFrame")
        expect((frame["longPositionPercentage"] + frame["shortPositionPercentage"] == 100.0).all(), "sums")

    checks.run("fetch_client_sentiment_by_instrument(str)", sentiment_one)
    checks.run("fetch_client_sentiment_by_instrument(list)", sentiment_many)
    checks.run("fetch_related_client_sentiment_by_instrument", sentiment_related)

    # --- watchlists -----------------------------------------------------------------------------------------

    state = {}

    def watchlists_all():
        frame = ig.fetch_all_watchlists()
        expect(isinstance(frame, pd.DataFrame), "DataFrame")
        expect({"id", "name", "editable", "deleteable", "defaultSystemWatchlist"} <= set(frame.columns), "columns")
        default = frame[frame["defaultSystemWatchlist"]]
        expect(len(default) == 1 and default.iloc[0]["id"] == "Popular Markets", "Popular Markets")

    def watchlist_popular_markets():
        frame = ig.fetch_watchlist_markets("Popular Markets")
        expect(len(frame) >= 1 and "epic" in frame.columns, "markets of the system watchlist")

    def watchlist_create():
        data = ig.create_watchlist("test_interop", ["IX.D.FTSE.DAILY.IP", "CS.D.EURUSD.TODAY.IP"])
        expect(data["status"] == "SUCCESS", data)
        state["id"] = data["watchlistId"]
        expect(set(ig.fetch_watchlist_markets(state["id"])["epic"]) == {"IX.D.FTSE.DAILY.IP", "CS.D.EURUSD.TODAY.IP"},
               "created with epics")

    def watchlist_add_remove():
        expect("id" in state, "no watchlist")
        expect(ig.add_market_to_watchlist(state["id"], "CS.D.USCGC.TODAY.IP")["status"] == "SUCCESS", "add")
        expect(ig.remove_market_from_watchlist(state["id"], "IX.D.FTSE.DAILY.IP")["status"] == "SUCCESS", "remove")
        epics = set(ig.fetch_watchlist_markets(state["id"])["epic"])
        expect(epics == {"CS.D.EURUSD.TODAY.IP", "CS.D.USCGC.TODAY.IP"}, epics)

    def watchlist_delete():
        expect("id" in state, "no watchlist")
        expect(ig.delete_watchlist(state["id"])["status"] == "SUCCESS", "delete")
        frame = ig.fetch_all_watchlists()
        expect(state["id"] not in set(frame["id"]), "still listed")
        try:
            ig.delete_watchlist("Popular Markets")
        except Exception as error:  # noqa: BLE001
            expect("cannot-delete-watchlist" in str(error), str(error))
        else:
            raise AssertionError("system watchlist deleted")

    checks.run("fetch_all_watchlists", watchlists_all)
    checks.run('fetch_watchlist_markets("Popular Markets")', watchlist_popular_markets)
    checks.run("create_watchlist with epics", watchlist_create)
    checks.run("add_market_to_watchlist / remove_market_from_watchlist", watchlist_add_remove)
    checks.run("delete_watchlist (and the system one refused)", watchlist_delete)

    # --- operations and repeat dealing ------------------------------------------------------------------------

    def client_apps():
        apps = ig.get_client_apps()
        mine = [app for app in apps if app["apiKey"] == api_key]
        expect(len(mine) == 1, apps)
        for key in ("allowanceAccountTrading", "allowanceAccountOverall", "allowanceApplicationOverall"):
            expect(isinstance(mine[0][key], int), key)
        state["app"] = mine[0]

    def update_app():
        app = state.get("app") or ig.get_client_apps()[0]
        data = ig.update_client_app(
            app["allowanceAccountOverall"], app["allowanceAccountTrading"], api_key, "ENABLED")
        expect(data["apiKey"] == api_key and data["status"] == "ENABLED", data)
        expect(data["allowanceAccountOverall"] == app["allowanceAccountOverall"], data)

    def repeat_window():
        data = raw.fetch_repeat_dealing_window()
        expect(data["accountId"] == SPREAD_BET_ACCOUNT, data)
        expect(isinstance(data["repeatDealingEntryList"], list), data)
        filtered = raw.fetch_repeat_dealing_window(epic="IX.D.FTSE.DAILY.IP")
        expect(all(entry["instrumentValue"] == "IX.D.FTSE.DAILY.IP" for entry in filtered["repeatDealingEntryList"]),
               filtered)

    checks.run("get_client_apps", client_apps)
    checks.run("update_client_app (same allowances)", update_app)
    checks.run("fetch_repeat_dealing_window (all, by epic)", repeat_window)

    binary = os.environ.get("IG_SIMULATOR_BINARY")
    if binary:
        def disable_key():
            process = subprocess.Popen(
                [binary, "--port", "0", "--allowances", "unlimited"], stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True)
            try:
                url = ""
                deadline = time.time() + 30
                while not url and time.time() < deadline:
                    line = process.stdout.readline()
                    if line.startswith("IG simulator listening on "):
                        url = line.split("listening on ", 1)[1].strip()
                expect(url, "throw-away simulator did not start")
                ig_rest.D_BASE_URL["demo"] = url + "/gateway/deal"
                other = service()
                other.create_session(version="2")
                data = other.disable_client_app_key()
                expect(data["status"] == "DISABLED", data)
                try:
                    other.fetch_accounts()
                except Exception as error:  # noqa: BLE001
                    expect("api-key-disabled" in str(error), str(error))
                else:
                    raise AssertionError("disabled key still accepted")
            finally:
                ig_rest.D_BASE_URL["demo"] = base + "/gateway/deal"
                process.terminate()
                process.wait(timeout=10)

        checks.run("disable_client_app_key (throw-away simulator)", disable_key)
    else:
        print("note: IG_SIMULATOR_BINARY not set; disable_client_app_key not run", flush=True)

    print(f"{checks.passed} passed, {checks.failed} failed", flush=True)
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
