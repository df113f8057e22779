#!/usr/bin/env bash
# Backtest proof: a month of MINUTE bars recorded from a simulator with seed 7 into a store, replayed by a stepped
# simulator; the unchanged trading-ig 0.0.25 + lightstreamer-client-lib 1.0.3 run a moving-average crossover on it
# twice, and both runs must print the same deals and result.
# Usage: Interop/run-backtest.sh PATH_TO_ig PATH_TO_ig-simulator [EPIC] [FROM] [TO]
set -euo pipefail

ig=${1:?usage: Interop/run-backtest.sh PATH_TO_ig PATH_TO_ig-simulator [EPIC] [FROM] [TO]}
binary=${2:?usage: Interop/run-backtest.sh PATH_TO_ig PATH_TO_ig-simulator [EPIC] [FROM] [TO]}
epic=${3:-CS.D.EURUSD.TODAY.IP}
from=${4:-2025-03-01T00:00:00Z}
to=${5:-2025-04-01T00:00:00Z}
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
source "$here/simulator-tools.sh"
make_venv "$venv" "$here/requirements.txt"

work=$(mktemp -d)
cleanup() {
    stop_simulator
    rm -rf "$work"
}
trap cleanup EXIT
store="$work/recording.sqlite"

# 1. Record: a simulator with another seed, its MINUTE bars fetched through REST into the store.
start_simulator "$work/recorder.log" "$binary" --seed 7 --allowances unlimited --allowance-historical 1000000
"$ig" prices "$epic" -r MINUTE --from "${from%Z}" --to "${to%Z}" --base-url "$simulator_url" --store "$store" \
    --force --format csv > /dev/null
stop_simulator

# 2. Replay twice, each in a fresh stepped simulator.
for run in 1 2; do
    start_simulator "$work/replay-$run.log" "$binary" --prices store --store "$store" --clock "$from" --stepped \
        --allowances unlimited
    started=$(date +%s.%N)
    "$venv/bin/python" "$here/backtest_crossover.py" "$simulator_url" "$epic" "$to" > "$work/run-$run.txt"
    finished=$(date +%s.%N)
    stop_simulator
    tail -n 1 "$work/run-$run.txt"
    echo "run $run: $(grep -c '^deal ' "$work/run-$run.txt") deals in $(echo "$finished - $started" | bc) s"
done
if cmp -s "$work/run-1.txt" "$work/run-2.txt"; then
    echo "PASS: both runs printed the same deals and result"
else
    echo "FAIL: the runs differ"
    diff "$work/run-1.txt" "$work/run-2.txt" | head -20
    exit 1
fi
