#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into the database the services point at, and rewinds
# their consumer groups to the positions saved with it, so they consume again every event the
# backup had not seen (inboxes drop the ones it had). See deploy/RUNBOOK.md#backup-and-restore.
#   deploy/restore.sh DIR                  # schemas only
#   deploy/restore.sh DIR --rewind-groups  # schemas, then the consumer groups (services must be stopped)
# Database: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD (an empty database, or one whose four
# service schemas may be replaced). Broker: KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092).
set -euo pipefail
source "$(dirname "$0")/local/lib.sh"
[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: restore.sh DIR [--rewind-groups]"
dir=$1; rewind=${2:-}
[ -z "$rewind" ] || [ "$rewind" = --rewind-groups ] || die "usage: restore.sh DIR [--rewind-groups]"
[ -f "$dir/quickcart.dump" ] && [ -f "$dir/MANIFEST" ] || die "$dir holds no backup made by deploy/backup.sh"
expected=$(sed -n 's/^dump_sha256=//p' "$dir/MANIFEST")
[ "$(sha256sum "$dir/quickcart.dump" | cut -d' ' -f1)" = "$expected" ] || die "$dir/quickcart.dump does not match its MANIFEST checksum"
ensure_java
ensure_pg_client
pg_connection_from_settings

# One transaction: either every schema is back exactly as it was at the backup (tables made since
# by a newer release dropped with it), or nothing changed.
{
  for s in "${QUICKCART_SCHEMAS[@]}"; do echo "DROP SCHEMA IF EXISTS $s CASCADE;"; done
  pg_restore --no-owner --no-privileges --file - "$dir/quickcart.dump"
} | psql --dbname "$PG_URL" --single-transaction --quiet --no-psqlrc -v ON_ERROR_STOP=1 >/dev/null
say "schemas ${QUICKCART_SCHEMAS[*]} restored from $dir ($(sed -n 's/^taken_at=//p' "$dir/MANIFEST"))"

if [ "$rewind" = --rewind-groups ]; then
  "$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(operations_classpath)" \
    com.quickcart.common.operations.ConsumerGroupOffsets --bootstrap "${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}" \
    --restore "$dir/consumer-offsets.txt" >&2
  say "start the services: they replay what the backup had not seen; then check the DLTs (deploy/dlt-replay.sh)"
else
  say "consumer groups untouched: run again with --rewind-groups (services stopped) to replay what came after the backup"
fi
