#!/usr/bin/env bash
# Runs the whole test suite against real infrastructure: PostgreSQL and Redis on loopback
# (started, or installed from Debian packages, when missing) and a real Kafka broker (KRaft)
# that the tests start in-process from the Apache Kafka jars; promtool checks the alert rules;
# a headless Chromium (Debian's, installed when missing) drives the sandbox chat.
# pg_dump/pg_restore (Debian's postgresql-client) serve the backup and restore test.
# Extra arguments go to Maven.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

ensure_java
ensure_maven
ensure_postgres
ensure_redis
ensure_promtool
ensure_chromium
ensure_pg_client   # pg_dump/pg_restore for deploy/backup.sh and restore.sh, which BackupRestoreTest runs

# Alert rules and scrape config through Prometheus's own validator, and the alerts' unit tests.
# (Debian's promtool is built without Kubernetes service discovery, so deploy/prometheus/prometheus.yml,
# the Kubernetes scrape config, is checked by DeploymentDescriptorsTest instead.)
say "checking deploy/prometheus with $("$PROMTOOL" --version 2>&1 | head -1)"
(cd deploy/prometheus && "$PROMTOOL" check rules alerts.yml && "$PROMTOOL" test rules alerts.test.yml \
   && "$PROMTOOL" check config prometheus-compose.yml) || die "deploy/prometheus does not pass promtool"

mvn -B -ntp verify "$@"
