#!/usr/bin/env bash
# Builds Sportel, starts the central server on its embedded database with the demo data, issues a few
# tickets so the queue is not empty, and opens the clerk desktop pointed at it. Ctrl+C (or closing the
# desktop) stops both. Everything the demo writes stays in ./demo-data (ignored by git): delete that
# folder to start over with fresh demo data.
set -euo pipefail
cd "$(dirname "$0")"
PORT="${SPORTEL_PORT:-8080}"
DEMO="${SPORTEL_DEMO_DIR:-./demo-data}"
mvn -B -q -ntp -DskipTests package

FRESH=1
[ -d "$DEMO/server" ] && FRESH=0
mkdir -p "$DEMO"
java -jar central-server/target/sportel-server.jar --demo --port "$PORT" --data-dir "$DEMO/server" > "$DEMO/server.out" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 120); do
  if grep -q "Sportel server listening on" "$DEMO/server.out" 2>/dev/null; then break; fi
  if ! kill -0 $SERVER 2>/dev/null; then cat "$DEMO/server.out"; exit 1; fi
  sleep 0.5
done
URL=$(grep -o "http://[^ ]*" "$DEMO/server.out" | head -1)

# On fresh demo data a few customers are already waiting in Tirana, as if they had used the kiosk.
if [ $FRESH = 1 ] && command -v curl >/dev/null; then
  kiosk=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"kiosk1","password":"sportel"}' \
          "$URL/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p') || kiosk=
  if [ -n "$kiosk" ]; then
    for id in $(curl -fsS -H "Authorization: Bearer $kiosk" "$URL/api/v1/branches/TR01/services" | grep -o '"id":[0-9]*' | cut -d: -f2 | head -3); do
      for _ in 1 2; do
        curl -fsS -o /dev/null -H "Authorization: Bearer $kiosk" -H 'Content-Type: application/json' \
             -d "{\"serviceId\":$id,\"priority\":false}" "$URL/api/v1/branches/TR01/tickets" || true
      done
    done
  fi
elif [ $FRESH = 1 ]; then
  echo "No curl on this machine: no customers are waiting yet. Take tickets at the kiosk page below first."
fi

cat <<INFO
Server: $URL   (demo data and logs in $DEMO; delete it to start over)
  Users: clerk1…clerk6 (Tiranë, TR01), clerk7…clerk10 (Durrës, DR01), supervisor1, supervisor2, admin; password: sportel
  First steps: sign in as clerk1, choose Sporteli 1 and press F5 to call the first waiting ticket.
  Take more tickets at the kiosk:     $URL/kiosk/TR01   (kiosk1 / sportel)
  The waiting-room screen:            $URL/display/TR01
INFO
if [ -f clerk-desktop/target/sportel-clerk.jar ]; then
  java -jar clerk-desktop/target/sportel-clerk.jar --server "$URL" --data-dir "$DEMO/desktop"
else
  echo "The clerk desktop is not built yet; the server runs until Ctrl+C."
  wait $SERVER
fi
