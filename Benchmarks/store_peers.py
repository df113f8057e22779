#!/usr/bin/env python3
"""The store benchmark's Python side (ig-bench store runs it with a venv from Interop/requirements-store.txt).

Usage:
  store_peers.py allowance BASE_URL CACHE_DIR   trading-ig 0.0.25 with requests-cache runs the sliding-window workload
  store_peers.py ingest CSV SQLITE_PATH         pandas DataFrame.to_sql of the bars in CSV into a new SQLite file
  store_peers.py read SQLITE_PATH               pandas.read_sql of every bar written by `ingest`
  store_peers.py ingest-trading-ig CSV SQLITE_PATH
                                                DataFrame.to_sql, with its defaults, of the frame trading-ig hands
                                                its users for these bars (IGService.format_prices: a DatetimeIndex,
                                                (side, field) columns), into a new SQLite file
  store_peers.py ingest-postgres CSV URL        DataFrame.to_sql of the bars through SQLAlchemy and psycopg2 into the
                                                table pandas_bars of the PostgreSQL database at URL (dropped after)

Each prints one JSON line with what it measured. The allowance workload is the one ig-bench runs for swift-ig: a
24-hour window of MINUTE bars of CS.D.EURUSD.TODAY.IP, from Tuesday 2025-03-04 00:00 UTC, slid by one hour 48 times.
requests-cache is set up as trading-ig's users do: a CachedSession (SQLite backend, one-hour expiry) passed to
IGService as its session.
"""

import json
import logging
import sqlite3
import sys
import time
from datetime import datetime, timedelta


def allowance(base, cache_dir):
    import requests_cache
    import trading_ig.rest as ig_rest
    from trading_ig import IGService

    ig_rest.D_BASE_URL["demo"] = base.rstrip("/") + "/gateway/deal"
    logging.getLogger("trading_ig").setLevel(logging.CRITICAL)
    session = requests_cache.CachedSession(
        cache_name=cache_dir + "/trading_ig_cache", backend="sqlite", expire_after=timedelta(hours=1)
    )
    service = IGService("demo-user", "demo-password", "demo-api-key", "demo", session=session)
    service.create_session(version="2")
    start = datetime(2025, 3, 4)
    rows = 0
    cached = 0
    for step in range(49):
        window = start + timedelta(hours=step)
        before = session.cache.responses.__len__()
        result = service.fetch_historical_prices_by_epic(
            "CS.D.EURUSD.TODAY.IP",
            resolution="1Min",
            start_date=window.strftime("%Y-%m-%dT%H:%M:%S"),
            end_date=(window + timedelta(hours=24, minutes=-1)).strftime("%Y-%m-%dT%H:%M:%S"),
            pagesize=0,
            wait=0,
        )
        rows += len(result["prices"])
        if session.cache.responses.__len__() == before:
            cached += 1
    print(json.dumps({"windows": 49, "rows": rows, "windows_served_from_cache": cached}), flush=True)


def timed_to_sql(frame, db_path, table, **options):
    """Times frame.to_sql into a new SQLite file and its commit, and prints the JSON line."""
    connection = sqlite3.connect(db_path)
    started = time.perf_counter()
    frame.to_sql(table, connection, if_exists="replace", **options)
    connection.commit()
    elapsed = time.perf_counter() - started
    connection.close()
    print(json.dumps({"rows": len(frame), "seconds": elapsed}), flush=True)


def ingest(csv_path, db_path):
    import pandas as pd

    timed_to_sql(pd.read_csv(csv_path), db_path, "bars", index=False)


def ingest_trading_ig(csv_path, db_path):
    import pandas as pd
    from trading_ig import IGService

    flat = pd.read_csv(csv_path)
    sides = {"bid": "bid", "ask": "ask"}
    fields = {"open": "openPrice", "high": "highPrice", "low": "lowPrice", "close": "closePrice"}
    times = pd.to_datetime(flat["time"], unit="s").dt.strftime("%Y/%m/%d %H:%M:%S")
    columns = {name: flat[name].tolist() for name in flat.columns}
    prices = []
    for index, snapshot in enumerate(times.tolist()):
        price = {"snapshotTime": snapshot, "snapshotTimeUTC": snapshot, "lastTradedVolume": columns["volume"][index]}
        for field, key in fields.items():
            price[key] = {side: columns[f"{prefix}_{field}"][index] for side, prefix in sides.items()}
            price[key]["lastTraded"] = None
        prices.append(price)
    # The frame fetch_historical_prices_by_epic returns for IG's v3 prices (untimed: building it is not the write).
    # to_sql's defaults, as trading-ig's users call it: the DatetimeIndex is written too.
    timed_to_sql(IGService.format_prices(None, prices, "3"), db_path, "prices")


def ingest_postgres(csv_path, url):
    import pandas as pd
    import sqlalchemy

    frame = pd.read_csv(csv_path)
    engine = sqlalchemy.create_engine(url.replace("postgres://", "postgresql+psycopg2://", 1))
    started = time.perf_counter()
    with engine.begin() as connection:
        frame.to_sql("pandas_bars", connection, index=False, if_exists="replace")
    elapsed = time.perf_counter() - started
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("DROP TABLE pandas_bars"))
    engine.dispose()
    print(json.dumps({"rows": len(frame), "seconds": elapsed}), flush=True)


def read(db_path):
    import pandas as pd

    connection = sqlite3.connect(db_path)
    started = time.perf_counter()
    frame = pd.read_sql("SELECT * FROM bars ORDER BY time", connection)
    elapsed = time.perf_counter() - started
    connection.close()
    print(json.dumps({"rows": len(frame), "seconds": elapsed}), flush=True)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "allowance":
        allowance(sys.argv[2], sys.argv[3])
    elif command == "ingest":
        ingest(sys.argv[2], sys.argv[3])
    elif command == "ingest-trading-ig":
        ingest_trading_ig(sys.argv[2], sys.argv[3])
    elif command == "ingest-postgres":
        ingest_postgres(sys.argv[2], sys.argv[3])
    elif command == "read":
        read(sys.argv[2])
    else:
        sys.exit("unknown command " + command)
