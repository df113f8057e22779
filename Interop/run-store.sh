#!/usr/bin/env bash
# Interop proof for the market-data store: `ig prices --store` fills an SQLite file from the embedded simulator, then
# DuckDB (Python package) reads that file directly and must find the same decimals `ig history export` prints.
# Usage: Interop/run-store.sh PATH_TO_ig
set -euo pipefail

ig=${1:?usage: Interop/run-store.sh PATH_TO_ig}
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv-store"
source "$here/simulator-tools.sh"
make_venv "$venv" "$here/requirements-store.txt"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store="$work/market-data.sqlite"

"$ig" prices CS.D.EURUSD.TODAY.IP -r MINUTE --from 2025-03-04T10:00:00 --to 2025-03-04T13:59:00 \
    --store "$store" --format csv > /dev/null
"$ig" prices CS.D.EURUSD.TODAY.IP -r MINUTE --from 2025-03-04T10:00:00 --to 2025-03-04T13:59:00 \
    --store "$store" --format csv 2>&1 > /dev/null | grep -q "240 from the store, 0 from IG; 0 points spent"
"$ig" history export CS.D.EURUSD.TODAY.IP -r MINUTE --environment SIMULATOR --store "$store" --format csv \
    --output "$work/export.csv" > /dev/null
"$venv/bin/python" "$here/store_duckdb.py" "$store" "$work/export.csv" SIMULATOR CS.D.EURUSD.TODAY.IP MINUTE
