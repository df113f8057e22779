# Shell helpers shared by the interop runners and the streaming benchmark (source this file; it runs nothing).

# make_venv DIR REQUIREMENTS: creates the venv with $PYTHON (default python3) and installs REQUIREMENTS, again only
# when that file changed since the last successful install.
make_venv() {
    local venv=$1 requirements=$2
    if [ ! -x "$venv/bin/python" ]; then
        "${PYTHON:-python3}" -m venv "$venv"
    fi
    local stamp="$venv/.requirements.sha256" wanted
    wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
        echo "$wanted" > "$stamp"
    fi
}

# start_simulator LOG BINARY [ARGS...]: starts BINARY --port 0 ARGS in the background, writing to LOG, and waits
# (30 s at most) for its "IG simulator listening on URL" line. Sets `simulator` (the pid) and `simulator_url`.
# Returns 1, with the log on stderr, when it exits or stays silent.
start_simulator() {
    local log=$1 binary=$2
    shift 2
    : > "$log"
    "$binary" --port 0 "$@" > "$log" 2>&1 &
    simulator=$!
    simulator_url=""
    for _ in $(seq 1 300); do
        simulator_url=$(sed -n 's/^IG simulator listening on //p' "$log" | head -n 1)
        [ -n "$simulator_url" ] && return 0
        if ! kill -0 "$simulator" 2> /dev/null; then
            echo "ig-simulator exited before listening:" >&2
            cat "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "ig-simulator did not report a URL in 30 s" >&2
    return 1
}

# stop_simulator: stops the simulator started by start_simulator, if any.
stop_simulator() {
    if [ -n "${simulator:-}" ]; then
        kill "$simulator" 2> /dev/null || true
        wait "$simulator" 2> /dev/null || true
        simulator=""
    fi
}
