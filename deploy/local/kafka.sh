#!/usr/bin/env bash
# A real Kafka broker in KRaft mode (broker + controller in one process) from the Apache Kafka
# jars on Maven Central. No Docker. Usage: kafka.sh start | stop | status
set -euo pipefail
source "$(dirname "$0")/lib.sh"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME="$RUN_DIR/kafka"
LIB="$KAFKA_HOME/lib"

fetch_jars() {
  [ -f "$LIB/.complete" ] && return
  ensure_maven
  say "fetching the Kafka broker jars from Maven Central into $LIB"
  rm -rf "$LIB"; mkdir -p "$LIB"
  mvn -B -q -f "$REPO_ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$LIB" >&2
  touch "$LIB/.complete"
}

write_config() {
  mkdir -p "$KAFKA_HOME/data"
  cat > "$KAFKA_HOME/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
}

start() {
  if pid_alive kafka; then say "Kafka already running (pid $(cat "$PID_DIR/kafka.pid"))"; return; fi
  if port_open 127.0.0.1 "$KAFKA_PORT"; then die "port $KAFKA_PORT is taken by something else; set KAFKA_BOOTSTRAP_SERVERS to use it, or KAFKA_PORT"; fi
  ensure_java
  fetch_jars
  write_config
  if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
    local cluster_id; cluster_id=$("$JAVA_HOME/bin/java" -cp "$LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    "$JAVA_HOME/bin/java" -cp "$LIB/*" kafka.tools.StorageTool format --standalone -t "$cluster_id" \
        -c "$KAFKA_HOME/server.properties" >"$LOG_DIR/kafka-format.log" 2>&1 \
        || die "formatting Kafka storage failed, see $LOG_DIR/kafka-format.log"
  fi
  say "starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT"
  nohup "$JAVA_HOME/bin/java" -Xms256m -Xmx768m -Dquickcart.component=kafka -cp "$LIB/*" kafka.Kafka \
      "$KAFKA_HOME/server.properties" >"$LOG_DIR/kafka.log" 2>&1 &
  echo $! > "$PID_DIR/kafka.pid"
  for _ in $(seq 1 60); do
    port_open 127.0.0.1 "$KAFKA_PORT" && { say "Kafka is up"; return; }
    pid_alive kafka || die "Kafka exited, see $LOG_DIR/kafka.log"
    sleep 1
  done
  die "Kafka did not open port $KAFKA_PORT in 60s, see $LOG_DIR/kafka.log"
}

stop() {
  if pid_alive kafka; then
    local pid; pid=$(cat "$PID_DIR/kafka.pid")
    say "stopping Kafka (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$PID_DIR/kafka.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) pid_alive kafka && echo "running" || echo "stopped" ;;
  *) die "usage: kafka.sh start|stop|status" ;;
esac
