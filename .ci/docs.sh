#!/usr/bin/env bash
# Builds the DocC documentation of every library target and fails on any warning (a broken symbol link, a
# parameter documented under the wrong name, an article that does not resolve).
# Usage: bash .ci/docs.sh [TARGET...]   (default: every documented library target)
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(IGModels IGTrading Lightstreamer IGStreaming IGSimulator IGMarketData IGMarketDataSync)
fi

failed=0
# Every public declaration of the libraries carries a /// comment.
if ! python3 .ci/undocumented.py IGModels IGTrading Lightstreamer IGStreaming IGSimulator IGMarketData IGMarketDataSync IGSimulatorTesting IGCommands; then
    failed=1
fi
for target in "${targets[@]}"; do
    log=$(mktemp)
    if ! swift package --disable-sandbox generate-documentation --target "$target" >"$log" 2>&1; then
        echo "docs: $target failed to build"
        grep -a -v -E '^\[[0-9]+/[0-9]+\]' "$log" | tail -n 40
        failed=1
    elif grep -a -E '^(warning|error):' "$log" | grep -a -q -v -E 'unhandled; explicitly declare them as resources'; then
        # (SwiftPM's notes about files in dependencies' folders are not ours.)
        echo "docs: $target has warnings"
        grep -a -A 8 -E '^(warning|error):' "$log" | grep -a -v -E 'unhandled; explicitly declare|CMakeLists.txt' \
            | head -n 300 || true
        failed=1
    else
        echo "docs: $target ok ($(grep -a -o 'Generated documentation archive at:.*' "$log" | head -n 1 || true))"
    fi
    rm -f "$log"
done
exit "$failed"
