#!/usr/bin/env bash
# Builds the installers into installer/target/:
#   sportel-server_<version>_all.deb      the central server (needs a Java 17 runtime from apt)
#   sportel-clerk_<version>_amd64.deb     the clerk desktop with its own Java runtime (jpackage)
#   sportel-clerk-windows-<version>.zip   the portable Windows bundle
# Needs the jars (mvn -B -ntp -DskipTests package), dpkg-deb, fakeroot and JDK 17's jpackage.
# Usage: installer/build-packages.sh [server|desktop|windows]...   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/installer/target
MVN_VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
DEB_VERSION=${MVN_VERSION/-SNAPSHOT/\~snapshot}   # 0.1.0~snapshot sorts before the 0.1.0 release
APP_VERSION=${MVN_VERSION%%-*}                    # jpackage wants numbers only
SERVER_JAR=$ROOT/central-server/target/sportel-server.jar
CLERK_JAR=$ROOT/clerk-desktop/target/sportel-clerk.jar
mkdir -p "$OUT"

need() {
  for f in "$@"; do
    [ -f "$f" ] || { echo "build-packages: $f is missing; run: mvn -B -ntp -DskipTests package" >&2; exit 1; }
  done
}

server_deb() {
  need "$SERVER_JAR"
  local src=$ROOT/installer/server root=$OUT/deb/sportel-server
  rm -rf "$root" && mkdir -p "$root"
  install -D -m 0644 "$SERVER_JAR" "$root/usr/share/sportel-server/sportel-server.jar"
  install -D -m 0755 "$src/sportel-server" "$root/usr/bin/sportel-server"
  install -D -m 0644 "$src/sportel-server.service" "$root/lib/systemd/system/sportel-server.service"
  install -D -m 0640 "$src/server.env" "$root/etc/sportel/server.env"
  install -D -m 0644 "$ROOT/docs/operations.md" "$root/usr/share/doc/sportel-server/operations.md"
  install -D -m 0644 "$ROOT/LICENSE" "$root/usr/share/doc/sportel-server/copyright"
  install -d "$root/DEBIAN"
  install -m 0755 "$src/DEBIAN/postinst" "$src/DEBIAN/prerm" "$src/DEBIAN/postrm" "$root/DEBIAN/"
  install -m 0644 "$src/DEBIAN/conffiles" "$root/DEBIAN/"
  local size
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@SIZE@/$size/" "$src/DEBIAN/control.in" > "$root/DEBIAN/control"
  fakeroot dpkg-deb --root-owner-group -Zgzip --build "$root" "$OUT/sportel-server_${DEB_VERSION}_all.deb" >/dev/null
  echo "built $OUT/sportel-server_${DEB_VERSION}_all.deb"
}

# The modules the desktop uses (jdeps on the fat jar, checked by starting it); jdk.localedata carries
# the Albanian formats, jdk.crypto.ec TLS to an https server.
DESKTOP_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs

# The AppCDS archive of the desktop's own classes (JavaFX, H2, the app): made by one start of the
# launcher that exits once the login window shows. JDK 17 accepts a dynamic archive only with the jar at
# the exact path it was made with, so the image is mounted at its installed path, /opt/sportel-clerk,
# in a private mount namespace (nothing outside this build sees it, an installed Sportel included).
# Where that or a display cannot be had, the package goes without the archive (and starts slower).
APP_CDS=lib/app/sportel-clerk.jsa
app_cds_archive() {
  local image=$1 home
  if ! command -v xvfb-run >/dev/null || ! command -v unshare >/dev/null; then
    echo "build-packages: no xvfb-run or unshare; the desktop package goes without its AppCDS archive" >&2
    return 0
  fi
  home=$(mktemp -d)
  # shellcheck disable=SC2016  # $APPDIR is the launcher's, expanded at start
  if unshare --map-root-user --mount sh -c '
        mount -t tmpfs sportel-opt /opt && mkdir /opt/sportel-clerk &&
        mount --bind "$1" /opt/sportel-clerk &&
        HOME="$2" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=/opt/sportel-clerk/$3 -Dsportel.startProbe=exit" \
          timeout 300 xvfb-run -a /opt/sportel-clerk/bin/Sportel --data-dir "$2/data"' \
        sh "$image" "$home" "$APP_CDS" >"$home/dump.log" 2>&1 && [ -s "$image/$APP_CDS" ]; then
    sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/sportel-clerk.jsa' "$image/lib/app/Sportel.cfg"
    echo "AppCDS archive: $(du -h "$image/$APP_CDS" | cut -f1)"
  else
    echo "build-packages: could not make the AppCDS archive (see below); the package goes without it" >&2
    tail -5 "$home/dump.log" >&2
    rm -f "$image/$APP_CDS"
  fi
  rm -rf "$home"
}

desktop_deb() {
  need "$CLERK_JAR"
  local work=$OUT/jpackage src=$ROOT/installer/desktop
  rm -rf "$work" && mkdir -p "$work/input"
  cp "$CLERK_JAR" "$work/input/"
  # jpackage makes the application image (launcher + jlink runtime); dpkg-deb packs it with gzip,
  # which is minutes faster than jpackage's own xz-compressed .deb and lets us name the menu entry
  # in Albanian and ship the system-wide preset file.
  jpackage --type app-image --dest "$work" --input "$work/input" \
    --name Sportel --app-version "$APP_VERSION" --vendor Sportel \
    --description "Sportel - Sporteli" \
    --main-jar sportel-clerk.jar --main-class al.sportel.desktop.Main \
    --icon "$src/sportel.png" \
    --add-modules "$DESKTOP_MODULES" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive"
  # The CDS archive of the runtime's own classes (lib/server/classes.jsa, used by every start without an
  # option, and valid wherever the image is installed) is dumped by the image's bin/java, so the native
  # commands are stripped only now.
  [ -f "$work/Sportel/lib/runtime/lib/server/classes.jsa" ] || { echo "build-packages: no CDS archive in the runtime" >&2; exit 1; }
  app_cds_archive "$work/Sportel"
  rm -rf "$work/Sportel/lib/runtime/bin"
  local root=$work/root
  mkdir -p "$root/opt" "$root/usr/bin"
  mv "$work/Sportel" "$root/opt/sportel-clerk"
  ln -s /opt/sportel-clerk/bin/Sportel "$root/usr/bin/sportel-clerk"
  install -D -m 0644 "$src/sportel-clerk.desktop" "$root/usr/share/applications/sportel-clerk.desktop"
  install -D -m 0644 "$src/sportel.png" "$root/usr/share/icons/hicolor/256x256/apps/sportel-clerk.png"
  install -D -m 0644 "$src/clerk.properties" "$root/etc/sportel/clerk.properties"
  install -D -m 0644 "$ROOT/LICENSE" "$root/usr/share/doc/sportel-clerk/copyright"
  install -d "$root/DEBIAN"
  install -m 0755 "$src/DEBIAN/postinst" "$src/DEBIAN/postrm" "$root/DEBIAN/"
  install -m 0644 "$src/DEBIAN/conffiles" "$root/DEBIAN/"
  local size
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@SIZE@/$size/" "$src/DEBIAN/control.in" > "$root/DEBIAN/control"
  fakeroot dpkg-deb --root-owner-group -Zgzip --build "$root" "$OUT/sportel-clerk_${DEB_VERSION}_amd64.deb" >/dev/null
  rm -rf "$work"
  echo "built $OUT/sportel-clerk_${DEB_VERSION}_amd64.deb"
}

windows_zip() {
  need "$CLERK_JAR"
  local dir=$OUT/windows/Sportel
  rm -rf "$OUT/windows" && mkdir -p "$dir/lib/javafx"
  mvn -B -q -ntp -f "$ROOT/installer/windows/javafx-win.pom.xml" dependency:copy-dependencies \
    -DexcludeTransitive=true -DoutputDirectory="$dir/lib/javafx"
  cp "$CLERK_JAR" "$dir/lib/"
  cp "$ROOT/installer/windows/Sportel.bat" "$ROOT/installer/windows/Sportel.vbs" "$ROOT/installer/windows/clerk.properties" \
     "$ROOT/installer/windows/README-IT.md" "$ROOT/installer/desktop/sportel.png" "$dir/"
  sed -i 's/$/\r/' "$dir/Sportel.bat" "$dir/Sportel.vbs" "$dir/clerk.properties"   # Windows line ends
  (cd "$OUT/windows" && jar --create --no-manifest --file "$OUT/sportel-clerk-windows-$DEB_VERSION.zip" Sportel)
  rm -rf "$OUT/windows"
  echo "built $OUT/sportel-clerk-windows-$DEB_VERSION.zip"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(server desktop windows)
for t in "${targets[@]}"; do
  case $t in
    server) server_deb ;;
    desktop) desktop_deb ;;
    windows) windows_zip ;;
    *) echo "build-packages: unknown target $t (server, desktop, windows)" >&2; exit 2 ;;
  esac
done
