#!/usr/bin/env bash
# Interop proof: runs the unchanged trading-ig 0.0.25 against an ig-simulator binary.
# Usage: Interop/run.sh PATH_TO_ig-simulator
set -euo pipefail

binary=${1:?usage: Interop/run.sh PATH_TO_ig-simulator}
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
# Reinstall only when requirements.txt changed since the last successful install.
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
    echo "$wanted" > "$stamp"
fi

output=$(mktemp)
"$binary" --port 0 --allowances unlimited > "$output" 2>&1 &
simulator=$!
cleanup() {
    kill "$simulator" 2> /dev/null || true
    wait "$simulator" 2> /dev/null || true
    rm -f "$output"
}
trap cleanup EXIT

url=""
for _ in $(seq 1 300); do
    url=$(sed -n 's/^IG simulator listening on //p' "$output" | head -n 1)
    [ -n "$url" ] && break
    if ! kill -0 "$simulator" 2> /dev/null; then
        echo "ig-simulator exited before listening:" >&2
        cat "$output" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "ig-simulator did not report a URL in 30 s" >&2
    exit 1
fi

status=0
"$venv/bin/python" "$here/trading_ig_rest.py" "$url" || status=$?
IG_SIMULATOR_BINARY="$binary" "$venv/bin/python" "$here/trading_ig_rest_more.py" "$url" || status=$?
"$venv/bin/python" "$here/trading_ig_dealing.py" "$url" || status=$?
"$venv/bin/python" "$here/trading_ig_history.py" "$url" || status=$?
exit "$status"
