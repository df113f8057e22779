#!/usr/bin/env python3
"""Interop proof: the unchanged trading-ig 0.0.25 REST client against the IG simulator.

Usage: trading_ig_rest.py [SIMULATOR_BASE_URL]   (or set IG_SIM_URL), e.g. http://127.0.0.1:8470

trading-ig hard-codes IG's hosts in the module-level dict ``trading_ig.rest.D_BASE_URL``; this script points
its "demo" entry at ``<simulator>/gateway/deal`` before creating any ``IGService`` and otherwise calls the
library exactly as a user would. Each check prints ``PASS name`` or ``FAIL name: reason``; the last line is
``N passed, M failed`` and the exit status is non-zero when anything failed.
"""

import json
import logging
import os
import sys
import urllib.request
from datetime import datetime, timedelta, timezone

import pandas as pd
import trading_ig.rest as ig_rest
from trading_ig import IGService

SPREAD_BET_ACCOUNT = "ZSB01"
CFD_ACCOUNT = "ZCF02"


from interop_checks import Checks, expect  # noqa: E402,F401 - shared by every interop script


def main():
    base = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get("IG_SIM_URL", "")).rstrip("/")
    if not base:
        print("usage: trading_ig_rest.py SIMULATOR_BASE_URL (or set IG_SIM_URL)", file=sys.stderr)
        return 2
    ig_rest.D_BASE_URL["demo"] = base + "/gateway/deal"
    # trading-ig logs a warning when it meets an invalid token (the logout check provokes one); keep output clean.
    logging.getLogger("trading_ig").setLevel(logging.ERROR)
    user = os.environ.get("IG_SIM_USER", "demo-user")
    password = os.environ.get("IG_SIM_PASSWORD", "demo-password")
    api_key = os.environ.get("IG_SIM_API_KEY", "demo-api-key")

    def service(acc_number=None, **options):
        return IGService(user, password, api_key, acc_type="demo", acc_number=acc_number, **options)

    def admin(path):
        request = urllib.request.Request(base + path, data=b"{}", method="POST")
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    checks = Checks()
    state = {}

    # --- sessions -------------------------------------------------------------------------------------------

    def login_v1():
        ig = service()
        data = ig.create_session(version="1")
        expect("CST" in ig.session.headers and "X-SECURITY-TOKEN" in ig.session.headers, "no CST/XST headers")
        expect(data["currentAccountId"] == SPREAD_BET_ACCOUNT, f"currentAccountId {data['currentAccountId']}")
        expect(len(data["accounts"]) == 2, "expected two accounts")
        expect(data["lightstreamerEndpoint"].startswith("http://"), "lightstreamerEndpoint")
        expect(data["accountInfo"]["balance"] > 0, "balance")

    def login_v2():
        ig = service()
        data = ig.create_session(version="2")
        expect("CST" in ig.session.headers and "X-SECURITY-TOKEN" in ig.session.headers, "no CST/XST headers")
        expect(data["accountType"] == "SPREADBET", data["accountType"])
        state["v2"] = ig

    def login_v3():
        ig = service(acc_number=SPREAD_BET_ACCOUNT)
        data = ig.create_session(version="3")
        expect("Authorization" in ig.session.headers, "no Authorization header")
        expect("CST" not in ig.session.headers, "v3 login must not return CST")
        token = data["oauthToken"]
        expect(token["token_type"] == "Bearer" and token["expires_in"] == "60", token)
        expect(data["accountId"] == SPREAD_BET_ACCOUNT, data["accountId"])
        state["v3"] = ig

    def login_encrypted():
        ig = service()
        data = ig.create_session(encryption=True, version="2")
        expect("CST" in ig.session.headers, "no CST after encrypted login")
        expect(data["currentAccountId"] == SPREAD_BET_ACCOUNT, data["currentAccountId"])

    def login_bad_password():
        ig = IGService(user, "wrong-password", api_key, acc_type="demo")
        try:
            ig.create_session(version="2")
        except ig_rest.IGException as error:
            expect("error.security.invalid-details" in str(error), str(error))
        else:
            raise AssertionError("bad password accepted")

    def login_bad_api_key():
        ig = IGService(user, password, "not-the-key", acc_type="demo")
        try:
            ig.create_session(version="2")
        except ig_rest.IGException as error:
            expect("error.security.api-key-invalid" in str(error), str(error))
        else:
            raise AssertionError("bad API key accepted")

    checks.run("create_session v1", login_v1)
    checks.run("create_session v2", login_v2)
    checks.run("create_session v3 (acc_number)", login_v3)
    checks.run("create_session v2 encryption=True", login_encrypted)
    checks.run("create_session bad password -> IGException 401", login_bad_password)
    checks.run("create_session bad API key -> IGException 403", login_bad_api_key)

    def ig_v2():
        expect("v2" in state, "no v2 session")
        return state["v2"]

    def ig_v3():
        expect("v3" in state, "no v3 session")
        return state["v3"]

    def read_session_v2():
        data = ig_v2().read_session()
        expect(data["accountId"] == SPREAD_BET_ACCOUNT, data)
        expect(data["currency"] == "GBP" and data["locale"] == "en_GB", data)

    def read_session_v3():
        ig = ig_v3()
        data = ig.read_session()
        expect(data["accountId"] == SPREAD_BET_ACCOUNT, data)
        expect("CST" not in ig.session.headers, "plain read_session must not return CST")

    def read_session_tokens_v3():
        ig = ig_v3()
        ig.read_session(fetch_session_tokens="true")
        expect("CST" in ig.session.headers and "X-SECURITY-TOKEN" in ig.session.headers, "no tokens fetched")
        # Both credential sets are now sent; either must authenticate.
        expect(len(ig.fetch_accounts()) == 2, "accounts with both credential sets")

    def switch_account():
        ig = ig_v2()
        data = ig.switch_account(CFD_ACCOUNT, False)
        expect(set(data) >= {"trailingStopsEnabled", "dealingEnabled", "hasActiveDemoAccounts"}, data)
        expect(ig.read_session()["accountId"] == CFD_ACCOUNT, "not switched to CFD")
        ig.switch_account(SPREAD_BET_ACCOUNT, False)
        expect(ig.read_session()["accountId"] == SPREAD_BET_ACCOUNT, "not switched back")
        try:
            ig.switch_account(SPREAD_BET_ACCOUNT, False)
        except Exception as error:  # noqa: BLE001
            expect("error.switch.accountId-must-be-different" in str(error), str(error))
        else:
            raise AssertionError("switch to the current account accepted")

    checks.run("read_session (v2)", read_session_v2)
    checks.run("read_session (v3, no tokens)", read_session_v3)
    checks.run('read_session(fetch_session_tokens="true") (v3)', read_session_tokens_v3)
    checks.run("switch_account CFD and back", switch_account)

    # --- accounts -------------------------------------------------------------------------------------------

    def fetch_accounts():
        accounts = ig_v2().fetch_accounts()
        expect(isinstance(accounts, pd.DataFrame) and len(accounts) == 2, "two accounts")
        expect({"accountId", "accountType", "preferred", "balance", "available"} <= set(accounts.columns),
               list(accounts.columns))
        preferred = accounts[accounts["preferred"]]
        expect(len(preferred) == 1 and preferred.iloc[0]["accountType"] == "SPREADBET", "preferred account")
        expect(preferred.iloc[0]["balance"] > 0, "preferred balance > 0")
        expect(set(accounts["accountType"]) == {"SPREADBET", "CFD"}, "account types")

    def fetch_accounts_v3():
        accounts = ig_v3().fetch_accounts()
        expect(len(accounts) == 2, "two accounts (v3)")

    def account_preferences():
        ig = ig_v2()
        expect(isinstance(ig.fetch_account_preferences()["trailingStopsEnabled"], bool), "boolean preference")
        expect(ig.update_account_preferences(trailing_stops_enabled=True) == "SUCCESS", "update status")
        expect(ig.fetch_account_preferences()["trailingStopsEnabled"] is True, "not True after update")
        ig.update_account_preferences(trailing_stops_enabled=False)
        expect(ig.fetch_account_preferences()["trailingStopsEnabled"] is False, "not False after update")

    checks.run("fetch_accounts", fetch_accounts)
    checks.run("fetch_accounts (v3 bearer)", fetch_accounts_v3)
    checks.run("fetch_account_preferences / update round trip", account_preferences)

    # --- markets --------------------------------------------------------------------------------------------

    def search():
        markets = ig_v2().search_markets("EUR/USD")
        expect(isinstance(markets, pd.DataFrame) and len(markets) >= 2, "search results")
        epics = set(markets["epic"])
        expect({"CS.D.EURUSD.TODAY.IP", "CS.D.EURUSD.MINI.IP"} <= epics, epics)
        expect({"bid", "offer", "marketStatus", "instrumentName"} <= set(markets.columns), list(markets.columns))

    def market_by_epic():
        market = ig_v2().fetch_market_by_epic("CS.D.EURUSD.MINI.IP")
        expect(market.instrument.epic == "CS.D.EURUSD.MINI.IP", market.instrument.epic)
        expect(market.instrument.expiry == "-", market.instrument.expiry)
        expect(market.snapshot.bid < market.snapshot.offer, "bid < offer")
        expect(market.snapshot.marketStatus in ("TRADEABLE", "CLOSED"), market.snapshot.marketStatus)
        expect(market.dealingRules.minDealSize.value > 0, "minDealSize")
        expect(market.instrument.limitedRiskPremium is not None, "v3 limitedRiskPremium")
        gold = ig_v2().fetch_market_by_epic("MT.D.GC.Month2.IP")
        expect(gold.instrument.type == "COMMODITIES", gold.instrument.type)

    def market_by_unknown_epic():
        try:
            ig_v2().fetch_market_by_epic("CS.D.NOSUCH.TODAY.IP")
        except Exception as error:  # noqa: BLE001
            expect("error.service.marketdata.instrument.epic.unavailable" in str(error), str(error))
        else:
            raise AssertionError("unknown epic accepted")

    def markets_by_epics():
        markets = ig_v2().fetch_markets_by_epics("IX.D.SPTRD.MONTH1.IP,IX.D.FTSE.DAILY.IP")
        expect(len(markets) == 2, "two markets")
        expect(markets[0].instrument.name == "FTSE 100", markets[0].instrument.name)
        expect(markets[1].instrument.epic == "IX.D.SPTRD.MONTH1.IP", markets[1].instrument.epic)
        snapshots = ig_v2().fetch_markets_by_epics("IX.D.SPTRD.MONTH1.IP,IX.D.FTSE.DAILY.IP", detailed=False)
        expect(snapshots[0].dealingRules is None and snapshots[0].instrument.name is None, "SNAPSHOT_ONLY")
        expect(snapshots[0].snapshot.bid is not None, "snapshot bid")
        v1 = ig_v2().fetch_markets_by_epics("CS.D.EURUSD.TODAY.IP,CS.D.GBPUSD.TODAY.IP", version="1")
        expect([m.instrument.epic for m in v1] == ["CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP"], "v1 order")

    checks.run('search_markets("EUR/USD")', search)
    checks.run("fetch_market_by_epic", market_by_epic)
    checks.run("fetch_market_by_epic unknown epic", market_by_unknown_epic)
    checks.run("fetch_markets_by_epics (v2, detailed and SNAPSHOT_ONLY; v1)", markets_by_epics)

    # --- historical prices ----------------------------------------------------------------------------------

    def prices_day_range():
        result = ig_v2().fetch_historical_prices_by_epic(
            "CS.D.EURUSD.MINI.IP", resolution="D", start_date="2020-09-01T00:00:00",
            end_date="2020-09-04T23:59:59", wait=0)
        prices = result["prices"]
        expect(isinstance(prices, pd.DataFrame), "DataFrame")
        expect(prices.shape == (4, 13), f"shape {prices.shape}")
        expect(set(prices.columns.get_level_values(0)) == {"bid", "ask", "last"}, list(prices.columns))
        gaps = set(prices.index.to_series().diff().dropna())
        expect(gaps == {pd.Timedelta(days=1)}, gaps)
        expect((prices["bid"]["Close"] < prices["ask"]["Close"]).all(), "bid < ask")
        expect((prices["bid"]["High"] >= prices["bid"]["Low"]).all(), "high >= low")
        expect(result["instrumentType"] == "CURRENCIES", result["instrumentType"])
        allowance = result["metadata"]["allowance"]
        expect(allowance["totalAllowance"] == 10000, allowance)

    def prices_week_gold():
        result = ig_v2().fetch_historical_prices_by_epic(
            "MT.D.GC.Month2.IP", resolution="W", start_date="2020-09-01T00:00:00",
            end_date="2020-09-30T23:59:59", wait=0)
        prices = result["prices"]
        expect(len(prices) == 4, f"{len(prices)} weekly rows")
        expect(set(prices.index.to_series().diff().dropna()) == {pd.Timedelta(weeks=1)}, "weekly spacing")

    def prices_paged():
        result = ig_v2().fetch_historical_prices_by_epic(
            "CS.D.EURUSD.MINI.IP", resolution="1Min", numpoints=21, pagesize=20, wait=0)
        prices = result["prices"]
        expect(len(prices) == 21, f"{len(prices)} rows over two pages")
        expect(result["metadata"]["pageData"]["pageNumber"] == 2, result["metadata"]["pageData"])
        expect(prices.index.is_monotonic_increasing, "oldest first")

    def prices_flat_mid():
        ig = ig_v2()
        flat = ig.fetch_historical_prices_by_epic(
            "CS.D.EURUSD.MINI.IP", resolution="1h", numpoints=6, pagesize=2, wait=0, format=ig.flat_prices)
        expect(flat["prices"].shape == (6, 9), f"flat shape {flat['prices'].shape}")
        mid = ig.fetch_historical_prices_by_epic(
            "CS.D.EURUSD.MINI.IP", resolution="1h", numpoints=6, wait=0, format=ig.mid_prices)
        expect(mid["prices"].shape == (6, 5), f"mid shape {mid['prices'].shape}")

    def prices_without_pandas():
        ig = service(return_dataframe=False, return_munch=False)
        ig.create_session(version="2")
        result = ig.fetch_historical_prices_by_epic(
            "CS.D.EURUSD.MINI.IP", start_date="2020-09-01T00:00:00", end_date="2020-09-01T00:09:59", wait=0)
        prices = result["prices"]
        expect(isinstance(prices, list) and len(prices) == 10, f"{len(prices)} raw minute bars")
        first = prices[0]
        expect(first["snapshotTimeUTC"] == "2020-09-01T00:00:00", first["snapshotTimeUTC"])
        expect(first["snapshotTime"] == "2020/09/01 01:00:00", first["snapshotTime"])
        expect(first["openPrice"]["lastTraded"] is None and first["lastTradedVolume"] > 0, first)

    def prices_v3_session():
        result = ig_v3().fetch_historical_prices_by_epic(
            "CS.D.BITCOIN.TODAY.IP", resolution="D", start_date="2024-01-05T00:00:00",
            end_date="2024-01-08T23:59:59", wait=0)
        expect(len(result["prices"]) == 4, "crypto trades at weekends")

    def prices_num_points_v2():
        result = ig_v2().fetch_historical_prices_by_epic_and_num_points("CS.D.EURUSD.MINI.IP", "1h", 4)
        expect(len(result["prices"]) == 4, f"{len(result['prices'])} rows")
        expect(result["prices"].shape[1] == 13, f"columns {result['prices'].shape}")

    def prices_date_range_v1_v2():
        for version in ("1", "2"):
            start = "2020-09-01 00:00:00" if version == "2" else "2020-09-01T00:00:00"
            end = "2020-09-04 23:59:59" if version == "2" else "2020-09-04T23:59:59"
            result = ig_v2().fetch_historical_prices_by_epic_and_date_range(
                "CS.D.EURUSD.MINI.IP", "D", start, end, version=version)
            expect(len(result["prices"]) == 4, f"v{version}: {len(result['prices'])} rows")

    def prices_shares_refused():
        try:
            ig_v2().fetch_historical_prices_by_epic("KA.D.VOD.DAILY.IP", resolution="D", wait=0)
        except Exception as error:  # noqa: BLE001
            expect("unauthorised.access.to.equity.exception" in str(error), str(error))
        else:
            raise AssertionError("share prices served")

    checks.run("fetch_historical_prices_by_epic DAY 2020-09-01..04 (pandas)", prices_day_range)
    checks.run("fetch_historical_prices_by_epic WEEK MT.D.GC.Month2.IP", prices_week_gold)
    checks.run("fetch_historical_prices_by_epic numpoints=21 pagesize=20 (2 pages)", prices_paged)
    checks.run("fetch_historical_prices_by_epic flat_prices / mid_prices", prices_flat_mid)
    checks.run("fetch_historical_prices_by_epic (no pandas)", prices_without_pandas)
    checks.run("fetch_historical_prices_by_epic (v3 session, crypto weekend)", prices_v3_session)
    checks.run("fetch_historical_prices_by_epic_and_num_points (v2)", prices_num_points_v2)
    checks.run("fetch_historical_prices_by_epic_and_date_range (v1, v2)", prices_date_range_v1_v2)
    checks.run("fetch_historical_prices_by_epic shares refused", prices_shares_refused)

    # --- v3 token life cycle --------------------------------------------------------------------------------

    def v3_refresh():
        ig = ig_v3()
        ig.session.headers.pop("CST", None)
        ig.session.headers.pop("X-SECURITY-TOKEN", None)
        admin("/simulator/tokens/expire")
        ig._valid_until = datetime.now(timezone.utc) - timedelta(seconds=1)
        expect(len(ig.fetch_accounts()) == 2, "accounts after refresh")

    def v3_relogin_after_wipe():
        ig = ig_v3()
        admin("/simulator/sessions/invalidate")
        ig._valid_until = datetime.now(timezone.utc) - timedelta(seconds=1)
        expect(len(ig.fetch_accounts()) == 2, "accounts after falling back to a new login")

    checks.run("v3 refresh_session after access-token expiry", v3_refresh)
    checks.run("v3 refresh with dead refresh token -> new v3 login", v3_relogin_after_wipe)

    # --- logout ---------------------------------------------------------------------------------------------

    def logout():
        ig = service()
        ig.create_session(version="2")
        ig.logout()
        try:
            ig.fetch_accounts()
        except ig_rest.TokenInvalidException:
            pass
        else:
            raise AssertionError("tokens still valid after logout")

    checks.run("logout", logout)

    stats = json.loads(urllib.request.urlopen(base + "/simulator/stats").read())
    print(f"simulator: {stats['requests']} requests, logins {stats['logins']}, "
          f"{stats['encryptedLogins']} encrypted, {stats['refreshes']} refreshes", flush=True)
    print(f"{checks.passed} passed, {checks.failed} failed", flush=True)
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
