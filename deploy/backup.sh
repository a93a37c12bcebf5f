#!/usr/bin/env bash
# Backs up the store's data: the four service schemas in ONE consistent snapshot, and beside it the
# consumer-group positions that snapshot relates to. See deploy/RUNBOOK.md#backup-and-restore.
#   deploy/backup.sh DIR        # DIR/quickcart.dump, DIR/consumer-offsets.txt, DIR/MANIFEST
# Database: DATABASE_URL (jdbc:postgresql://host:port/db), DATABASE_USER, DATABASE_PASSWORD; the user
# needs read access to every schema (in production the backup role, see docs/GOING-LIVE.md).
# Broker: KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092). Safe while the store is serving.
set -euo pipefail
source "$(dirname "$0")/local/lib.sh"
[ $# -eq 1 ] || die "usage: backup.sh DIR"
dir=$1
[ ! -e "$dir/quickcart.dump" ] || die "$dir already holds a backup; give a new directory"
mkdir -p "$dir"
ensure_java
ensure_pg_client
pg_connection_from_settings
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"

# 1. Positions first: a group commits an offset only after the transaction that handled the record
#    committed, so every record before a saved position is already in the dump taken next.
"$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(operations_classpath)" \
  com.quickcart.common.operations.ConsumerGroupOffsets --bootstrap "$bootstrap" --save "$dir/consumer-offsets.txt" >&2

# 2. All four schemas in one pg_dump: one transaction, one snapshot, so an order, its payment and its
#    reservation are seen at the same instant. --serializable-deferrable waits for a snapshot no
#    running transaction can still contradict, and never blocks the services' writes.
schemas=(); for s in "${QUICKCART_SCHEMAS[@]}"; do schemas+=(--schema "$s"); done
started=$(date -u +%FT%TZ)
pg_dump --dbname "$PG_URL" --format custom --serializable-deferrable --no-owner --no-privileges \
  "${schemas[@]}" --file "$dir/quickcart.dump"

{
  echo "taken_at=$started"
  echo "schemas=${QUICKCART_SCHEMAS[*]}"
  echo "pg_dump=$(pg_dump --version)"
  echo "kafka_bootstrap=$bootstrap"
  echo "dump_sha256=$(sha256sum "$dir/quickcart.dump" | cut -d' ' -f1)"
  echo "tables=$(pg_restore --list "$dir/quickcart.dump" | grep -c ' TABLE DATA ')"
} > "$dir/MANIFEST"
say "backup in $dir: quickcart.dump ($(du -h "$dir/quickcart.dump" | cut -f1)), consumer-offsets.txt, MANIFEST"
