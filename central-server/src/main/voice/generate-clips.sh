#!/usr/bin/env bash
# Regenerates the Albanian announcement clips of the waiting-room display with espeak-ng's Albanian
# voice, encoded as small Ogg Opus files (opusenc). The clips are committed, so a normal build needs
# neither tool; run this after changing a word:
#   apt-get install -y espeak-ng opus-tools && central-server/src/main/voice/generate-clips.sh
# The names match AnnouncementClips.java, whose test checks every ticket number and counter 1-30.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/resources/voice/sq"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

clip() { # name, text
  espeak-ng -v sq -s 150 -w "$tmp/$1.wav" "$2"
  opusenc --quiet --bitrate 16 "$tmp/$1.wav" "$out/$1.opus"
}

clip bileta "Bileta"
clip sporteli "sporteli"
clip e "e"
letters=(A:a B:bë C:cë D:dë E:e F:fë G:gë H:hë I:i J:jë K:kë L:lë M:më N:në O:o P:pë Q:që R:rë S:së T:të U:u V:vë W:uë X:xë Y:y Z:zë)
for pair in "${letters[@]}"; do
  letter="${pair%%:*}"
  clip "l-$(echo "$letter" | tr 'A-Z' 'a-z')" "${pair#*:}"
done
words=(një dy tre katër pesë gjashtë shtatë tetë nëntë dhjetë njëmbëdhjetë dymbëdhjetë trembëdhjetë katërmbëdhjetë
       pesëmbëdhjetë gjashtëmbëdhjetë shtatëmbëdhjetë tetëmbëdhjetë nëntëmbëdhjetë)
for i in "${!words[@]}"; do clip "n-$((i + 1))" "${words[$i]}"; done
tens=(njëzet tridhjetë dyzet pesëdhjetë gjashtëdhjetë shtatëdhjetë tetëdhjetë nëntëdhjetë)
for i in "${!tens[@]}"; do clip "n-$(((i + 2) * 10))" "${tens[$i]}"; done
hundreds=(njëqind dyqind treqind katërqind pesëqind gjashtëqind shtatëqind tetëqind nëntëqind)
for i in "${!hundreds[@]}"; do clip "n-$(((i + 1) * 100))" "${hundreds[$i]}"; done
echo "$(ls "$out" | wc -l) clips, $(du -sh "$out" | cut -f1) in $out"
