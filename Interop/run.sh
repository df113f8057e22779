#!/usr/bin/env bash
# Interop proof: runs the unchanged trading-ig 0.0.25 against an ig-simulator binary.
# Usage: Interop/run.sh PATH_TO_ig-simulator
set -euo pipefail

binary=${1:?usage: Interop/run.sh PATH_TO_ig-simulator}
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
source "$here/simulator-tools.sh"

make_venv "$venv" "$here/requirements.txt"

output=$(mktemp)
cleanup() {
    stop_simulator
    rm -f "$output"
}
trap cleanup EXIT
start_simulator "$output" "$binary" --allowances unlimited
url=$simulator_url

status=0
"$venv/bin/python" "$here/trading_ig_rest.py" "$url" || status=$?
IG_SIMULATOR_BINARY="$binary" "$venv/bin/python" "$here/trading_ig_rest_more.py" "$url" || status=$?
"$venv/bin/python" "$here/trading_ig_dealing.py" "$url" || status=$?
"$venv/bin/python" "$here/trading_ig_history.py" "$url" || status=$?
exit "$status"
