# Shared by up.sh, down.sh, kafka.sh and test.sh. Sourced, not run.
# Everything the local run creates lives under $RUN_DIR (logs, pids, Kafka data).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${QC_RUN_DIR:-$REPO_ROOT/.run}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
mkdir -p "$LOG_DIR" "$PID_DIR"

say() { printf '[quickcart] %s\n' "$*" >&2; }
die() { printf '[quickcart] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

APT_UPDATED=""
apt_update_once() {
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >&2; APT_UPDATED=1; fi
}
apt_install() {
  command -v apt-get >/dev/null || die "cannot install $* : no apt-get on this machine"
  apt_update_once
  say "installing $* from Debian packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }

# JAVA_HOME pointing at a JDK >= 21: the one given, else the newest under /usr/lib/jvm.
ensure_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    export JAVA_HOME; return
  fi
  local best="" best_v=0 dir v
  for dir in /usr/lib/jvm/*/; do
    [ -x "$dir/bin/javac" ] || continue
    v=$(java_major "$dir/bin/java"); [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="${dir%/}"; best_v=$v; fi
  done
  if [ -z "$best" ]; then
    apt_install openjdk-21-jdk-headless || die "no JDK >= 21 found under /usr/lib/jvm and none installable"
    ensure_java; return
  fi
  export JAVA_HOME="$best"
  say "using JDK $best_v at $JAVA_HOME"
}

ensure_maven() { command -v mvn >/dev/null || apt_install maven; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- 3<&- ; }

# PostgreSQL on 127.0.0.1:5432 with trust auth for loopback: reuse a running one, else start
# the installed cluster, else install Debian's package. Records in $PID_DIR/postgres.started
# that this run started it, so down.sh stops only what up.sh started.
ensure_postgres() {
  if port_open 127.0.0.1 5432; then return; fi
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    apt_install postgresql
  fi
  local version; version=$(ls /etc/postgresql | sort -n | tail -1)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -qE '^host\s+all\s+all\s+127.0.0.1/32\s+trust' "$hba"; then
    say "allowing trust auth on loopback in $hba (local development and CI only)"
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  if port_open 127.0.0.1 5432; then
    # Debian's package may have started its cluster on install: make it read the trust lines.
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload >&2 || true
    return
  fi
  say "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster "$version" main start
  echo "$version" > "$PID_DIR/postgres.started"
  for _ in $(seq 1 30); do port_open 127.0.0.1 5432 && return; sleep 1; done
  die "PostgreSQL did not open 127.0.0.1:5432"
}

ensure_database() { # name
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $1" >&2
  fi
}

# Redis on 127.0.0.1:6379: reuse, else start (installing Debian's package when missing).
ensure_redis() {
  if port_open 127.0.0.1 6379; then return; fi
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server
    sleep 1; if port_open 127.0.0.1 6379; then return; fi # the package started its own
  fi
  say "starting redis-server on 127.0.0.1:6379 (no persistence)"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir "$RUN_DIR" --logfile "$LOG_DIR/redis.log" --pidfile "$PID_DIR/redis.pid"
  for _ in $(seq 1 20); do port_open 127.0.0.1 6379 && return; sleep 0.5; done
  die "redis-server did not open 127.0.0.1:6379"
}

pid_alive() { [ -f "$PID_DIR/$1.pid" ] && kill -0 "$(cat "$PID_DIR/$1.pid")" 2>/dev/null; }

# promtool, Prometheus's own validator for the alert rules and scrape config in deploy/prometheus:
# the one on PATH, else extracted from Debian's prometheus package under $RUN_DIR/tools (only
# unpacked, so no Prometheus server is installed or started). Sets PROMTOOL.
ensure_promtool() {
  PROMTOOL=$(command -v promtool || true)
  [ -n "$PROMTOOL" ] && return
  PROMTOOL="$RUN_DIR/tools/usr/bin/promtool"
  [ -x "$PROMTOOL" ] && return
  command -v apt-get >/dev/null || die "promtool is missing and there is no apt-get to fetch Debian's prometheus package"
  apt_update_once
  say "fetching promtool from Debian's prometheus package into $RUN_DIR/tools"
  local dir; dir=$(mktemp -d)
  (cd "$dir" && apt-get download -qq prometheus >&2 2>/dev/null) || die "could not download Debian's prometheus package"
  dpkg-deb -x "$dir"/prometheus_*.deb "$RUN_DIR/tools"
  rm -rf "$dir"
  [ -x "$PROMTOOL" ] || die "no promtool in Debian's prometheus package"
}

# Chromium and its WebDriver from Debian's packages, for the sandbox chat's browser test
# (e2e-tests' SandboxChatBrowserTest drives /usr/bin/chromium through /usr/bin/chromedriver),
# with an emoji font so that the bot's buttons render as a person sees them.
ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && [ -d /usr/share/fonts/truetype/noto ]; then return; fi
  apt_install chromium chromium-driver fonts-noto-color-emoji
}

# The development stand-ins up.sh uses under the "local" profile. The services refuse each of them
# outside that profile (common/…/config/ProductionSettings.java holds the same values).
LOCAL_INVENTORY_KEY="bG9jYWwtZGV2LWtleS1uZXZlci1pbi1wcm9kLTAwMDE="
# Development X25519 pairs for the local run's sealed transits (goods for the notifier, uploaded
# stock for delivery, typed text for order-service); production sets its own (docs/GOING-LIVE.md).
LOCAL_GOODS_TRANSIT_PRIVATE_KEY="MC4CAQAwBQYDK2VuBCIEIBAeYgZmoEjgNlruQyv028tmUxlDn0sl4a8YcVvFlxls"
LOCAL_GOODS_TRANSIT_PUBLIC_KEY="MCowBQYDK2VuAyEA6S7JAInnEk4Tylpie+CR5hiYDll494wiFYJjWy2TqF4="
LOCAL_STOCK_INTAKE_PRIVATE_KEY="MC4CAQAwBQYDK2VuBCIEIFicuj/OgjJPTN5Y80ZmyV//Zy0X4Z/7yh0ZqwW7J/d1"
LOCAL_STOCK_INTAKE_PUBLIC_KEY="MCowBQYDK2VuAyEAt+e3HCVWsU1qrEZdkKSmcsw29f0QhgjYzZyQ0zRs+lY="
LOCAL_UPDATE_TRANSIT_PRIVATE_KEY="MC4CAQAwBQYDK2VuBCIEIBDrBaV84SZZ69cGx97b8UWgsF208FBnM5vfEpzy7m7w"
LOCAL_UPDATE_TRANSIT_PUBLIC_KEY="MCowBQYDK2VuAyEAmfCdn4QiRq1i/qsxW9Tb0yICWg5n+yZAo5OgBz0WTl0="
LOCAL_BOT_TOKEN="123456:LOCAL-fake-bot-token"
LOCAL_PAKASIR_API_KEY="local-fake-pakasir-key"
LOCAL_WEBHOOK_SECRET="local-dev-secret"

local_profile() { [[ ",${SPRING_PROFILES_ACTIVE:-local}," == *,local,* ]]; }

# Outside the local profile, up.sh starts no fakes and invents no keys: every setting a live store
# needs must be given, and safe. Prints one line per problem, naming the variable; fails if any.
check_production_settings() {
  local problems=()
  [ -n "${TELEGRAM_BOT_TOKEN:-}" ] || problems+=("TELEGRAM_BOT_TOKEN is not set: the token @BotFather gave you")
  [ "${TELEGRAM_BOT_TOKEN:-}" != "$LOCAL_BOT_TOKEN" ] || problems+=("TELEGRAM_BOT_TOKEN is the local fake's token")
  if [ -z "${TELEGRAM_WEBHOOK_SECRET:-}" ]; then
    problems+=("TELEGRAM_WEBHOOK_SECRET is not set: openssl rand -hex 32")
  elif [ "${#TELEGRAM_WEBHOOK_SECRET}" -lt 32 ]; then
    problems+=("TELEGRAM_WEBHOOK_SECRET is ${#TELEGRAM_WEBHOOK_SECRET} characters; use at least 32 (openssl rand -hex 32)")
  fi
  if [ -n "${TELEGRAM_WEBHOOK_URL:-}" ] && [[ "$TELEGRAM_WEBHOOK_URL" != https://* ]]; then
    problems+=("TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram requires it): $TELEGRAM_WEBHOOK_URL")
  fi
  [ -n "${PAKASIR_PROJECT:-}" ] || problems+=("PAKASIR_PROJECT is not set: your Pakasir project's slug")
  [ -n "${PAKASIR_API_KEY:-}" ] || problems+=("PAKASIR_API_KEY is not set: the API key of your Pakasir project")
  [ "${PAKASIR_API_KEY:-}" != "$LOCAL_PAKASIR_API_KEY" ] || problems+=("PAKASIR_API_KEY is the local fake's key")
  if [ -z "${INVENTORY_KEY:-}" ]; then
    problems+=("INVENTORY_KEY is not set: openssl rand -base64 32, kept in your secret store")
  elif [ "$INVENTORY_KEY" = "$LOCAL_INVENTORY_KEY" ]; then
    problems+=("INVENTORY_KEY is the local development key, which is public: openssl rand -base64 32")
  fi
  [[ "${INVENTORY_PREVIOUS_KEYS:-}" != *"$LOCAL_INVENTORY_KEY"* ]] || problems+=("INVENTORY_PREVIOUS_KEYS holds the local development key")
  [[ ",${LIQUIBASE_CONTEXTS:-main}," != *,demo,* ]] || problems+=("LIQUIBASE_CONTEXTS contains demo: the demo catalogue is for the local profile only")
  # As ProductionSettings: a broker off loopback must know who is publishing (docs/adr/0025).
  local address host
  for address in ${KAFKA_BOOTSTRAP_SERVERS//,/ }; do
    host=${address#*://}; host=${host%:*}
    if [[ ! "$host" =~ ^(127\.0\.0\.1|localhost|\[::1\])$ ]] && [ "${KAFKA_SECURITY_PROTOCOL:-PLAINTEXT}" = PLAINTEXT ]; then
      problems+=("KAFKA_SECURITY_PROTOCOL is PLAINTEXT for a broker off loopback (KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS): use SASL_SSL with the service's own KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD")
      break
    fi
  done
  if [ "${#problems[@]}" -gt 0 ]; then
    printf '[quickcart] refusing to start with SPRING_PROFILES_ACTIVE=%s:\n' "${SPRING_PROFILES_ACTIVE:-}" >&2
    printf '[quickcart]   %s\n' "${problems[@]}" >&2
    return 1
  fi
}

# The classpath of the operator tools in common (DeadLetterReplay, ConsumerGroupOffsets):
# QC_OPERATIONS_CLASSPATH when given (tests pass their own), else common's jar and the Kafka client
# jars the local broker was unpacked with. In Kubernetes run the classes from a service image instead.
operations_classpath() {
  if [ -n "${QC_OPERATIONS_CLASSPATH:-}" ]; then printf '%s' "$QC_OPERATIONS_CLASSPATH"; return; fi
  local jar
  jar=$(ls "$REPO_ROOT"/common/target/common-*.jar 2>/dev/null | grep -v sources | head -1)
  if [ -z "$jar" ] || [ ! -d "$RUN_DIR/kafka/lib" ]; then
    die "build first (mvn -DskipTests install) and start the local broker once (deploy/local/kafka.sh start) for its client jars"
  fi
  printf '%s' "$jar:$RUN_DIR/kafka/lib/*"
}

# pg_dump and pg_restore from Debian's postgresql-client when missing (backup.sh, restore.sh and their test).
ensure_pg_client() {
  command -v pg_dump >/dev/null && command -v pg_restore >/dev/null && return
  apt_install postgresql-client
}

# libpq's environment from the services' settings: DATABASE_URL (jdbc:postgresql://host:port/db),
# DATABASE_USER, DATABASE_PASSWORD. Sets PG_URL for pg_dump/pg_restore/psql.
pg_connection_from_settings() {
  local url="${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/quickcart}"
  [[ "$url" == jdbc:postgresql://* ]] || die "DATABASE_URL must look like jdbc:postgresql://host:port/database, was $url"
  PG_URL="${url#jdbc:}"
  export PGUSER="${DATABASE_USER:-postgres}"
  if [ -n "${DATABASE_PASSWORD:-}" ]; then export PGPASSWORD="$DATABASE_PASSWORD"; fi
}

# The schemas a backup holds: one per service that owns data (ingress owns none).
QUICKCART_SCHEMAS=(order_svc payment_svc delivery_svc notifier_svc)
