#!/usr/bin/env bash
# Builds Sportel, starts the central server on its embedded database with the demo data, and opens
# the clerk desktop pointed at it. Ctrl+C (or closing the desktop) stops both.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${SPORTEL_PORT:-8080}"
mvn -B -q -ntp -DskipTests package

DATA="${SPORTEL_DATA_DIR:-./sportel-data}"
java -jar central-server/target/sportel-server.jar --demo --port "$PORT" --data-dir "$DATA" > "$DATA.stdout" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
mkdir -p "$(dirname "$DATA")"
for _ in $(seq 1 120); do
  if grep -q "Sportel server listening on" "$DATA.stdout" 2>/dev/null; then break; fi
  if ! kill -0 $SERVER 2>/dev/null; then cat "$DATA.stdout"; exit 1; fi
  sleep 0.5
done
URL=$(grep -o "http://[^ ]*" "$DATA.stdout" | head -1)
echo "Server: $URL  (users clerk1…clerk10, supervisor1, admin; password: sportel)"
if [ -f clerk-desktop/target/sportel-clerk.jar ]; then
  java -jar clerk-desktop/target/sportel-clerk.jar --server "$URL"
else
  echo "The clerk desktop is not built yet; the server runs until Ctrl+C."
  wait $SERVER
fi
