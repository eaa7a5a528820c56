#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: under a folder of the build, on a loopback port, trust
# auth on loopback. Prints the URL to use as ORBIT_TEST_PG.
# Usage: scripts/pg-cluster.sh DIR [PORT]    (start, making the cluster the first time)
#        scripts/pg-cluster.sh --stop DIR    (stop it)
set -euo pipefail
stop=""
if [ "${1:-}" = "--stop" ]; then stop=1; shift; fi
dir="$(realpath -m "${1:?give a folder for the cluster}")"
port="${2:-54329}"
bin=""
for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && bin="$candidate"; done
if [ -z "$bin" ]; then bin="$(dirname "$(command -v initdb)")"; fi
as=()
# initdb and postgres refuse to run as root: run them as the postgres user Debian's package makes
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
if [ -n "$stop" ]; then exec "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop; fi
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  if ! runuser -u postgres -- test -w "$dir"; then echo "pg-cluster: the postgres user cannot reach $dir" >&2; exit 1; fi
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U orbit --auth=trust --no-sync -E UTF8 > "$dir/initdb.log"
fi
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -c unix_socket_directories= -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start > /dev/null
"${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U orbit orbit_test 2>/dev/null || true
echo "postgres://orbit@127.0.0.1:$port/orbit_test"
