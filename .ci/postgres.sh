#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for swift-ig's tests and benchmarks, and prints its URL.
#
#   eval "$(bash .ci/postgres.sh)"      # exports IG_TEST_POSTGRES_URL=postgres://igpg@127.0.0.1:PORT/igtest
#
# Installs Debian's `postgresql` package when no server binaries are found, runs the cluster as the non-root user
# `igpg` (created when missing; initdb refuses root) on a free loopback port with trust authentication, and creates
# the database. The cluster lives in ${IG_PG_DIR:-/tmp/swift-ig-postgres}; a cluster already running there is reused.
# Stop it with: su igpg -c "pg_ctl -D /tmp/swift-ig-postgres/data stop"
set -euo pipefail

dir=${IG_PG_DIR:-/tmp/swift-ig-postgres}
user=${IG_PG_USER:-igpg}
database=${IG_PG_DATABASE:-igtest}

find_bin() {
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && { echo "$candidate"; return 0; }
    done
    return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
    echo "installing postgresql (Debian package)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin=$(find_bin)
fi

as_user() {
    if [ "$(id -u)" -eq 0 ]; then
        su "$user" -s /bin/bash -c "$*"
    else
        bash -c "$*"
    fi
}

if [ "$(id -u)" -eq 0 ]; then
    id -u "$user" >/dev/null 2>&1 || useradd -m "$user"
else
    user=$(id -un)
fi

mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown "$user" "$dir"

if [ -f "$dir/port" ] && as_user "'$bin/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then
    port=$(cat "$dir/port")
else
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_user "'$bin/initdb' -D '$dir/data' -U '$user' --auth=trust -E UTF8 --locale=C" >/dev/null
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_user "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >/dev/null
    echo "$port" > "$dir/port"
fi

if ! as_user "'$bin/psql' -h 127.0.0.1 -p $port -U '$user' -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$database'\"" | grep -q 1; then
    as_user "'$bin/createdb' -h 127.0.0.1 -p $port -U '$user' '$database'"
fi

echo "export IG_TEST_POSTGRES_URL=postgres://$user@127.0.0.1:$port/$database"
