#!/usr/bin/env bash
# Installs the packaged hub in the form that starts fastest, as Spring Boot documents it for production:
#   1. extracted (the application jar beside lib/): classes load from plain jars, not from jars inside a jar,
#      which alone takes about a fifth off the start-up on a 2-core machine;
#   2. with a class-data-sharing archive (JDK AppCDS) made by one training start that stops once it is ready: the
#      JVM then maps the hub's classes already parsed and verified instead of loading them.
# The archive fits only the JDK that made it and these exact jars where they are: install again after an upgrade of
# either, or to move the folder (a JVM given a stale archive says so and starts without it, slower).
#
# Usage:  ops/install.sh target/sangam-hub-0.1.0-SNAPSHOT.jar /opt/sangam
# Start:  java -XX:SharedArchiveFile=/opt/sangam/sangam-hub.jsa -jar /opt/sangam/sangam-hub.jar [arguments]
# Demo:   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=… (the README's "Installing a node")
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <packaged sangam-hub jar> <folder to install into>" >&2
  exit 2
fi
command -v curl > /dev/null || { echo "$0 needs curl, to ask the training start whether it is ready" >&2; exit 2; }
# The JDK of JAVA_HOME if set, else the java on the PATH: the archive fits only the JDK that makes it.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"
# Absolute: the archive records where the jars are, and the start commands printed below work from any folder.
destination=$(cd "$2" && pwd)
archive="$destination/sangam-hub.jsa"

"$java" -Djarmode=tools -jar "$jar" extract --force --destination "$destination"
mv -f "$destination/$(basename "$jar")" "$destination/sangam-hub.jar"
# An archive from an earlier install must not pass for this one should the training start write none.
rm -f "$archive"

# The training start runs the default profile (simulators included) on a free port and a throw-away data folder until
# it is ready (its Camel routes built and started, the simulators and the web server up) and has answered a request,
# then stops, and the JVM writes the archive as it exits. Spring's -Dspring.context.exit=onRefresh would stop it
# before the web server and Camel start, leaving out the classes of route building and of every consumer: 3,487
# classes, and 13.3-15.3 s instead of 15.2-16.5 s to start (bench/README.md). Production loads nearly the same
# classes; those it does not share still load the ordinary way.
training=$(mktemp -d)
trainer=""
stop_trainer() { # a failed install leaves neither a process nor a half-written archive behind
  if [ -n "$trainer" ]; then
    kill -KILL "$trainer" 2> /dev/null || true
    wait "$trainer" 2> /dev/null || true
    trainer=""
    rm -f "$archive"
  fi
}
trap 'stop_trainer; rm -rf "$training"' EXIT
trap 'exit 143' TERM INT
fail() {
  stop_trainer
  cat "$training/training.log" >&2
  echo "$1" >&2
  exit 1
}
# From its own folder, so that no ./config of the caller's is read; the default profile whatever the environment says.
(cd "$training" && exec "$java" -XX:ArchiveClassesAtExit="$archive" -jar "$destination/sangam-hub.jar" \
  --spring.profiles.active=default --server.port=0 --sangam.data-dir="$training/data") > "$training/training.log" 2>&1 &
trainer=$!
deadline=$((SECONDS + 300))
port=""
until [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; do
  kill -0 "$trainer" 2> /dev/null || fail "the training start failed"
  [ "$SECONDS" -le "$deadline" ] || fail "the training start was not ready within 300 s"
  port=$(grep -o 'Tomcat started on port [0-9]*' "$training/training.log" | grep -o '[0-9]*$' || true)
  sleep 0.2
done
# One request of each kind a node answers first: the public catalogue, a token, a read with it.
curl -sf "http://127.0.0.1:$port/api/v1/departments" > /dev/null || fail "the training start did not answer"
token=$(curl -sf -u admin:admin-secret -d grant_type=client_credentials "http://127.0.0.1:$port/oauth2/token" \
  | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4) || fail "the training start gave no token"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/admin/dead-letters" > /dev/null \
  || fail "the training start did not answer an authenticated request"
kill -TERM "$trainer" 2> /dev/null || true
deadline=$((SECONDS + 120))
while kill -0 "$trainer" 2> /dev/null; do
  [ "$SECONDS" -le "$deadline" ] || fail "the training start did not stop within 120 s"
  sleep 0.2
done
wait "$trainer" || true
trainer=""
[ -s "$archive" ] || fail "the training start wrote no archive"

echo "Installed in $destination. Start it with:"
echo "  java -XX:SharedArchiveFile=$archive -jar $destination/sangam-hub.jar"
echo "For the demo (the default profile), start it as mvn spring-boot:run starts the hub, C1 only (not for production):"
echo "  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$archive -jar $destination/sangam-hub.jar"
