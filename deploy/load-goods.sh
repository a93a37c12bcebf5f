#!/usr/bin/env bash
# Loads goods for one product from a file, one item a line: delivery-service checks them (no blank
# file, no line twice), encrypts each with INVENTORY_KEY, stores them and announces the new stock
# level. Items are never printed. See docs/GOING-LIVE.md#loading-goods.
#   deploy/load-goods.sh PRODUCT_ID goods.txt
# Settings as delivery-service reads them (DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
# INVENTORY_KEY, INVENTORY_KEY_ID, GOODS_TRANSIT_PUBLIC_KEY, STOCK_INTAKE_PRIVATE_KEY,
# KAFKA_BOOTSTRAP_SERVERS); on the local run (local profile) the development keys up.sh uses. In Kubernetes run the same from the pod:
#   kubectl -n quickcart exec -i deploy/delivery-service -- sh -c 'cat > /tmp/goods.txt && java -cp @/app/jib-classpath-file \
#     com.quickcart.delivery.DeliveryServiceApplication --spring.main.web-application-type=none \
#     --spring.kafka.listener.auto-startup=false --quickcart.inventory.import-product=7 \
#     --quickcart.inventory.import-file=/tmp/goods.txt; rm -f /tmp/goods.txt' < goods.txt
set -euo pipefail
source "$(dirname "$0")/local/lib.sh"
[ $# -eq 2 ] || die "usage: load-goods.sh PRODUCT_ID FILE"
[[ "$1" =~ ^[1-9][0-9]{0,17}$ ]] || die "PRODUCT_ID must be a positive number, was $1"
[ -r "$2" ] || die "cannot read $2"
file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}"
if local_profile; then
  # The keys delivery-service needs to start, as up.sh gives it on the local run.
  export INVENTORY_KEY="${INVENTORY_KEY:-$LOCAL_INVENTORY_KEY}"
  export GOODS_TRANSIT_PUBLIC_KEY="${GOODS_TRANSIT_PUBLIC_KEY:-$LOCAL_GOODS_TRANSIT_PUBLIC_KEY}"
  export STOCK_INTAKE_PRIVATE_KEY="${STOCK_INTAKE_PRIVATE_KEY:-$LOCAL_STOCK_INTAKE_PRIVATE_KEY}"
fi
ensure_java
jar="$REPO_ROOT/delivery-service/target/delivery-service-0.1.0-SNAPSHOT-exec.jar"
[ -f "$jar" ] || die "missing $jar: run deploy/local/up.sh (or mvn -DskipTests install) first"
exec "$JAVA_HOME/bin/java" -jar "$jar" --spring.main.web-application-type=none \
  --spring.kafka.listener.auto-startup=false --logging.level.root=WARN \
  --quickcart.inventory.import-product="$1" --quickcart.inventory.import-file="$file"
