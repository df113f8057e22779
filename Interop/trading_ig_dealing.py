#!/usr/bin/env python3
"""Interop proof for dealing: the unchanged trading-ig 0.0.25 against the IG simulator's dealing engine.

Usage: trading_ig_dealing.py SIMULATOR_BASE_URL   (or set IG_SIM_URL)

Opens, updates (v1 then v2 with a trailing stop) and closes a spread-bet position, gets REJECTED for a CFD
expiry on the spread-bet account, and runs the working-order lifecycle (create with a guaranteed stop, amend,
delete), calling the library as a user would. The market is Bitcoin, which the simulator trades every day, so
the run does not depend on the weekday. Prints ``PASS``/``FAIL`` lines and ``N passed, M failed``.
"""

import sys

EPIC = "CS.D.BITCOIN.TODAY.IP"


from interop_checks import Checks, expect, simulator_service  # noqa: E402 - shared by every interop script


def accepted(confirm, what):
    expect(confirm["dealStatus"] == "ACCEPTED", f"{what}: {confirm['dealStatus']} {confirm['reason']}")
    expect(confirm["reason"] == "SUCCESS", f"{what}: reason {confirm['reason']}")


def main():
    base, service = simulator_service("trading_ig_dealing.py")
    if not base:
        return 2
    ig = service()
    ig.create_session(version="2")
    checks = Checks()
    state = {}

    def offer():
        return float(ig.fetch_market_by_epic(EPIC)["snapshot"]["offer"])

    def open_position():
        confirm = ig.create_open_position(
            currency_code="GBP", direction="BUY", epic=EPIC, expiry="DFB", force_open=True,
            guaranteed_stop=False, level=None, limit_distance=None, limit_level=None, order_type="MARKET",
            quote_id=None, size=0.1, stop_distance=None, stop_level=None, trailing_stop=False,
            trailing_stop_increment=None)
        accepted(confirm, "open")
        state["deal_id"] = confirm["dealId"]
        state["level"] = float(confirm["level"])
        positions = ig.fetch_open_positions()
        expect(state["deal_id"] in list(positions["dealId"]), "opened position not listed")
        expect(len(positions.columns) == 32, f"{len(positions.columns)} position columns")
        one = ig.fetch_open_position_by_deal_id(state["deal_id"])
        expect(one["position"]["dealId"] == state["deal_id"], "fetch by deal id")

    def update_position_v1():
        confirm = ig.update_open_position(
            limit_level=None, stop_level=state["level"] - 1000, deal_id=state["deal_id"], version="1")
        accepted(confirm, "update v1")
        expect(confirm["dealId"] == state["deal_id"] or confirm["affectedDeals"][0]["dealId"] == state["deal_id"],
               "amended another deal")

    def update_position_v2_trailing():
        ig.update_account_preferences(trailing_stops_enabled=True)
        confirm = ig.update_open_position(
            limit_level=None, stop_level=state["level"] - 800, deal_id=state["deal_id"], trailing_stop=True,
            trailing_stop_distance=800, trailing_stop_increment=10)
        accepted(confirm, "update v2")
        position = ig.fetch_open_position_by_deal_id(state["deal_id"])["position"]
        expect(position["trailingStopDistance"] == 800, f"trailing distance {position['trailingStopDistance']}")

    def close_position():
        confirm = ig.close_open_position(
            deal_id=state["deal_id"], direction="SELL", epic=None, expiry="DFB", level=None, order_type="MARKET",
            quote_id=None, size=0.1)
        accepted(confirm, "close")
        expect(confirm["status"] == "CLOSED", f"status {confirm['status']}")
        expect(confirm["profit"] is not None and confirm["profitCurrency"] == "GBP", "profit")
        expect(state["deal_id"] not in list(ig.fetch_open_positions().get("dealId", [])), "position still open")

    def cfd_expiry_rejected():
        confirm = ig.create_open_position(
            currency_code="GBP", direction="BUY", epic=EPIC, expiry="-", force_open=True, guaranteed_stop=False,
            level=None, limit_distance=None, limit_level=None, order_type="MARKET", quote_id=None, size=0.1,
            stop_distance=None, stop_level=None, trailing_stop=False, trailing_stop_increment=None)
        expect(confirm["dealStatus"] == "REJECTED", f"dealStatus {confirm['dealStatus']}")
        expect(confirm["reason"] == "REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT", f"reason {confirm['reason']}")
        expect(confirm["dealId"], "rejections carry a dealId")

    def working_order_create():
        level = round(offer() * 0.9, 2)
        confirm = ig.create_working_order(
            currency_code="GBP", direction="BUY", epic=EPIC, expiry="DFB", guaranteed_stop="true", level=level,
            size=0.1, time_in_force="GOOD_TILL_CANCELLED", order_type="LIMIT", stop_distance=200)
        accepted(confirm, "create working order")
        expect(confirm["guaranteedStop"], "guaranteedStop not set")
        state["order_id"] = confirm["dealId"]
        orders = ig.fetch_working_orders()
        expect(state["order_id"] in list(orders["dealId"]), "working order not listed")

    def working_order_update():
        price = offer()
        confirm = ig.update_working_order(
            good_till_date=None, level=round(price * 0.85, 2), limit_distance=None, limit_level=None,
            stop_distance=None, stop_level=round(price * 0.80, 2), guaranteed_stop="true",
            time_in_force="GOOD_TILL_CANCELLED", order_type="LIMIT", deal_id=state["order_id"])
        accepted(confirm, "update working order")
        expect(confirm["guaranteedStop"], "guaranteedStop lost on amendment")

    def working_order_delete():
        confirm = ig.delete_working_order(state["order_id"])
        accepted(confirm, "delete working order")
        orders = ig.fetch_working_orders()
        expect(len(orders) == 0 or state["order_id"] not in list(orders["dealId"]), "order still listed")

    def history_after_dealing():
        activities = ig.fetch_account_activity(from_date=None, detailed=True)
        expect(len(activities) >= 6, f"{len(activities)} activities")

    checks.run("open spread-bet position", open_position)
    checks.run("update position v1 (stop level)", update_position_v1)
    checks.run("update position v2 (trailing stop)", update_position_v2_trailing)
    checks.run("close position", close_position)
    checks.run("CFD expiry on spread-bet account is REJECTED", cfd_expiry_rejected)
    checks.run("create working order (guaranteed stop)", working_order_create)
    checks.run("update working order", working_order_update)
    checks.run("delete working order", working_order_delete)
    checks.run("activity history after dealing", history_after_dealing)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
