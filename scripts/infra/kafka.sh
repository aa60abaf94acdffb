#!/usr/bin/env bash
# Apache Kafka 4.x in KRaft mode: fetched from Maven Central by infra/kafka/pom.xml, formatted once,
# run in the background, waited for. Usage: kafka.sh up|down|status
set -euo pipefail
source "$(dirname "$0")/lib.sh"

KAFKA_DIR="$STATE_DIR/kafka"
LIBS="$KAFKA_DIR/libs"
DATA="$KAFKA_DIR/data"
PIDFILE="$KAFKA_DIR/kafka.pid"
CONFIG="$KAFKA_DIR/server.properties"
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"

fetch() {
  [ -f "$LIBS/.complete" ] && return 0
  command -v mvn >/dev/null || die "Kafka is fetched with Maven: install it (apt-get install maven) and Java 17+."
  say "fetching Apache Kafka from Maven Central into $LIBS"
  rm -rf "$LIBS"
  mvn -q -B -f "$ROOT/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIBS" -DincludeScope=runtime || die "Maven could not resolve Kafka (see output above)."
  touch "$LIBS/.complete"
}

java_kafka() { "$JAVA_BIN" -Xms256m -Xmx768m -Dkafka.logs.dir="$KAFKA_DIR" \
  -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" -cp "$LIBS/*" "$@"; }

configure() {
  mkdir -p "$DATA"
  sed -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$DATA#g" \
    "$ROOT/infra/kafka/server.properties.template" > "$CONFIG"
  if [ ! -f "$DATA/meta.properties" ]; then
    say "formatting KRaft storage in $DATA"
    java_kafka kafka.tools.StorageTool format -t "$(java_kafka kafka.tools.StorageTool random-uuid)" -c "$CONFIG" >/dev/null
  fi
}

up() {
  if pid_alive "$PIDFILE"; then say "kafka already running (pid $(cat "$PIDFILE"))"; return 0; fi
  if port_open "$KAFKA_PORT"; then say "something already serves 127.0.0.1:$KAFKA_PORT; using it as the broker"; return 0; fi
  command -v "$JAVA_BIN" >/dev/null || die "Kafka needs Java 17+: install it (apt-get install openjdk-17-jre-headless)."
  fetch
  configure
  say "starting kafka on 127.0.0.1:$KAFKA_PORT"
  nohup setsid "$JAVA_BIN" -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_DIR" \
    -Dlog4j2.configurationFile="$ROOT/infra/kafka/log4j2.properties" -cp "$LIBS/*" kafka.Kafka "$CONFIG" \
    > "$KAFKA_DIR/stdout.log" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  if ! wait_for_port "$KAFKA_PORT" 90; then
    tail -20 "$KAFKA_DIR/server.log" >&2 || true
    die "kafka did not open 127.0.0.1:$KAFKA_PORT within 90s (logs: $KAFKA_DIR/server.log)"
  fi
}

down() {
  pid_alive "$PIDFILE" || { rm -f "$PIDFILE"; return 0; }
  local pid; pid="$(cat "$PIDFILE")"
  say "stopping kafka (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) pid_alive "$PIDFILE" && echo "running $(cat "$PIDFILE")" || echo stopped ;;
  *) die "usage: kafka.sh up|down|status" ;;
esac
