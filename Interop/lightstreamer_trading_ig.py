#!/usr/bin/env python3
"""Interop proof: trading-ig 0.0.25's IGStreamService (lightstreamer-client-lib 1.0.3, TLCP-2.4.0) against the
IG simulator.

Usage: lightstreamer_trading_ig.py SIMULATOR_BASE_URL. trading-ig hard-codes IG's hosts in
``trading_ig.rest.D_BASE_URL``; the "demo" entry is pointed at the simulator, then IGStreamService is used exactly as
trading-ig's ``sample/stream_ig.py`` does (its default transport choice, LS_user left unset). Extra connections
(forced HTTP streaming, bad credentials) use the same Lightstreamer client library directly. Prints PASS/FAIL lines
and ``N passed, M failed``; exits non-zero when anything failed.
"""

import logging
import os
import sys

import trading_ig.rest as ig_rest
from lightstreamer.client import LightstreamerClient
from trading_ig import IGService, IGStreamService

import lightstreamer_common as common


def main():
    if len(sys.argv) < 2:
        print("usage: lightstreamer_trading_ig.py SIMULATOR_BASE_URL", file=sys.stderr)
        return 2
    base = sys.argv[1].rstrip("/")
    logging.basicConfig(level=logging.CRITICAL)
    ig_rest.D_BASE_URL["demo"] = base + "/gateway/deal"
    simulator = common.Simulator(base)
    checks = common.Checks()
    session = {}

    def login():
        session["body"] = simulator.login()

    checks.run("REST login v2 (CST, X-SECURITY-TOKEN, lightstreamerEndpoint)", login)
    if "body" not in session:
        return checks.summary()
    endpoint = session["body"]["lightstreamerEndpoint"]
    service = IGService(
        os.environ.get("IG_SIM_USER", "demo-user"),
        os.environ.get("IG_SIM_PASSWORD", "demo-password"),
        os.environ.get("IG_SIM_API_KEY", "demo-api-key"),
        acc_type="demo",
    )
    made = []

    def make_client(password, user, transport=None):
        recorder = common.StatusRecorder()
        if not made:
            # The main connection: exactly what trading-ig users do.
            stream = IGStreamService(service)
            stream.create_session(version="2")
            client = stream.ls_client
            client.addListener(recorder)
            client.stream_service = stream
        else:
            client = LightstreamerClient(endpoint, None)
            client.connectionDetails.setUser(user)
            client.connectionDetails.setPassword(password)
            if transport:
                client.connectionOptions.setForcedTransport(transport)
            client.addListener(recorder)
            client.connect()
        client.status_recorder = recorder
        made.append(client)
        return client

    # IGStreamService leaves LS_user unset (acc_number is never assigned), as with IG.
    common.run_checks(checks, simulator, make_client, None, "TLCP-2.4.0")
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
