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
python=${PYTHON:-python3}

# make_venv DIR REQUIREMENTS: create the venv, reinstall only when the requirements file changed.
make_venv() {
    local venv=$1 requirements=$2
    if [ ! -x "$venv/bin/python" ]; then
        "$python" -m venv "$venv"
    fi
    local stamp="$venv/.requirements.sha256" wanted
    wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        echo "$wanted" > "$stamp"
    fi
}

make_venv "$here/.venv" "$here/requirements.txt"
make_venv "$here/.venv-ls22" "$here/requirements-ls22.txt"

simulator=""
output=$(mktemp)
cleanup() {
    if [ -n "$simulator" ]; then
        kill "$simulator" 2> /dev/null || true
        wait "$simulator" 2> /dev/null || true
    fi
    rm -f "$output"
}
trap cleanup EXIT

# run_against_fresh_simulator PYTHON SCRIPT
run_against_fresh_simulator() {
    local venv_python=$1 script=$2 url=""
    : > "$output"
    "$binary" --port 0 --allowances unlimited > "$output" 2>&1 &
    simulator=$!
    for _ in $(seq 1 300); do
        url=$(sed -n 's/^IG simulator listening on //p' "$output" | head -n 1)
        [ -n "$url" ] && break
        if ! kill -0 "$simulator" 2> /dev/null; then
            echo "ig-simulator exited before listening:" >&2
            cat "$output" >&2
            return 1
        fi
        sleep 0.1
    done
    if [ -z "$url" ]; then
        echo "ig-simulator did not report a URL in 30 s" >&2
        return 1
    fi
    local result=0
    (cd "$here" && "$venv_python" "$here/$script" "$url") || result=$?
    kill "$simulator" 2> /dev/null || true
    wait "$simulator" 2> /dev/null || true
    simulator=""
    return "$result"
}

status=0
echo "== trading-ig 0.0.25 IGStreamService / lightstreamer-client-lib 1.0.3 (TLCP-2.4.0)"
run_against_fresh_simulator "$here/.venv/bin/python" lightstreamer_trading_ig.py || status=1
echo "== lightstreamer-client-lib 2.2.x (TLCP-2.5.0)"
run_against_fresh_simulator "$here/.venv-ls22/bin/python" lightstreamer_ls22.py || status=1
exit "$status"
