#!/usr/bin/env bash
# As the broker's admin: creates QuickCart's topics (every topic access.conf names, with the
# partitions, replicas and min.insync.replicas common would give them), sets each principal's SCRAM
# password, and adds the ACLs access.conf lists. Safe to run again: after a change to access.conf,
# or with a new password to rotate it (deploy/RUNBOOK.md, "Kafka users and ACLs"). It adds, never
# removes: an ACL taken out of access.conf is removed by hand (kafka-acls.sh --remove, same options).
# docker compose runs it as the one-shot service kafka-setup; Kubernetes as the Job kafka-setup.
# Env: KAFKA_BOOTSTRAP_SERVERS, KAFKA_ADMIN_PASSWORD, KAFKA_ADMIN_USER (quickcart-admin),
#      KAFKA_ADMIN_SECURITY_PROTOCOL (SASL_PLAINTEXT; SASL_SSL for a broker with TLS),
#      KAFKA_PASSWORD_<PRINCIPAL> for each principal (order-service: KAFKA_PASSWORD_ORDER_SERVICE),
#      KAFKA_PARTITIONS (6), KAFKA_REPLICATION_FACTOR (1), KAFKA_BIN (/opt/kafka/bin),
#      KAFKA_SETUP_SKIP: principals not set up here, space-separated (compose has no keda).
set -euo pipefail
set -f   # "topic *" is the ACL wildcard, not a glob
here=$(cd "$(dirname "$0")" && pwd)
access=${KAFKA_ACCESS_FILE:-$here/access.conf}
bin=${KAFKA_BIN:-/opt/kafka/bin}
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
partitions=${KAFKA_PARTITIONS:-6}
replicas=${KAFKA_REPLICATION_FACTOR:-1}
min_insync=$(( replicas <= 2 ? 1 : replicas - 1 ))   # as common's KafkaMessagingAutoConfiguration

admin=$(mktemp); trap 'rm -f "$admin"' EXIT
cat > "$admin" <<PROPS
security.protocol=${KAFKA_ADMIN_SECURITY_PROTOCOL:-SASL_PLAINTEXT}
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_ADMIN_USER:-quickcart-admin}" password="$KAFKA_ADMIN_PASSWORD";
PROPS
kafka() { "$bin/$1" --bootstrap-server "$bootstrap" --command-config "$admin" "${@:2}"; }

rules=$(sed -e 's/#.*//' "$access" | awk 'NF')
if bad=$(awk 'NF != 4 || $3 !~ /^(topic|group)$/' <<<"$rules") && [ -n "$bad" ]; then
  echo "access.conf: not \"principal operation topic|group name\": $bad" >&2; exit 2
fi

for _ in $(seq 1 30); do
  kafka kafka-broker-api-versions.sh >/dev/null 2>&1 && break
  echo "waiting for the broker at $bootstrap"; sleep 2
done

for topic in $(awk '$3 == "topic" && $4 != "*" {print $4}' <<<"$rules" | sort -u); do
  kafka kafka-topics.sh --create --if-not-exists --topic "$topic" --partitions "$partitions" \
      --replication-factor "$replicas" --config "min.insync.replicas=$min_insync"
done

for principal in $(awk '{print $1}' <<<"$rules" | sort -u); do
  if [[ " ${KAFKA_SETUP_SKIP:-} " == *" $principal "* ]]; then echo "skipping $principal (KAFKA_SETUP_SKIP)"; continue; fi
  variable="KAFKA_PASSWORD_$(tr 'a-z-' 'A-Z_' <<<"$principal")"
  password=${!variable:-}
  if ! [[ $password =~ ^[A-Za-z0-9_-]{24,}$ ]]; then
    echo "$variable must be at least 24 of A-Z a-z 0-9 _ - (openssl rand -hex 32)" >&2; exit 2
  fi
  kafka kafka-configs.sh --alter --entity-type users --entity-name "$principal" \
      --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
  # One call per operation and resource type, naming every resource it applies to.
  while read -r operation type; do
    names=$(awk -v p="$principal" -v o="$operation" -v t="$type" '$1 == p && $2 == o && $3 == t {printf " --%s %s", t, $4}' <<<"$rules")
    pascal=$(sed -E 's/(^|_)([a-z])/\U\2/g' <<<"${operation,,}")   # DESCRIBE_CONFIGS -> DescribeConfigs
    # shellcheck disable=SC2086  # $names is a list of options
    kafka kafka-acls.sh --add --allow-principal "User:$principal" --operation "$pascal" $names
  done < <(awk -v p="$principal" '$1 == p {print $2, $3}' <<<"$rules" | sort -u)
done
echo "kafka-setup: topics, users and ACLs from $access are in place"
