#!/usr/bin/env bash
# Replays a dead-letter topic (every letter not yet dealt with, or one record) back to the topic
# it came from. See deploy/RUNBOOK.md#replaying-dead-letters.
#   deploy/dlt-replay.sh telegram.updates.dlt                      # every waiting letter
#   deploy/dlt-replay.sh telegram.updates.dlt --partition 1 --offset 7
#   deploy/dlt-replay.sh payment.events.dlt --dry-run              # list, do not send
#   deploy/dlt-replay.sh payment.events.dlt --discard              # mark as dealt with, do not send
# Broker: KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092). Safe to repeat: consumers' inboxes
# drop events they already handled. On a broker with ACLs, as the admin: KAFKA_SECURITY_PROTOCOL,
# KAFKA_SASL_USERNAME=quickcart-admin, KAFKA_SASL_PASSWORD. In Kubernetes run the same class from a service image:
#   kubectl -n quickcart exec deploy/order-service -- env KAFKA_SASL_USERNAME=quickcart-admin KAFKA_SASL_PASSWORD=... \
#     sh -c 'java -cp @/app/jib-classpath-file \
#     com.quickcart.common.operations.DeadLetterReplay --bootstrap "$KAFKA_BOOTSTRAP_SERVERS" --dlt TOPIC.dlt'
set -euo pipefail
source "$(dirname "$0")/local/lib.sh"
[ $# -ge 1 ] || die "usage: dlt-replay.sh TOPIC.dlt [--partition P --offset O] [--dry-run | --discard]"
ensure_java
classpath=$(operations_classpath)
dlt=$1; shift
exec "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" com.quickcart.common.operations.DeadLetterReplay \
  --bootstrap "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}" --dlt "$dlt" "$@"
