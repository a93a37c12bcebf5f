#!/usr/bin/env bash
# Runs the whole test suite against real infrastructure: PostgreSQL and Redis on loopback
# (started, or installed from Debian packages, when missing) and a real Kafka broker (KRaft)
# that the tests start in-process from the Apache Kafka jars. Extra arguments go to Maven.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

ensure_java
ensure_maven
ensure_postgres
ensure_redis

mvn -B -ntp verify "$@"
