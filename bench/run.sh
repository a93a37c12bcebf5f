#!/usr/bin/env bash
# The benchmark suite: starts the local cluster with deploy/local/up.sh (pointing its Bot API at
# the fake the load generator hosts), drives it over its public endpoints only, measures each
# figure beside a baseline from the same run, and writes bench/results/<date>.md with its plots.
#
#   bench/run.sh                 every step (about 25 minutes on 2 cores)
#   bench/run.sh STEP...         some steps: startup ingress profile tap-reply checkout broadcast scaling lanes rss report
#   bench/run.sh --smoke         every step for a second or two, results under .run/bench-smoke (CI)
#
# BENCH_SCALING_MAX=1 measures only one order-service instance in the scaling step;
# BENCH_BROADCAST_RECIPIENTS sets the broadcast step's size (10,000 in the full run).
# Steps append to bench/results/<date>.tsv (BENCH_DATE overrides the date), so a long run can be
# split into pieces; `report` rebuilds the Markdown from it (BENCH_BEFORE=<file.tsv> adds a
# before/after table). All traffic stays on loopback; every load is bounded in count and time.
# The cluster must not be running already: the bench starts it with its own fake Bot API, and
# stops it (deploy/local/down.sh) when it is done.
set -euo pipefail
source "$(dirname "$0")/../deploy/local/lib.sh"
cd "$REPO_ROOT"

SMOKE=""
if [ "${1:-}" = "--smoke" ]; then SMOKE=1; shift; fi
STEPS=("$@")
# The smoke skips restarting each service for its start time (minutes on 2 cores); the rest runs.
if [ ${#STEPS[@]} -eq 0 ] && [ -n "$SMOKE" ]; then STEPS=(ingress tap-reply checkout broadcast scaling rss report); fi
[ ${#STEPS[@]} -gt 0 ] || STEPS=(startup ingress profile tap-reply checkout broadcast scaling lanes rss report)

DATE="${BENCH_DATE:-$(date -u +%F)}"
if [ -n "$SMOKE" ]; then OUT="$RUN_DIR/bench-smoke"; rm -rf "$OUT"; else OUT="$REPO_ROOT/bench/results"; fi
mkdir -p "$OUT"
TSV="$OUT/$DATE.tsv"
MD="$OUT/$DATE.md"

# Sizes: the full run, or a smoke that only proves every step still works end to end.
if [ -n "$SMOKE" ]; then
  INGRESS_SECONDS=1; TAP_SECONDS=1; TAP_RATES_TODAY="20"; TAP_RATES_LIFTED="50"; BUYERS=50; ITEMS=5
  SCALING_UPDATES=100; SCALING_MAX=2; PRODUCER_RECORDS=20000; E2E_MESSAGES=500
  BROADCAST_RECIPIENTS=100; BROADCAST_TAP_RATE=5
else
  INGRESS_SECONDS=10; TAP_SECONDS=5; TAP_RATES_TODAY="50 200"; TAP_RATES_LIFTED="50 200 500 1000"; BUYERS=1000; ITEMS=100
  SCALING_UPDATES=2000; SCALING_MAX=3; PRODUCER_RECORDS=300000; E2E_MESSAGES=5000
  BROADCAST_RECIPIENTS=10000; BROADCAST_TAP_RATE=20   # 10,000 at 25/s: about 7 minutes
fi
BROADCAST_RATE="${BROADCAST_PER_SECOND:-25}"          # the notifier's setting, as up.sh passes it on
# A shorter run when time is short: fewer order-service instances in the scaling step.
SCALING_MAX="${BENCH_SCALING_MAX:-$SCALING_MAX}"
BROADCAST_RECIPIENTS="${BENCH_BROADCAST_RECIPIENTS:-$BROADCAST_RECIPIENTS}"
CONCURRENCY=32
LIFTED_BUDGET=100000   # messages/s: in effect no overall budget, Telegram's per-chat limits still apply

# The services talk to the fake Bot API this benchmark hosts (to time each reply's arrival);
# up.sh's own fakes process still serves the fake Pakasir, and its unused Bot API moves aside.
export TELEGRAM_BOT_TOKEN="123456:BENCH-fake-bot-token"
export BENCH_BOT_API_PORT="${BENCH_BOT_API_PORT:-8095}"
export TELEGRAM_API_URL="http://127.0.0.1:$BENCH_BOT_API_PORT"
export FAKE_APIS_PORT="${BENCH_IDLE_FAKE_PORT:-8092}"
export INVENTORY_KEY="${INVENTORY_KEY:-bG9jYWwtZGV2LWtleS1uZXZlci1pbi1wcm9kLTAwMDE=}"

ensure_java
ensure_maven
BENCH_JAR="$REPO_ROOT/bench/target/bench-0.1.0-SNAPSHOT-exec.jar"
BARE_JAR="$REPO_ROOT/bench/bare-service/target/bench-bare-service-0.1.0-SNAPSHOT-exec.jar"
KAFKA_LIB="$RUN_DIR/kafka/lib"

bench() { "$JAVA_HOME/bin/java" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$BENCH_JAR" "$@"; }
put() { # key value note; a step that produced no number says so loudly instead of writing one
  [[ "$2" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { say "WARNING: no number for $1 (got '$2')"; return 0; }
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" | tee -a "$TSV" | sed 's/^/[bench] /' >&2
}
kafka_tool() { "$JAVA_HOME/bin/java" -Xmx256m -cp "$KAFKA_LIB/*" "$@"; }
pid_of() { cat "$PID_DIR/$1.pid"; }

# --- cluster ---------------------------------------------------------------------------------
STARTED=""
cleanup() {
  for f in "$PID_DIR"/bench-*.pid; do [ -f "$f" ] && { kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
  if [ -n "$STARTED" ] && [ "${BENCH_KEEP_CLUSTER:-}" != 1 ]; then deploy/local/down.sh; rm -f "$PID_DIR/bench.cluster"; fi
}
trap cleanup EXIT

start_cluster() {
  if port_open 127.0.0.1 "${INGRESS_PORT:-8080}" && [ ! -f "$PID_DIR/bench.cluster" ]; then
    die "a cluster is already running: stop it (deploy/local/down.sh); the bench starts its own with the fake Bot API it hosts"
  fi
  if [ "${QC_SKIP_BUILD:-}" != 1 ] || [ ! -f "$BENCH_JAR" ]; then
    say "building the load generator (mvn -Pbench package)"
    mvn -B -q -Pbench -pl bench,bench/bare-service -am -DskipTests package >"$LOG_DIR/bench-build.log" 2>&1 \
      || die "bench build failed, see $LOG_DIR/bench-build.log"
  fi
  STARTED=1
  touch "$PID_DIR/bench.cluster"
  deploy/local/up.sh
  [ -f "$KAFKA_LIB/.complete" ] || die "no Kafka jars in $KAFKA_LIB"
}

stop_service() { # name
  local pid; pid=$(pid_of "$1")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_DIR/$1.pid"
}

# Restarts one service through up.sh (which starts only what is missing), with extra settings.
restart_service() { # name [VAR=value...]
  local name=$1; shift
  stop_service "$name"
  env "$@" QC_SKIP_BUILD=1 deploy/local/up.sh 2>&1 | grep -v '^\[quickcart\] \(try\|pay\|logs\)' >&2
}

# The notifier's overall budget (quickcart.bot-api.global-per-second, 30/s by default) caps
# replies today; the bench measures with it and with it lifted. Restarts the notifier if needed.
notifier_budget() { # today|lifted
  local want=""; [ "$1" = lifted ] && want="QUICKCART_BOT_API_GLOBAL_PER_SECOND=$LIFTED_BUDGET"
  local have; have=$(tr '\0' '\n' < "/proc/$(pid_of notifier-service)/environ" | grep '^QUICKCART_BOT_API_GLOBAL_PER_SECOND=' || true)
  [ "$have" = "$want" ] && return
  say "restarting notifier-service with the reply budget $1"
  if [ -n "$want" ]; then restart_service notifier-service "$want"; else restart_service notifier-service -u QUICKCART_BOT_API_GLOBAL_PER_SECOND; fi
}

ready_seconds() { # log file: the JVM's uptime when Spring Boot said the application started
  grep -o 'process running for [0-9.]*' "$1" | tail -1 | awk '{print $4}'
}

rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# --- steps -----------------------------------------------------------------------------------
step_startup() {
  for svc in ingress-service order-service payment-service delivery-service notifier-service; do
    restart_service "$svc"
    put "startup.$svc.seconds" "$(ready_seconds "$LOG_DIR/$svc.log")" "restarted alone, rest of the cluster running"
  done
  psql -h 127.0.0.1 -U postgres -d quickcart -qc "CREATE SCHEMA IF NOT EXISTS bench_bare" >&2
  DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/quickcart KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 BARE_PORT=8089 \
    nohup "$JAVA_HOME/bin/java" -Xms64m -Xmx384m -XX:+UseSerialGC -jar "$BARE_JAR" >"$LOG_DIR/bench-bare.log" 2>&1 &
  echo $! > "$PID_DIR/bench-bare.pid"
  for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:8089/actuator/health/readiness >/dev/null 2>&1 && break; sleep 0.5; done
  put startup.bare.seconds "$(ready_seconds "$LOG_DIR/bench-bare.log")" "same starters, no QuickCart code"
  # Warm-up comparable to a service's: a few thousand requests through the same stack.
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "http://127.0.0.1:8089/actuator/health/liveness?[1-100]"; done
  curl -fsS -o /dev/null http://127.0.0.1:8089/actuator/prometheus
  put rss.bare.mb "$(rss_mb "$(cat "$PID_DIR/bench-bare.pid")")" "after 2,000 liveness probes and a scrape"
  kill "$(cat "$PID_DIR/bench-bare.pid")"; rm -f "$PID_DIR/bench-bare.pid"
}

step_ingress() {
  bench ingress "$TSV" "$INGRESS_SECONDS" "$CONCURRENCY"
  local size; size=$(awk -F'\t' '$1=="ingress.record_bytes" {v=$2} END {printf "%d", v}' "$TSV")
  [ "$size" -gt 0 ] || size=700
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
    --topic bench.producer-perf --partitions 3 --replication-factor 1 >&2
  local line
  line=$(kafka_tool org.apache.kafka.tools.ProducerPerformance --topic bench.producer-perf --num-records "$PRODUCER_RECORDS" \
    --record-size "$size" --throughput -1 --producer-props bootstrap.servers="$KAFKA_BOOTSTRAP" acks=all 2>/dev/null | tail -1)
  echo "[bench] ProducerPerformance: $line" >&2
  put kafka.producer_perf.per_second "$(sed -E 's/.* records sent, ([0-9.]+) records\/sec.*/\1/' <<<"$line")" \
    "$PRODUCER_RECORDS records of $size B, acks=all, default linger/batch, 3 partitions"
}

# JFR (the JDK's own profiler) on the services under load: the ingress during the ingress
# step's load, order-service and the notifier while they work off a burst of /help updates.
jfr_start() { "$JAVA_HOME/bin/jcmd" "$(pid_of "$1")" JFR.start name=bench settings=profile filename="$RUN_DIR/bench-$1.jfr" >/dev/null; }
jfr_summary() { # service what-ran
  "$JAVA_HOME/bin/jcmd" "$(pid_of "$1")" JFR.stop name=bench >/dev/null
  {
    echo "JFR of $1 during $2, $(date -u +%FT%TZ) (samples of Java code on CPU; see also allocation and lock contention)"
    for view in hot-methods allocation-by-class contention-by-site; do
      echo; "$JAVA_HOME/bin/jfr" view --width 170 "$view" "$RUN_DIR/bench-$1.jfr" 2>&1 || true
    done
  } > "$OUT/$DATE-$1-jfr.txt"
  bench flame "$RUN_DIR/bench-$1.jfr" "$OUT/$DATE-$1-flame.svg" "$1 during $2" >&2
  say "JFR summary in $OUT/$DATE-$1-jfr.txt, flame graph in $OUT/$DATE-$1-flame.svg"
}

step_profile() {
  jfr_start ingress-service
  bench ingress "$RUN_DIR/bench-profile.tsv" "$INGRESS_SECONDS" "$CONCURRENCY"
  jfr_summary ingress-service "the ingress step ($INGRESS_SECONDS s, $CONCURRENCY callers)"
  notifier_budget lifted
  jfr_start order-service; jfr_start notifier-service
  bench updates "$RUN_DIR/bench-profile.tsv" 1 "$SCALING_UPDATES"
  jfr_summary order-service "$SCALING_UPDATES /help updates from new chats"
  jfr_summary notifier-service "the replies to $SCALING_UPDATES /help updates, budget lifted"
}

step_tap_reply() {
  notifier_budget today
  # Telegram's overall 30/s applies with today's budget; replies are then held to per-chat limits only.
  bench tap-reply "$TSV" budget 30 "$TAP_SECONDS" $TAP_RATES_TODAY
  notifier_budget lifted
  bench tap-reply "$TSV" lifted 0 "$TAP_SECONDS" $TAP_RATES_LIFTED
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
    --topic bench.e2e --partitions 1 --replication-factor 1 >&2
  local out p50 p99
  out=$(kafka_tool org.apache.kafka.tools.EndToEndLatency "$KAFKA_BOOTSTRAP" bench.e2e "$E2E_MESSAGES" all 700 2>/dev/null)
  echo "[bench] EndToEndLatency: $(tail -2 <<<"$out" | tr '\n' ' ')" >&2
  p50=$(grep -o '50th = [0-9.]*' <<<"$out" | awk '{print $3}')
  p99=$(grep -o '99th = [0-9.]*' <<<"$out" | head -1 | awk '{print $3}')
  put kafka.e2e.p50_ms "$p50" "$E2E_MESSAGES messages of 700 B, acks=all, one at a time"
  put kafka.e2e.p99_ms "$p99" "$E2E_MESSAGES messages of 700 B, acks=all, one at a time"
}

step_checkout() {
  notifier_budget lifted
  bench checkout "$TSV" "$BUYERS" "$ITEMS"
}

start_extra_order_instance() { # port: a clone of up.sh's order-service (same command, same environment)
  local pid envs cmd; pid=$(pid_of order-service)
  mapfile -d '' envs < "/proc/$pid/environ"
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  env -i "${envs[@]}" ORDER_PORT="$1" nohup "${cmd[@]}" >"$LOG_DIR/bench-order-$1.log" 2>&1 &
  echo $! > "$PID_DIR/bench-order-$1.pid"
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q UP && return; sleep 0.5; done
  die "extra order-service on $1 not ready, see $LOG_DIR/bench-order-$1.log"
}

# A broadcast at the notifier's configured rate (its recipients put on broadcast.commands as
# order-service does after an operator confirms), with live taps measured before and during it.
# The reply budget is the production one: broadcasts must not need it lifted.
step_broadcast() {
  notifier_budget today
  bench broadcast "$TSV" "$BROADCAST_RECIPIENTS" "$BROADCAST_RATE" "$TAP_SECONDS" "$BROADCAST_TAP_RATE"
}

step_scaling() {
  notifier_budget lifted
  local n
  for n in $(seq 1 "$SCALING_MAX"); do
    [ "$n" -gt 1 ] && start_extra_order_instance $((8084 + n))
    bench updates "$TSV" "$n" "$SCALING_UPDATES"
  done
  for f in "$PID_DIR"/bench-order-*.pid; do
    if [ -f "$f" ]; then kill "$(cat "$f")"; rm -f "$f"; fi # no match with one instance: not a failure under set -e
  done
}

# The same run's baseline for ADR 27: one order-service instance handling one update at a time
# (ORDER_UPDATE_LANES=1, as before chats got lanes), against the default the scaling step measured.
step_lanes() {
  notifier_budget lifted
  restart_service order-service ORDER_UPDATE_LANES=1
  bench updates "$TSV" 1lane "$SCALING_UPDATES"
  restart_service order-service
}

step_rss() {
  for svc in ingress-service order-service payment-service delivery-service notifier-service; do
    put "rss.$svc.mb" "$(rss_mb "$(pid_of "$svc")")" "VmRSS after the load steps"
  done
}

step_report() {
  bench report "$TSV" "$MD" ${BENCH_BEFORE:-}
}

# --- run ---------------------------------------------------------------------------------------
KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT:-9092}"
needs_cluster=""
for s in "${STEPS[@]}"; do [ "$s" != report ] && needs_cluster=1; done
if [ -n "$needs_cluster" ]; then
  start_cluster
  put meta.cores "$(nproc)" "$(nproc) × $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), commit $(git rev-parse --short HEAD), load average at start $(cut -d' ' -f1 /proc/loadavg)"
elif [ ! -f "$BENCH_JAR" ]; then
  mvn -B -q -Pbench -pl bench -am -DskipTests package >"$LOG_DIR/bench-build.log" 2>&1 || die "bench build failed"
fi
for s in "${STEPS[@]}"; do
  say "bench step: $s"
  case "$s" in
    startup) step_startup ;; ingress) step_ingress ;; profile) step_profile ;; tap-reply) step_tap_reply ;;
    checkout) step_checkout ;; broadcast) step_broadcast ;; scaling) step_scaling ;; rss) step_rss ;; lanes) step_lanes ;; report) step_report ;;
    *) die "unknown step $s (startup ingress profile tap-reply checkout broadcast scaling rss lanes report)" ;;
  esac
done
if [ -n "$SMOKE" ]; then
  # The smoke fails loudly if any step stopped producing its figures.
  for key in ingress.webhook.per_second kafka.producer_perf.per_second tap.lifted.50.p99_ms kafka.e2e.p99_ms \
             checkout.exact broadcast.rate_ratio tap.broadcast-on.5.p99_ms scaling.2.per_second rss.order-service.mb; do
    grep -q "^$key	[0-9]" "$TSV" || die "bench smoke: no figure for $key in $TSV"
  done
  grep -q '^checkout.exact	1' "$TSV" || die "bench smoke: the checkout race did not sell exactly $ITEMS items once each"
  say "bench smoke passed: $MD"
fi
