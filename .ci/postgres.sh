#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for swift-ig's tests and benchmarks, and prints its URL.
#
#   eval "$(bash .ci/postgres.sh)"      # exports IG_TEST_POSTGRES_URL=postgres://igpg@127.0.0.1:PORT/igtest
#
# Installs Debian's `postgresql` package when no server binaries are found, runs the cluster as the non-root user
# `igpg` (created when missing; initdb refuses root) on a free loopback port with trust authentication, and creates
# the database. The server also takes TLS, with a certificate signed by a test authority (IG_TEST_POSTGRES_CA, printed
# too). The cluster lives in ${IG_PG_DIR:-/tmp/swift-ig-postgres}; a cluster already running there is reused.
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

# TLS for the store's sslmode tests: a certificate authority and a server certificate for 127.0.0.1 and localhost,
# made once with openssl (installed when missing). The server takes TLS and plain connections alike.
tls_dir="$dir/tls"
if [ ! -f "$tls_dir/server.key" ]; then
    command -v openssl >/dev/null 2>&1 || {
        echo "installing openssl (Debian package)" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >&2
    }
    mkdir -p "$tls_dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=swift-ig test CA" \
        -keyout "$tls_dir/ca.key" -out "$tls_dir/ca.crt" >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$tls_dir/server.key" \
        -out "$tls_dir/server.csr" >/dev/null 2>&1
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$tls_dir/san.ext"
    openssl x509 -req -in "$tls_dir/server.csr" -CA "$tls_dir/ca.crt" -CAkey "$tls_dir/ca.key" -CAcreateserial \
        -days 3650 -extfile "$tls_dir/san.ext" -out "$tls_dir/server.crt" >/dev/null 2>&1
    chmod 600 "$tls_dir/server.key"
    [ "$(id -u)" -eq 0 ] && chown -R "$user" "$tls_dir"
fi

if [ -f "$dir/port" ] && as_user "'$bin/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1 \
    && as_user "'$bin/psql' -h 127.0.0.1 -p $(cat "$dir/port") -U '$user' -d postgres -tAc 'SHOW ssl'" | grep -q on; then
    port=$(cat "$dir/port")
else
    # A cluster started before TLS was set up is restarted with it.
    as_user "'$bin/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_user "'$bin/initdb' -D '$dir/data' -U '$user' --auth=trust -E UTF8 --locale=C" >/dev/null
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    as_user "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c ssl=on -c ssl_cert_file=$tls_dir/server.crt -c ssl_key_file=$tls_dir/server.key\" start" >/dev/null
    echo "$port" > "$dir/port"
fi

if ! as_user "'$bin/psql' -h 127.0.0.1 -p $port -U '$user' -d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$database'\"" | grep -q 1; then
    as_user "'$bin/createdb' -h 127.0.0.1 -p $port -U '$user' '$database'"
fi

echo "export IG_TEST_POSTGRES_URL=postgres://$user@127.0.0.1:$port/$database"
echo "export IG_TEST_POSTGRES_CA=$tls_dir/ca.crt"
