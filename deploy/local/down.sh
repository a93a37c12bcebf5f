#!/usr/bin/env bash
# Stops exactly what up.sh started, by the pids it recorded, and nothing else. Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

stop_pid() { # name
  local file="$PID_DIR/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

for name in ingress-service order-service payment-service delivery-service notifier-service fake-apis; do
  stop_pid "$name"
done
"$(dirname "$0")/kafka.sh" stop
stop_pid redis
if [ -f "$PID_DIR/postgres.started" ]; then
  version=$(cat "$PID_DIR/postgres.started")
  say "stopping PostgreSQL $version (up.sh started it)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main stop || true
  rm -f "$PID_DIR/postgres.started"
fi
say "stopped"
