#!/usr/bin/env bash
# End-to-end streaming throughput: swift-ig's Lightstreamer client (ig-bench streaming --url) beside the official
# Python client lightstreamer-client-lib 2.2.x (Benchmarks/lightstreamer_throughput.py), one after the other, each
# consuming the same PRICE subscriptions from the same standalone ig-simulator process over loopback (WebSocket, the
# default transport of both). Prints both figures and the ratios. A benchmark: nothing is asserted.
#
# Usage: Benchmarks/streaming-vs-python.sh [SUBSCRIPTIONSxRATE ...]     (default: 20x1000)
#   SUBSCRIPTIONSxRATE: PRICE subscriptions (one item each, cycling through 10 markets) x updates/s per item.
# Environment: DURATION (seconds counted, default 10), WARMUP (default 2), BIN (release binaries, default
#   .build/release; built when missing), PYTHON (default python3, for the venv), READ_VALUES=1 (the Python listener
#   reads every field instead of only counting).
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${DURATION:-10}
warmup=${WARMUP:-2}
bin=${BIN:-.build/release}
configurations=("$@")
[ ${#configurations[@]} -eq 0 ] && configurations=(20x1000)

if [ ! -x "$bin/ig-bench" ] || [ ! -x "$bin/ig-simulator" ]; then
    swift build -c release --product ig-bench
    swift build -c release --product ig-simulator
fi

source Interop/simulator-tools.sh
venv=Interop/.venv-ls22
make_venv "$venv" Interop/requirements-ls22.txt
python_version=$("$venv/bin/pip" show lightstreamer-client-lib | sed -n 's/^Version: //p')

log=$(mktemp)
simulator=""
cleanup() {
    stop_simulator
    rm -f "$log"
}
trap cleanup EXIT

start_simulator "$log" "$bin/ig-simulator" --allowances unlimited
url=$simulator_url
echo "simulator: $url (pid $simulator); $(nproc) cores; counting ${duration} s after ${warmup} s of warm-up"

# field NAME RESULT_LINE
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }

summary=()
for configuration in "${configurations[@]}"; do
    subscriptions=${configuration%x*}
    rate=${configuration#*x}
    curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"updatesPerSecond\": $rate}" \
        "$url/simulator/streaming/rate" > /dev/null
    echo
    echo "== $subscriptions PRICE subscriptions x $rate updates/s per item"
    echo "-- official Python client lightstreamer-client-lib $python_version"
    python_output=$("$venv/bin/python" Benchmarks/lightstreamer_throughput.py "$url" \
        --subscriptions "$subscriptions" --duration "$duration" --warmup "$warmup" ${READ_VALUES:+--read-values})
    grep -v '^RESULT' <<< "$python_output"
    echo "-- swift-ig (ig-bench streaming --url, release)"
    swift_output=$("$bin/ig-bench" streaming --url "$url" --lines 0 --epics "$subscriptions" \
        --duration "$duration" --warmup "$warmup")
    grep -v '^RESULT' <<< "$swift_output"
    python_result=$(grep '^RESULT' <<< "$python_output")
    swift_result=$(grep '^RESULT' <<< "$swift_output")
    ratio=$(awk -v s="$(field rate "$swift_result")" -v p="$(field rate "$python_result")" \
        'BEGIN { printf "%.1f", (p > 0 ? s / p : 0) }')
    cpu_ratio=$(awk -v su="$(field updates "$swift_result")" -v sc="$(field cpu "$swift_result")" \
        -v pu="$(field updates "$python_result")" -v pc="$(field cpu "$python_result")" \
        'BEGIN { if (sc > 0 && pc > 0 && pu > 0) printf "%.1f", (su / sc) / (pu / pc); else print "n/a" }')
    line=$(printf '%-6s x %5s/s: swift %9.0f updates/s (%s, sent %s), python %8.0f updates/s (%s, sent %s) -> %sx; per CPU-second %sx' \
        "$subscriptions" "$rate" "$(field rate "$swift_result")" "$(field transport "$swift_result")" \
        "$(field sent "$swift_result")" "$(field rate "$python_result")" "$(field transport "$python_result")" \
        "$(field sent "$python_result")" "$ratio" "$cpu_ratio")
    echo "$line"
    summary+=("$line")
done
echo
echo "== summary (updates consumed per second over ${duration} s; 'sent' = data notifications the server produced in the window)"
printf '%s\n' "${summary[@]}"
