#!/usr/bin/env bash
# Installs the built packages on this machine as a centre's IT would, and checks them (called by
# .ci/run after build-packages.sh; needs root). The server: dpkg -i, start (systemd where it runs, else
# the unit's own ExecStart as the sportel user), /health/ready and /metrics, an online backup, stop,
# remove and purge with the data kept. The desktop: dpkg -i, the installed launcher under Xvfb shows
# the login window (screenshot in docs/).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/installer/target
PORT=${CI_SPORTEL_PORT:-8080}
MPORT=${CI_SPORTEL_MANAGEMENT_PORT:-9090}
SERVER_DEB=$(ls "$OUT"/sportel-server_*_all.deb)
CLERK_DEB=$(ls "$OUT"/sportel-clerk_*_amd64.deb)
UNIT=/lib/systemd/system/sportel-server.service
SERVER_PID=

say() { echo "== $*"; }
fail() { echo "check-packages: $*" >&2; exit 1; }
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

say "package sizes"
for f in "$OUT"/*.deb "$OUT"/*.zip; do
  [ -f "$f" ] && printf '%-48s %6.1f MB\n' "$(basename "$f")" "$(echo "$(stat -c %s "$f") / 1048576" | bc -l)"
done

say "server: install"
start=$(date +%s.%N)
dpkg -i "$SERVER_DEB" >/dev/null
id sportel >/dev/null || fail "no sportel user"
[ "$(stat -c %a /var/lib/sportel)" = 700 ] || fail "/var/lib/sportel is not 0700"
[ -d /var/log/sportel ] || fail "no /var/log/sportel"
[ "$(stat -c '%U:%G %a' /etc/sportel/server.env)" = "root:sportel 640" ] || fail "server.env is not root:sportel 0640"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$UNIT" && echo "systemd-analyze verify: ok"
fi
# every example in the settings, uncommented, reads in the shell of the sportel-server command as systemd reads it
examples=$(mktemp)
sed 's/^#\(SPORTEL_[A-Z_]*=\)/\1/' /etc/sportel/server.env > "$examples"
sh -ec 'set -a; . "$1"; [ "$SPORTEL_SMS_AUTH" = "Bearer change-me" ] && [ "$SPORTEL_PAY_NAME" = "Raiffeisen e-Commerce" ] &&
  [ "$SPORTEL_SMS_BODY" = "{\"to\":\"{phone}\",\"text\":\"{text}\"}" ] && case $SPORTEL_PAY_PAGE_URL in *"&amount={amount}&return="*) ;; *) false;; esac' \
  sh "$examples" || fail "an example in server.env does not read the same in sh (quote it: see the file's head)"
rm -f "$examples"
# the centre's IT edits the settings (a conffile: upgrades keep it)
sed -i -e "s/^SPORTEL_PORT=.*/SPORTEL_PORT=$PORT/" -e "s/^SPORTEL_MANAGEMENT_PORT=.*/SPORTEL_MANAGEMENT_PORT=$MPORT/" \
    -e "s/^SPORTEL_DRAIN_SECONDS=.*/SPORTEL_DRAIN_SECONDS=0/" /etc/sportel/server.env

say "server: start"
if [ -d /run/systemd/system ]; then
  systemctl restart sportel-server
else
  # No systemd here: run exactly the unit's ExecStart, as its User, in its WorkingDirectory, with its
  # EnvironmentFile (systemd splits $JAVA_OPTS into words as the shell does here).
  exec_start=$(sed -n 's/^ExecStart=//p' "$UNIT")
  (cd /var/lib/sportel && exec runuser -u sportel -- sh -ec "set -a; . /etc/sportel/server.env; set +a; exec $exec_start") \
    > "$OUT/installed-server.out" 2>&1 &
  SERVER_PID=$!
fi
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$MPORT/health/ready" >/dev/null 2>&1 && break
  if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$OUT/installed-server.out"; fail "the server ended"; fi
  sleep 0.5
done
ready=$(curl -fsS "http://127.0.0.1:$PORT/health/ready") || fail "not ready"
echo "ready: $ready"
printf 'install-to-ready: %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
metrics=$(curl -fsS "http://127.0.0.1:$MPORT/metrics")
for m in jvm_memory_used_bytes hikaricp_connections_active sportel_sse_subscribers http_server_requests_seconds_count; do
  grep -q "^$m" <<<"$metrics" || fail "/metrics lacks $m"
done
echo "metrics: $(grep -c '^[a-z]' <<<"$metrics") series"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/metrics")" = 404 ] || fail "/metrics open on the main port"
[ -f /var/lib/sportel/sportel.mv.db ] || fail "no database in /var/lib/sportel"
ls /var/log/sportel/*.log >/dev/null || fail "no log file in /var/log/sportel"

say "server: online backup with the installed command"
runuser -u sportel -- sportel-server backup --to /var/lib/sportel/backups/ci.zip

say "desktop: install, launcher under Xvfb"
dpkg -i "$CLERK_DEB" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq -f >/dev/null; }
dpkg -s sportel-clerk | grep -q "Status: install ok installed" || fail "the desktop package did not install"
grep -q "^Name=Sportel - Sporteli" /usr/share/applications/sportel-clerk.desktop
echo "server=http://127.0.0.1:$PORT" > /etc/sportel/clerk.properties   # IT presets the server once
home=$(mktemp -d)
HOME=$home xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
  /usr/bin/sportel-clerk > "$0/clerk.out" 2>&1 &
  app=$!
  for _ in $(seq 1 180); do
    xwininfo -root -tree 2>/dev/null | grep -q "\"Sportel\"" && break
    kill -0 $app 2>/dev/null || { cat "$0/clerk.out"; exit 1; }
    sleep 0.5
  done
  xwininfo -root -tree | grep "\"Sportel\"" | head -1
  sleep 4   # the login screen asks the preset server whether it answers
  java "$1/installer/ci/Screenshot.java" "$1/docs/installed-desktop-login.png"; rc=$?
  kill $app; wait $app 2>/dev/null
  exit $rc' "$home" "$ROOT"
grep -q "127.0.0.1:$PORT" "$home/.sportel/settings.properties" 2>/dev/null && echo "the desktop used the preset server" || true
dpkg --purge sportel-clerk >/dev/null   # also its preset, so later desktop runs on this machine are not pointed at this test server

say "server: stop, upgrade in place, remove, purge: the data stays"
cleanup; SERVER_PID=
[ -d /run/systemd/system ] && systemctl stop sportel-server
dpkg -i "$SERVER_DEB" >/dev/null   # the same version again: the upgrade path of the scripts
grep -q "^SPORTEL_PORT=$PORT" /etc/sportel/server.env || fail "the upgrade lost the edited settings"
dpkg -r sportel-server >/dev/null
[ -f /var/lib/sportel/sportel.mv.db ] || fail "remove deleted the data"
dpkg --purge sportel-server >/dev/null 2>&1
[ -f /var/lib/sportel/sportel.mv.db ] && [ -f /var/lib/sportel/backups/ci.zip ] || fail "purge deleted the data"
echo "data kept after remove and purge: $(du -sh /var/lib/sportel | cut -f1) in /var/lib/sportel"
