#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store conformance tests (tests/store/) and prints, as
# the LAST line of stdout, the variable that turns those tests on:
#
#     export LTSCTL_TEST_DATABASE_URL=postgres://ltsctl@127.0.0.1:PORT/ltsctl
#
# Use:   eval "$(bash .ci/postgres.sh)" && cargo test --test store
# For benchmarks, a second one with durability on (LTSCTL_PG_DURABLE, below); its URL is the
# LTSCTL_BENCH_DATABASE_URL of `cargo bench --bench lts`:
#        LTSCTL_PG_DIR=/tmp/ltsctl-pg-bench LTSCTL_PG_DURABLE=1 bash .ci/postgres.sh
#
# The cluster lives in $LTSCTL_PG_DIR (default /tmp/ltsctl-pg): data in DIR/data, log in DIR/log, socket in
# DIR. It listens on 127.0.0.1 only, on a free port, with trust authentication (it is throwaway: never
# point it at anything real). The role `ltsctl` may create databases; each test creates and drops its own.
# Running the script again while the server is up just prints the same line; a stale directory is wiped.
#
# Stop it:   runuser -u postgres -- pg_ctl stop -D /tmp/ltsctl-pg/data -m fast     (as root)
#            pg_ctl stop -D /tmp/ltsctl-pg/data -m fast                            (as yourself)
# (pg_ctl is under /usr/lib/postgresql/*/bin.) Then `rm -rf /tmp/ltsctl-pg`.
#
# Works as root on Debian (the server then runs as the `postgres` user, installed with apt-get if missing)
# and as an ordinary user who has the server binaries. Everything but the last two lines goes to stderr.
set -euo pipefail

DIR="${LTSCTL_PG_DIR:-/tmp/ltsctl-pg}"
DATA="$DIR/data"
ROLE=ltsctl

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

find_bindir() {
  local pg_ctl
  pg_ctl=$(ls -1d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$pg_ctl" ]; then
    dirname "$pg_ctl"
  elif command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH); install postgresql"
    exit 1
  fi
  log "installing postgresql"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  BINDIR=$(find_bindir)
  [ -n "$BINDIR" ] || { log "postgresql installed but no pg_ctl found"; exit 1; }
fi

# Root cannot run the server: run its programs as `postgres`; anyone else runs them as themselves.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner() { runuser -u postgres -- "$@"; }
  OWNER=postgres
else
  as_owner() { "$@"; }
  OWNER=$(id -un)
fi

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' \
      2>/dev/null && return
  fi
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  log "no free port found"
  return 1
}

emit() {
  local port=$1
  echo "# PostgreSQL in $DIR on 127.0.0.1:$port; stop: $( [ "$OWNER" = "$(id -un)" ] || echo "runuser -u $OWNER -- ")$BINDIR/pg_ctl stop -D $DATA -m fast"
  echo "export LTSCTL_TEST_DATABASE_URL=postgres://$ROLE@127.0.0.1:$port/$ROLE"
}

# Already running from an earlier call: reuse it.
if [ -f "$DIR/port" ] && [ -d "$DATA" ] && as_owner "$BINDIR/pg_ctl" status -D "$DATA" >/dev/null 2>&1; then
  port=$(cat "$DIR/port")
  if as_owner "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    log "already running on port $port"
    emit "$port"
    exit 0
  fi
fi

# Anything left from a run that is no longer up (or half made) is thrown away.
if [ -d "$DATA" ] && as_owner "$BINDIR/pg_ctl" status -D "$DATA" >/dev/null 2>&1; then
  as_owner "$BINDIR/pg_ctl" stop -D "$DATA" -m immediate >&2 || true
fi
rm -rf "$DIR"
mkdir -p "$DIR"
chmod 0700 "$DIR"
[ "$OWNER" = "$(id -un)" ] || chown "$OWNER" "$DIR"

log "initdb in $DATA ($BINDIR)"
as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || as_owner "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }

port=$(free_port)
log "starting on 127.0.0.1:$port"
# Durability is pointless for tests: fsync off keeps them fast. LTSCTL_PG_DURABLE=1 keeps PostgreSQL's
# defaults (fsync, synchronous_commit and full_page_writes on), what users run: for benchmarks.
if [ "${LTSCTL_PG_DURABLE:-0}" = 1 ]; then
  durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
else
  durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_owner "$BINDIR/pg_ctl" start -w -t 60 -D "$DATA" -l "$DIR/log" -o "-c listen_addresses=127.0.0.1 -c port=$port \
  -c unix_socket_directories=$DIR -c max_connections=200 $durability" >&2 || { cat "$DIR/log" >&2; exit 1; }
echo "$port" >"$DIR/port"

psql_su() { as_owner "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$port" -U postgres -d postgres "$@"; }
# pg_signal_backend: DROP DATABASE ... WITH (FORCE) may have to stop an autovacuum worker in the database.
psql_su -c "CREATE ROLE $ROLE LOGIN CREATEDB" >&2
psql_su -c "GRANT pg_signal_backend TO $ROLE" >&2
psql_su -c "CREATE DATABASE $ROLE OWNER $ROLE" >&2

log "ready"
emit "$port"
