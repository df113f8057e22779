#!/usr/bin/env bash
# Streaming interop proof: the official Lightstreamer Python clients against an ig-simulator binary.
#   - trading-ig 0.0.25 IGStreamService + lightstreamer-client-lib 1.0.3 (TLCP-2.4.0), venv Interop/.venv
#   - lightstreamer-client-lib 2.2.x (TLCP-2.5.0), venv Interop/.venv-ls22
# Each client gets its own fresh simulator (deals change account state). Exits non-zero when any check fails.
# Usage: Interop/run-streaming.sh PATH_TO_ig-simulator
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

binary=${1:?usage: Interop/run-streaming.sh PATH_TO_ig-simulator}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/simulator-tools.sh"

make_venv "$here/.venv" "$here/requirements.txt"
make_venv "$here/.venv-ls22" "$here/requirements-ls22.txt"

output=$(mktemp)
cleanup() {
    stop_simulator
    rm -f "$output"
}
trap cleanup EXIT

# run_against_fresh_simulator PYTHON SCRIPT
run_against_fresh_simulator() {
    local venv_python=$1 script=$2
    start_simulator "$output" "$binary" --allowances unlimited || return 1
    local result=0
    (cd "$here" && "$venv_python" "$here/$script" "$simulator_url") || result=$?
    stop_simulator
    return "$result"
}

status=0
echo "== trading-ig 0.0.25 IGStreamService / lightstreamer-client-lib 1.0.3 (TLCP-2.4.0)"
run_against_fresh_simulator "$here/.venv/bin/python" lightstreamer_trading_ig.py || status=1
echo "== lightstreamer-client-lib 2.2.x (TLCP-2.5.0)"
run_against_fresh_simulator "$here/.venv-ls22/bin/python" lightstreamer_ls22.py || status=1
exit "$status"
