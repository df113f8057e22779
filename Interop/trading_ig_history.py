#!/usr/bin/env python3
"""Interop proof for account history: the unchanged trading-ig 0.0.25 history methods against the IG simulator.

Usage: trading_ig_history.py SIMULATOR_BASE_URL   (or set IG_SIM_URL)

Deals first (six Bitcoin spread bets opened and closed, so 12 activities and 6 transactions exist), then calls
every history method of IGService as a user would: activity by period (ms and timedelta) and by date (v1), v2 with
page-number paging, v3 plain, detailed (format_activities), with a deal id and a FIQL filter, v3 paging through
the `next` link, transactions by type and period (v1) and by date range (v2). Prints PASS/FAIL lines and
``N passed, M failed``.
"""

import datetime
import sys
import time

from interop_checks import Checks, expect, simulator_service

EPIC = "CS.D.BITCOIN.TODAY.IP"
DEALS = 6


def main():
    base, service = simulator_service("trading_ig_history.py")
    if not base:
        return 2
    ig = service()
    ig.create_session(version="2")
    checks = Checks()
    state = {"deal_ids": []}
    # Other scripts may have dealt on this simulator before: count only what happens from here on (v3, v2
    # transactions) or what carries this script's deal ids (v1, which has no start date).
    time.sleep(1.1)
    start = datetime.datetime.utcnow()
    time.sleep(1.1)

    def ours(frame, column="dealId"):
        return frame[frame[column].isin(state["deal_ids"])] if len(frame) else frame

    def deal():
        # Sizes differ: IG (and the simulator) refuse an identical order within a second (DUPLICATE_ORDER_ERROR).
        for index in range(DEALS):
            size = round(0.01 * (index + 1), 2)
            confirm = ig.create_open_position(
                currency_code="GBP", direction="BUY", epic=EPIC, expiry="DFB", force_open=True,
                guaranteed_stop=False, level=None, limit_distance=None, limit_level=None, order_type="MARKET",
                quote_id=None, size=size, stop_distance=None, stop_level=None, trailing_stop=False,
                trailing_stop_increment=None)
            expect(confirm["dealStatus"] == "ACCEPTED", f"open: {confirm['reason']}")
            state["deal_ids"].append(confirm["dealId"])
            state.setdefault("sizes", []).append(size)
        for deal_id, size in zip(state["deal_ids"], state["sizes"]):
            confirm = ig.close_open_position(
                deal_id=deal_id, direction="SELL", epic=None, expiry="DFB", level=None, order_type="MARKET",
                quote_id=None, size=size)
            expect(confirm["dealStatus"] == "ACCEPTED", f"close: {confirm['reason']}")

    def activity_by_period():
        frame = ours(ig.fetch_account_activity_by_period(3_600_000))
        expect(len(frame) == 2 * DEALS, f"{len(frame)} activities")
        expect(len(frame.columns) == 17, f"{len(frame.columns)} columns")
        expect(set(frame["dealId"]) == set(state["deal_ids"]), "deal ids")
        expect(set(frame["actionStatus"]) == {"ACCEPT"}, "actionStatus")
        by_delta = ours(ig.fetch_account_activity_by_period(datetime.timedelta(hours=1)))
        expect(len(by_delta) == 2 * DEALS, f"timedelta: {len(by_delta)} activities")

    def activity_by_date():
        today = datetime.datetime.utcnow()
        frame = ig.fetch_account_activity_by_date(today - datetime.timedelta(days=1), today)
        expect("time" in frame.columns, "v1 has a time column")
        expect(len(ours(frame)) == 2 * DEALS, f"{len(ours(frame))} activities")

    def activity_v2_paged():
        frame = ig.fetch_account_activity_v2(from_date=start, to_date=datetime.datetime.utcnow(), page_size=5)
        expect(len(frame) == 2 * DEALS, f"{len(frame)} activities over pages of 5")
        expect("time" not in frame.columns, "v2 has no time column")
        expect(frame["date"].str.len().eq(19).all(), "v2 dates are full timestamps")

    def activity_v3():
        frame = ig.fetch_account_activity(from_date=start)
        expect(len(frame) == 2 * DEALS, f"{len(frame)} activities")
        expect(list(frame.columns) == ["date", "epic", "period", "dealId", "channel", "type", "status",
                                       "description", "details"], f"columns {list(frame.columns)}")
        expect(frame["details"].isnull().all(), "details null unless detailed")

    def activity_v3_detailed():
        frame = ig.fetch_account_activity(from_date=start, detailed=True)
        expect(len(frame) == 2 * DEALS, f"{len(frame)} rows")
        expect(len(frame.columns) == 23, f"{len(frame.columns)} columns")
        expect(set(frame["actionType"]) == {"POSITION_OPENED", "POSITION_CLOSED"}, "action types")

    def activity_v3_deal_id_and_filter():
        one = ig.fetch_account_activity(from_date=start, deal_id=state["deal_ids"][0])
        expect(len(one) == 2 and set(one["dealId"]) == {state["deal_ids"][0]}, f"{len(one)} for one deal")
        api = ig.fetch_account_activity(from_date=start, fiql_filter="channel==PUBLIC_WEB_API;type==POSITION")
        expect(len(api) == 2 * DEALS, f"{len(api)} with channel/type filter")
        none = ig.fetch_account_activity(from_date=start, fiql_filter="status==REJECTED")
        expect(len(none) == 0, f"{len(none)} rejected")

    def activity_v3_next_link():
        # Pages of 10 for 12 activities: the first page carries a `next` link with both from and to. trading-ig
        # 0.0.25 copies `from` into `to` when following it (its bug), so it asks for the single second `from`;
        # the simulator answers that window and ends the paging instead of looping (trading-ig keeps 10 of 12;
        # swift-ig follows the link as written and gets all of them).
        frame = ig.fetch_account_activity(from_date=start, to_date=datetime.datetime.utcnow(), page_size=10)
        expect(len(frame) >= 10, f"{len(frame)} activities")

    def transactions_by_period():
        frame = ig.fetch_transaction_history_by_type_and_period(3_600_000, "ALL")
        expect(len(frame.columns) == 11, f"{len(frame.columns)} columns")
        frame = ours(frame, "reference")
        expect(len(frame) == DEALS, f"{len(frame)} transactions")
        expect(set(frame["transactionType"]) == {"DEAL"}, "types")
        expect(frame["profitAndLoss"].str.startswith("£").all(), "P&L carries the currency symbol")
        deposits = ig.fetch_transaction_history_by_type_and_period(3_600_000, "DEPOSIT")
        expect(len(deposits) == 0, f"{len(deposits)} deposits")

    def transactions_v2():
        frame = ig.fetch_transaction_history(
            trans_type="ALL_DEAL", from_date=start, to_date=datetime.datetime.utcnow(), page_size=20, page_number=1)
        expect(len(frame) == DEALS, f"{len(frame)} transactions")
        expect("dateUtc" in frame.columns, "v2 has dateUtc")
        expect(set(frame["reference"]) == set(state["deal_ids"]), "references are the closed deal ids")

    checks.run("deal 6 positions open and closed", deal)
    checks.run("fetch_account_activity_by_period (ms and timedelta, v1)", activity_by_period)
    checks.run("fetch_account_activity_by_date (v1)", activity_by_date)
    checks.run("fetch_account_activity_v2 (page-number paging)", activity_v2_paged)
    checks.run("fetch_account_activity (v3)", activity_v3)
    checks.run("fetch_account_activity detailed (format_activities, 23 columns)", activity_v3_detailed)
    checks.run("fetch_account_activity deal_id and fiql_filter", activity_v3_deal_id_and_filter)
    checks.run("fetch_account_activity follows a next link and terminates", activity_v3_next_link)
    checks.run("fetch_transaction_history_by_type_and_period (v1)", transactions_by_period)
    checks.run("fetch_transaction_history (v2)", transactions_v2)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
