#!/usr/bin/env python3
"""Reads swift-ig's market-data store (an SQLite file) with DuckDB and checks it against `ig history export`.

Usage: store_duckdb.py STORE_PATH EXPORT_CSV ENVIRONMENT EPIC RESOLUTION

The store's schema is documented in the README: bars(series_id, time, scale, bid_open … volume) with every value an
integer at the row's scale (value = column / 10^scale), series(id, environment_id, epic, resolution, …) and
environments(id, name). DuckDB reads the file through its sqlite extension when that is available; otherwise (no
network to fetch the extension) DuckDB queries the same tables read with Python's sqlite3. Either way the decimals
must equal, as exact decimal text, what `ig history export --format csv` printed.
"""

import csv
import sqlite3
import sys
from decimal import Decimal

import duckdb

QUERY = """
SELECT b.time, b.scale, b.bid_open, b.bid_high, b.bid_low, b.bid_close, b.ask_open, b.ask_high, b.ask_low,
       b.ask_close, b.last_open, b.last_high, b.last_low, b.last_close, b.volume
FROM {bars} b JOIN {series} s ON s.id = b.series_id JOIN {environments} e ON e.id = s.environment_id
WHERE e.name = ? AND s.epic = ? AND s.resolution = ? ORDER BY b.time
"""


def read_with_duckdb(path, environment, epic, resolution):
    connection = duckdb.connect()
    try:
        connection.execute("INSTALL sqlite")
        connection.execute("LOAD sqlite")
        connection.execute(f"ATTACH '{path}' AS store (TYPE sqlite, READ_ONLY)")
        names = {"bars": "store.bars", "series": "store.series", "environments": "store.environments"}
        how = "DuckDB sqlite extension on the file"
    except duckdb.Error:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for table in ("bars", "series", "environments"):
            cursor = source.execute(f"SELECT * FROM {table}")
            columns = [description[0] for description in cursor.description]
            rows = cursor.fetchall()
            import pandas as pd

            frame = pd.DataFrame(rows, columns=columns)
            connection.register(table + "_frame", frame)
        names = {"bars": "bars_frame", "series": "series_frame", "environments": "environments_frame"}
        how = "DuckDB over the tables read with sqlite3 (sqlite extension unavailable offline)"
    rows = connection.execute(QUERY.format(**names), [environment, epic, resolution]).fetchall()
    return rows, how


def decimal_text(value, scale):
    if value is None:
        return ""
    number = Decimal(value).scaleb(-scale).normalize()
    text = format(number, "f")
    return text


def main():
    path, export, environment, epic, resolution = sys.argv[1:6]
    rows, how = read_with_duckdb(path, environment, epic, resolution)
    with open(export, newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert len(rows) == len(exported), f"{len(rows)} rows in the store, {len(exported)} exported"
    assert len(rows) > 0, "no bars in the store"
    columns = ["bid_open", "bid_high", "bid_low", "bid_close", "ask_open", "ask_high", "ask_low", "ask_close",
               "last_open", "last_high", "last_low", "last_close", "volume"]
    for row, line in zip(rows, exported):
        time, scale, values = row[0], row[1], row[2:]
        for column, value in zip(columns, values):
            ours = decimal_text(value, scale)
            theirs = line[column]
            if theirs:
                theirs = format(Decimal(theirs).normalize(), "f")
            assert ours == theirs, f"{column} at {time}: store {ours!r}, export {theirs!r}"
    print(f"store read by DuckDB: {len(rows)} bars equal to `ig history export`, value for value ({how})")


if __name__ == "__main__":
    main()
