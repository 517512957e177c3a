#!/usr/bin/env bash
# Sends one signed request to the Sportel partner API (docs/channels.md), as a bank's system would.
#   SERVER=http://127.0.0.1:8080 docs/channel-request.sh KEY_ID SECRET METHOD PATH [BODY]
# BODY is sent byte for byte; for a settlement file pass its contents and CONTENT_TYPE=text/csv.
set -euo pipefail
key=$1 secret=$2 method=$3 path=$4 body=${5:-}
ts=$(date +%s)
body_hash=$(printf '%s' "$body" | openssl dgst -sha256 -hex | sed 's/^.*= //')
signature=$(printf 'SPORTEL-HMAC-SHA256\n%s\n%s\n%s\n%s' "$method" "$path" "$ts" "$body_hash" \
  | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')
curl -sS -i -X "$method" "${SERVER:-http://127.0.0.1:8080}$path" \
  -H "Content-Type: ${CONTENT_TYPE:-application/json}" \
  -H "X-Sportel-Key: $key" -H "X-Sportel-Timestamp: $ts" -H "X-Sportel-Signature: $signature" \
  --data-binary "$body"
