#!/usr/bin/env bash
# Starts the whole store on loopback: a real Kafka broker (KRaft), PostgreSQL, Redis when there
# is one, and the five services. Idempotent: what already runs is left running.
# Settings come from the environment, then from ./.env, then from the defaults below.
#
#   deploy/local/up.sh           the demo store: a catalogue of 11 products with goods (local profile)
#   deploy/local/up.sh --empty   a new store with nothing in it, in a database of its own
#                                (empty_store): create the catalogue, upload goods and make the
#                                first sale from the bot alone. Stop the other one first (down.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
if [ -f .env ]; then set -a; source .env; set +a; fi
EMPTY_STORE=""
case "${1:-}" in
  --empty) EMPTY_STORE=1 ;;
  "") ;;
  *) die "unknown option $1 (deploy/local/up.sh [--empty])" ;;
esac
if [ -n "$EMPTY_STORE" ]; then
  # No demo catalogue (order-service's Liquibase "demo" context) and no demo goods (delivery).
  export SPRING_LIQUIBASE_CONTEXTS=main QUICKCART_INVENTORY_DEMO_DATA=false
  say "an empty store: no demo catalogue, no demo goods (database empty_store)"
fi

# The local profile (the default here) gets fakes for Telegram and Pakasir and a development
# inventory key. Any other profile is a live store: it gets none of them, and is refused before
# anything starts when a setting is missing or unsafe.
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}"
if ! local_profile; then
  check_production_settings || die "fix the settings above (docs/GOING-LIVE.md), or run without SPRING_PROFILES_ACTIVE for the local store"
fi

ensure_java
ensure_maven

# --- infrastructure -------------------------------------------------------------------------
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  "$REPO_ROOT/deploy/local/kafka.sh" start
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_PORT:-9092}"
fi
if [ -z "${DATABASE_URL:-}" ]; then
  ensure_postgres
  database=quickcart
  [ -n "$EMPTY_STORE" ] && database=empty_store
  ensure_database "$database"
  export DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$database"
  export DATABASE_USER="${DATABASE_USER:-postgres}"
fi
if [ -z "${REDIS_URL:-}" ] && port_open 127.0.0.1 6379; then
  export REDIS_URL="redis://127.0.0.1:6379"
fi
[ -n "${REDIS_URL:-}" ] && say "sessions in Redis at $REDIS_URL" || say "no Redis: sessions in memory (one order-service instance only)"

# --- outside APIs: the real ones when configured, else (local profile only) fakes that speak their wire format
export TELEGRAM_WEBHOOK_SECRET="${TELEGRAM_WEBHOOK_SECRET:-$LOCAL_WEBHOOK_SECRET}"
export PAKASIR_PROJECT="${PAKASIR_PROJECT:-quickcart-local}"
if [ -z "${TELEGRAM_BOT_TOKEN:-}" ]; then
  export TELEGRAM_BOT_TOKEN="$LOCAL_BOT_TOKEN"
  export TELEGRAM_API_URL="http://127.0.0.1:${FAKE_APIS_PORT:-8090}"
  # The sandbox chat's operator persona (SandboxPersona.OPERATOR_ID in test-support) is the store's admin.
  export ADMIN_IDS="${ADMIN_IDS:-700000009}"
  USE_FAKES=1
fi
if [ -z "${PAKASIR_API_KEY:-}" ]; then
  export PAKASIR_API_KEY="$LOCAL_PAKASIR_API_KEY"
  export PAKASIR_API_URL="http://127.0.0.1:${FAKE_PAKASIR_PORT:-8091}"
  # QR messages link to the fake's checkout page, where a developer pays without a banking app.
  export PAKASIR_CHECKOUT_URL="${PAKASIR_CHECKOUT_URL:-$PAKASIR_API_URL/pay/$PAKASIR_PROJECT}"
  USE_FAKE_PAKASIR=1
fi
# A fixed development key for the demo goods; production must set its own (openssl rand -base64 32).
export INVENTORY_KEY="${INVENTORY_KEY:-$LOCAL_INVENTORY_KEY}"
# The sealed routes' key pairs (docs/adr/0013, 0022): goods for the notifier, uploaded stock for
# delivery-service, typed text for order-service. Unset, each gets a fixed development pair
# (goods-transit key id 329fb3e11aa512c0). Production sets its own; given only the private key,
# the public one is derived with openssl.
transit_pair() {
  local private_var="$1_PRIVATE_KEY" public_var="$1_PUBLIC_KEY" local_private local_public
  local_private="LOCAL_$1_PRIVATE_KEY"
  local_public="LOCAL_$1_PUBLIC_KEY"
  if [ -z "${!private_var:-}" ] && [ -z "${!public_var:-}" ]; then
    export "$private_var=${!local_private}" "$public_var=${!local_public}"
  elif [ -z "${!public_var:-}" ]; then
    command -v openssl >/dev/null || die "$public_var is unset and openssl is missing to derive it from $private_var"
    local derived
    derived="$(base64 -d <<<"${!private_var}" | openssl pkey -inform DER -pubout -outform DER | base64 -w0)" \
      || die "$private_var is not an X25519 private key (base64 PKCS#8 DER)"
    export "$public_var=$derived"
  elif [ -z "${!private_var:-}" ]; then
    die "$public_var is set but $private_var is not: set both, or neither for the development pair"
  fi
}
for route in GOODS_TRANSIT STOCK_INTAKE UPDATE_TRANSIT; do transit_pair "$route"; done
export LOG_FORMAT="${LOG_FORMAT:-logstash}"

# --- build ----------------------------------------------------------------------------------
if [ "${QC_SKIP_BUILD:-}" != 1 ]; then
  say "building the services (mvn package, tests skipped; set QC_SKIP_BUILD=1 to reuse jars)"
  mvn -B -q -DskipTests install >"$LOG_DIR/build.log" 2>&1 || die "build failed, see $LOG_DIR/build.log"
fi

start_jar() { # name jar [args...]
  local name=$1 jar=$2; shift 2
  if pid_alive "$name"; then say "$name already running (pid $(cat "$PID_DIR/$name.pid"))"; return; fi
  [ -f "$jar" ] || die "missing $jar (run without QC_SKIP_BUILD=1)"
  nohup "$JAVA_HOME/bin/java" ${QC_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC} -Dquickcart.component="$name" \
      -jar "$jar" "$@" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! > "$PID_DIR/$name.pid"
}

if [ -n "${USE_FAKES:-}" ] || [ -n "${USE_FAKE_PAKASIR:-}" ]; then
  # The fake Bot API's sandbox chat posts updates to the ingress with TELEGRAM_WEBHOOK_SECRET (read from the environment).
  fake_args=("${FAKE_APIS_PORT:-8090}" "$TELEGRAM_BOT_TOKEN" "http://127.0.0.1:${INGRESS_PORT:-8080}/telegram/webhook")
  if [ -n "${USE_FAKE_PAKASIR:-}" ]; then
    fake_args+=("${FAKE_PAKASIR_PORT:-8091}" "$PAKASIR_PROJECT" "$PAKASIR_API_KEY" "http://127.0.0.1:${INGRESS_PORT:-8080}/pakasir/webhook")
    say "no PAKASIR_API_KEY: starting the fake Pakasir at $PAKASIR_API_URL (checkout pages under $PAKASIR_CHECKOUT_URL)"
  fi
  [ -n "${USE_FAKES:-}" ] && say "no TELEGRAM_BOT_TOKEN: starting the fake Bot API at $TELEGRAM_API_URL with its sandbox chat (calls logged to $LOG_DIR/fake-apis.log; operator ADMIN_IDS=$ADMIN_IDS)"
  start_jar fake-apis "test-support/target/test-support-0.1.0-SNAPSHOT-exec.jar" "${fake_args[@]}"
fi

declare -A PORTS=([notifier-service]=${NOTIFIER_PORT:-8084} [order-service]=${ORDER_PORT:-8081}
                  [payment-service]=${PAYMENT_PORT:-8082} [delivery-service]=${DELIVERY_PORT:-8083}
                  [ingress-service]=${INGRESS_PORT:-8080})
# Where each answers /actuator/health: its own port, except ingress (a management port of its own).
declare -A HEALTH_PORTS=([notifier-service]=${PORTS[notifier-service]} [order-service]=${PORTS[order-service]}
                         [payment-service]=${PORTS[payment-service]} [delivery-service]=${PORTS[delivery-service]}
                         [ingress-service]=${INGRESS_MANAGEMENT_PORT:-8180})
SERVICES=(notifier-service order-service payment-service delivery-service ingress-service)
started_at=$(date +%s)
for svc in "${SERVICES[@]}"; do
  start_jar "$svc" "$svc/target/$svc-0.1.0-SNAPSHOT-exec.jar"
done

for svc in "${SERVICES[@]}"; do
  port=${PORTS[$svc]}
  for i in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:${HEALTH_PORTS[$svc]}/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
    pid_alive "$svc" || die "$svc exited, see $LOG_DIR/$svc.log"
    [ "$i" = 180 ] && die "$svc not healthy after 180s, see $LOG_DIR/$svc.log"
    sleep 1
  done
  say "$svc healthy on http://127.0.0.1:$port"
done
say "all five services healthy in $(( $(date +%s) - started_at ))s"
say "logs: $LOG_DIR   (stop everything with deploy/local/down.sh)"
if [ -n "${USE_FAKES:-}" ]; then
  say "open the sandbox chat and try the store: http://127.0.0.1:${FAKE_APIS_PORT:-8090}/"
else
  say "talk to your bot in Telegram (TELEGRAM_BOT_TOKEN is set)"
fi
