#!/usr/bin/env bash
# Starts docker compose's broker from broker.properties. The admin's SCRAM credential goes into the
# storage when it is formatted (first start only): with SCRAM in KRaft, nobody could log in to
# create the first user otherwise. Every other user comes from setup.sh.
# Env: KAFKA_ADMIN_PASSWORD (required; letters, digits, _ and -, at least 24: openssl rand -hex 32),
#      KAFKA_BIN (/opt/kafka/bin), KAFKA_RUN_DIR (/tmp: server.properties, and admin.properties
#      for the healthcheck), KAFKA_EXTRA_PROPERTIES (lines appended to broker.properties, which win;
#      KafkaAccessOnARealBrokerTest moves the ports and the data directory with them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${KAFKA_BIN:-/opt/kafka/bin}
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD (openssl rand -hex 32)}"
if ! [[ $KAFKA_ADMIN_PASSWORD =~ ^[A-Za-z0-9_-]{24,}$ ]]; then
  echo "KAFKA_ADMIN_PASSWORD must be at least 24 of A-Z a-z 0-9 _ - (openssl rand -hex 32)" >&2; exit 2
fi
run=${KAFKA_RUN_DIR:-/tmp}
props=$run/server.properties
jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"quickcart-admin\" password=\"$KAFKA_ADMIN_PASSWORD\";"
# The healthcheck's login (compose: kafka-broker-api-versions.sh --command-config /tmp/admin.properties).
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' "$jaas" > "$run/admin.properties"
{
  cat "$here/broker.properties"
  echo "listener.name.sasl.scram-sha-512.sasl.jaas.config=$jaas"
  printf '%s\n' "${KAFKA_EXTRA_PROPERTIES:-}"
} > "$props"
"$bin/kafka-storage.sh" format --standalone --ignore-formatted -t "$("$bin/kafka-storage.sh" random-uuid | grep -E '^[A-Za-z0-9_-]{22}$' | tail -1)" -c "$props" \
    --add-scram "SCRAM-SHA-512=[name=quickcart-admin,password=$KAFKA_ADMIN_PASSWORD]"
exec "$bin/kafka-server-start.sh" "$props"
