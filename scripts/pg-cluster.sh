#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster from the machine's server binaries and prints its
# DATABASE_URL. Usage: scripts/pg-cluster.sh DIR PORT   (stop: pg_ctl -D DIR/data stop)
# PG_CLUSTER_OPTIONS adds server options (e.g. "-c shared_preload_libraries=pg_stat_statements").
set -euo pipefail
dir=${1:?dir}; port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
mkdir -p "$dir"
chown postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
fi
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 ${PG_CLUSTER_OPTIONS:-}" start >/dev/null
echo "postgresql://postgres@127.0.0.1:$port/postgres"
