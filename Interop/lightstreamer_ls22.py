#!/usr/bin/env python3
"""Interop proof: the official lightstreamer-client-lib 2.2.x (TLCP-2.5.0) against the IG simulator.

Usage: lightstreamer_ls22.py SIMULATOR_BASE_URL. Logs in over REST, then uses LightstreamerClient with its default
transport choice (WebSocket) exactly as a user would. Prints PASS/FAIL lines and ``N passed, M failed``; exits
non-zero when anything failed.
"""

import logging
import sys

from lightstreamer.client import LightstreamerClient

import lightstreamer_common as common


def main():
    if len(sys.argv) < 2:
        print("usage: lightstreamer_ls22.py SIMULATOR_BASE_URL", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.CRITICAL)
    simulator = common.Simulator(sys.argv[1])
    checks = common.Checks()
    session = {}

    def login():
        session["body"] = simulator.login()
        common.expect(session["body"]["lightstreamerEndpoint"].startswith("http://"), "lightstreamerEndpoint")

    checks.run("REST login v2 (CST, X-SECURITY-TOKEN, lightstreamerEndpoint)", login)
    if "body" not in session:
        return checks.summary()
    endpoint = session["body"]["lightstreamerEndpoint"]
    account = session["body"]["currentAccountId"]

    def make_client(password, user, transport=None):
        client = LightstreamerClient(endpoint, None)
        client.connectionDetails.setUser(user)
        client.connectionDetails.setPassword(password)
        if transport:
            client.connectionOptions.setForcedTransport(transport)
        client.status_recorder = common.StatusRecorder()
        client.addListener(client.status_recorder)
        client.connect()
        return client

    common.run_checks(checks, simulator, make_client, account, "TLCP-2.5.0")
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
