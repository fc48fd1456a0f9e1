#!/usr/bin/env bash
# Throwaway PostgreSQL and MariaDB servers for Basalt's tests: each in its own folder, on
# 127.0.0.1 only, started without systemd, with a test user that has a password.
#
#   scripts/test-databases.sh install [postgres|mariadb]...  install the Debian packages whose
#                                                        binaries are missing (as root)
#   scripts/test-databases.sh start postgres|mariadb DIR PORT
#                                                        start a server kept in DIR; prints
#                                                        url=..., user=..., password=...
#   scripts/test-databases.sh stop DIR                   stop the server kept in DIR
#   scripts/test-databases.sh crash DIR                  stop the PostgreSQL server kept in DIR
#                                                        at once (pg_ctl stop -m immediate, as a
#                                                        crash would), keeping its data
#   scripts/test-databases.sh restart DIR                start a crashed server again, on its
#                                                        port, with its data
#
# With BASALT_TEST_DB_OWNER_PID set, start also leaves a watchdog that stops the server once
# that process (the test JVM) is gone, however it ended.
set -euo pipefail

readonly TEST_USER=basalt_test
readonly TEST_PASSWORD=basalt-test-password
readonly TEST_DATABASE=basalt_test
readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly START_TIMEOUT_SECONDS=60
readonly MARKER=.basalt-test-database
readonly POLICY_RC=/usr/sbin/policy-rc.d

die() {
  echo "test-databases: $*" >&2
  exit 1
}

is_root() {
  [ "$(id -u)" -eq 0 ]
}

mariadb_bin() {
  command -v mariadbd || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true
}

installed() {
  case "$1" in
    postgres) [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/postgres" ] ;;
    mariadb) [ -n "$(mariadb_bin)" ] && command -v mariadb-install-db >/dev/null \
      && command -v mariadb >/dev/null ;;
    *) die "unknown database '$1' (expected postgres or mariadb)" ;;
  esac
}

package_of() {
  case "$1" in
    postgres) echo postgresql ;;
    mariadb) echo mariadb-server ;;
  esac
}

# --- install -------------------------------------------------------------------------------

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

cmd_install() {
  local engines=("$@") packages=() engine
  [ ${#engines[@]} -gt 0 ] || engines=(postgres mariadb)
  for engine in "${engines[@]}"; do
    installed "$engine" || packages+=("$(package_of "$engine")")
  done
  [ ${#packages[@]} -gt 0 ] || { echo "test-databases: ${engines[*]} already installed"; return; }
  is_root || die "${packages[*]} missing; run '$0 install' as root" \
    "(or apt-get install -y ${packages[*]})"
  command -v apt-get >/dev/null || die "${packages[*]} missing and there is no apt-get"
  # The packages' scripts would start a system-wide server; tests start their own. Docker
  # images forbid that with policy-rc.d already; elsewhere forbid it for this install only.
  # (Globals: the EXIT trap runs after this function's locals are gone.)
  if [ ! -e "$POLICY_RC" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$POLICY_RC" && chmod 755 "$POLICY_RC"
    trap 'rm -f "$POLICY_RC"' EXIT
  fi
  echo "test-databases: installing ${packages[*]}"
  # Package lists may be missing or stale on a fresh machine: update only when needed.
  if ! apt_install "${packages[@]}"; then
    echo "test-databases: install failed; running apt-get update and trying again"
    apt-get update -q
    apt_install "${packages[@]}"
  fi
  for engine in "${engines[@]}"; do
    installed "$engine" || die "installed ${packages[*]} but $engine's binaries are still missing"
  done
}

# --- start ---------------------------------------------------------------------------------

# Runs a command as the server's own account: PostgreSQL refuses to run as root.
as_postgres() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Where the cluster's files go: DIR/data, unless DIR is out of the postgres account's reach
# (a checkout under /root), then a private folder under /tmp that stop removes.
postgres_data_dir() {
  local dir=$1
  if ! is_root; then
    echo "$dir/data"
    return
  fi
  chown postgres: "$dir"
  if runuser -u postgres -- test -w "$dir"; then
    echo "$dir/data"
  else
    local data
    data=$(mktemp -d "${TMPDIR:-/tmp}/basalt-test-postgres.XXXXXX")
    chown postgres: "$data"
    echo "$data" >"$dir/external-data"
    echo "$data/data"
  fi
}

# A folder for the server's Unix socket under /tmp: a socket's path must stay under 108
# bytes, which a checkout deep in the file system would pass. Stop removes it.
socket_dir() {
  local dir=$1 owner=$2 sockets
  sockets=$(mktemp -d /tmp/basalt-test-db.XXXXXX)
  if is_root && [ "$owner" != root ]; then chown "$owner": "$sockets"; fi
  echo "$sockets" >"$dir/socket-dir"
  echo "$sockets"
}

# Starts the cluster in DATA (made by start_postgres) on PORT, its socket in SOCKETS.
launch_postgres() {
  local dir=$1 data=$2 port=$3 sockets=$4
  # The log goes in the data folder, which the postgres account can write (DIR may not be).
  as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t "$START_TIMEOUT_SECONDS" \
    -o "-h 127.0.0.1 -p $port -k $sockets -c fsync=off -c full_page_writes=off" start \
    >"$dir/pg_ctl.log" 2>&1 \
    || { cat "$dir/pg_ctl.log" "$data/server.log" >&2 2>/dev/null; die "PostgreSQL did not start on port $port"; }
}

start_postgres() {
  local dir=$1 port=$2 data sockets
  data=$(postgres_data_dir "$dir")
  echo "$data" >"$dir/data-dir"
  sockets=$(socket_dir "$dir" postgres)
  # The superuser has no password, so no TCP login: it only ever uses the socket.
  as_postgres "$PG_BIN/initdb" -D "$data" -U postgres \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed in $data"; }
  launch_postgres "$dir" "$data" "$port" "$sockets"
  as_postgres "$PG_BIN/psql" -h "$sockets" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $TEST_USER LOGIN CREATEDB PASSWORD '$TEST_PASSWORD'" \
    -c "CREATE DATABASE $TEST_DATABASE OWNER $TEST_USER" >"$dir/setup.log" 2>&1 \
    || { cat "$dir/setup.log" >&2; die "cannot create the test user in PostgreSQL"; }
  echo "url=jdbc:postgresql://127.0.0.1:$port/$TEST_DATABASE"
}

start_mariadb() {
  local dir=$1 port=$2 mariadbd account=() sockets
  # Small buffers and redo log: a test server holds little, and the machine has other work.
  local sizes=(--innodb-buffer-pool-size=64M --innodb-log-file-size=16M)
  mariadbd=$(mariadb_bin)
  # As root the server runs as root (--user=root): its files stay in DIR, which the mysql
  # account may not reach; otherwise it runs as whoever runs this script.
  if is_root; then account=(--user=root); fi
  sockets=$(socket_dir "$dir" root)
  mariadb-install-db --no-defaults --datadir="$dir/data" "${account[@]}" "${sizes[@]}" \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/install-db.log" 2>&1 \
    || { cat "$dir/install-db.log" >&2; die "mariadb-install-db failed in $dir/data"; }
  # No output to our stdout: whoever reads it waits for it to close.
  nohup "$mariadbd" --no-defaults --datadir="$dir/data" "${account[@]}" "${sizes[@]}" --port="$port" \
    --bind-address=127.0.0.1 --socket="$sockets/sock" --pid-file="$dir/mariadb.pid" \
    --skip-name-resolve --log-error="$dir/server.log" </dev/null >>"$dir/server.log" 2>&1 &
  local waited=0
  until mariadb --no-defaults --socket="$sockets/sock" -u root -e 'SELECT 1' >/dev/null 2>&1; do
    if ! kill -0 $! 2>/dev/null; then
      cat "$dir/server.log" >&2
      die "MariaDB exited before accepting connections on port $port"
    fi
    waited=$((waited + 1))
    [ "$waited" -le $((START_TIMEOUT_SECONDS * 5)) ] \
      || { cat "$dir/server.log" >&2; die "MariaDB did not accept connections on port $port"; }
    sleep 0.2
  done
  mariadb --no-defaults --socket="$sockets/sock" -u root >"$dir/setup.log" 2>&1 <<SQL \
    || { cat "$dir/setup.log" >&2; die "cannot create the test user in MariaDB"; }
-- root keeps only its socket account (no password; only root may enter the socket's
-- folder): nothing on TCP gets in without the test user's password.
DELETE FROM mysql.global_priv WHERE User = 'root' AND Host <> 'localhost';
FLUSH PRIVILEGES;
CREATE DATABASE $TEST_DATABASE;
CREATE USER '$TEST_USER'@'%' IDENTIFIED BY '$TEST_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'%';
SQL
  echo "url=jdbc:mariadb://127.0.0.1:$port/$TEST_DATABASE"
}

watch_owner() {
  local dir=$1 owner=$2
  # setsid and closed descriptors: the watchdog outlives this script without holding its output.
  setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; "$2" stop "$3"' \
    watchdog "$owner" "$(readlink -f "$0")" "$dir" </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/watchdog.pid"
}

cmd_start() {
  [ $# -eq 3 ] || die "usage: $0 start postgres|mariadb DIR PORT"
  local engine=$1 dir=$2 port=$3
  [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number: '$port'"
  installed "$engine" || die "$engine is not installed; run '$0 install $engine' as root"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # Start begins afresh, deleting what DIR holds: only ever a folder this script made.
  if [ -n "$(ls -A "$dir")" ] && [ ! -f "$dir/$MARKER" ]; then
    die "$dir is not empty and holds no test database: give an empty or new folder"
  fi
  [ ! -e "$dir/engine" ] || cmd_stop "$dir" >/dev/null 2>&1 || true
  find "$dir" -mindepth 1 -delete
  touch "$dir/$MARKER"
  echo "$engine" >"$dir/engine"
  echo "$port" >"$dir/port"
  case "$engine" in
    postgres) start_postgres "$dir" "$port" ;;
    mariadb) start_mariadb "$dir" "$port" ;;
  esac
  echo "user=$TEST_USER"
  echo "password=$TEST_PASSWORD"
  if [ -n "${BASALT_TEST_DB_OWNER_PID:-}" ]; then
    watch_owner "$dir" "$BASALT_TEST_DB_OWNER_PID"
  fi
}

# --- stop ----------------------------------------------------------------------------------

# Waits up to 30 s for a process to end.
await_exit() {
  local pid=$1 waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 150 ]; do
    sleep 0.2
    waited=$((waited + 1))
  done
  ! kill -0 "$pid" 2>/dev/null
}

cmd_stop() {
  [ $# -eq 1 ] || die "usage: $0 stop DIR"
  local dir=$1 pid
  [ -f "$dir/engine" ] || die "no test database in $dir"
  case "$(cat "$dir/engine")" in
    postgres)
      local data
      data=$(cat "$dir/data-dir" 2>/dev/null || true)
      if [ -n "$data" ] && [ -f "$data/postmaster.pid" ]; then
        pid=$(head -1 "$data/postmaster.pid")
        # SIGINT is PostgreSQL's fast shutdown: no waiting for clients to disconnect.
        kill -INT "$pid" 2>/dev/null || true
        await_exit "$pid" || kill -KILL "$pid" 2>/dev/null || true
      fi
      [ -z "$data" ] || [ ! -f "$data/server.log" ] || cp "$data/server.log" "$dir/server.log"
      ;;
    mariadb)
      if [ -f "$dir/mariadb.pid" ]; then
        pid=$(cat "$dir/mariadb.pid")
        kill -TERM "$pid" 2>/dev/null || true
        await_exit "$pid" || kill -KILL "$pid" 2>/dev/null || true
      fi
      ;;
  esac
  if [ -f "$dir/socket-dir" ]; then
    rm -rf "$(cat "$dir/socket-dir")"
    rm -f "$dir/socket-dir"
  fi
  if [ -f "$dir/external-data" ]; then
    rm -rf "$(cat "$dir/external-data")"
    rm -f "$dir/external-data"
  fi
  if [ -f "$dir/watchdog.pid" ]; then
    pid=$(cat "$dir/watchdog.pid")
    rm -f "$dir/watchdog.pid"
    # Not the watchdog itself, which ends once this stop returns.
    [ "$pid" = "$PPID" ] || kill "$pid" 2>/dev/null || true
  fi
  # The data is of no use once stopped (start begins afresh); the logs stay for a look.
  rm -rf "$dir/data"
  rm -f "$dir/engine"
  echo "test-databases: stopped the server in $dir"
}

# --- crash and restart ---------------------------------------------------------------------

# The data folder of the PostgreSQL server in DIR, or a failure when DIR holds none.
postgres_data() {
  local dir=$1
  [ -f "$dir/engine" ] || die "no test database in $dir"
  [ "$(cat "$dir/engine")" = postgres ] || die "crash and restart are for PostgreSQL only"
  cat "$dir/data-dir"
}

cmd_crash() {
  [ $# -eq 1 ] || die "usage: $0 crash DIR"
  local data
  data=$(postgres_data "$1")
  # Immediate mode: the postmaster kills its backends without a checkpoint, as a crash would.
  as_postgres "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >"$1/pg_ctl.log" 2>&1 \
    || { cat "$1/pg_ctl.log" >&2; die "pg_ctl stop -m immediate failed in $data"; }
  echo "test-databases: crashed the server in $1"
}

cmd_restart() {
  [ $# -eq 1 ] || die "usage: $0 restart DIR"
  local dir=$1 data
  data=$(postgres_data "$dir")
  launch_postgres "$dir" "$data" "$(cat "$dir/port")" "$(cat "$dir/socket-dir")"
  echo "test-databases: restarted the server in $dir"
}

case "${1:-}" in
  install) shift; cmd_install "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  crash) shift; cmd_crash "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  *) die "usage: $0 install [postgres|mariadb]... | start postgres|mariadb DIR PORT | stop DIR" \
    "| crash DIR | restart DIR" ;;
esac
