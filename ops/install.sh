#!/usr/bin/env bash
# Installs the packaged hub in the form that starts fastest, as Spring Boot documents it for production:
#   1. extracted (the application jar beside lib/): classes load from plain jars, not from jars inside a jar,
#      which alone takes about a fifth off the start-up on a 2-core machine;
#   2. with a class-data-sharing archive (JDK AppCDS) made by one training start that stops once it is ready: the
#      JVM then maps the hub's classes already parsed and verified instead of loading them.
# The archive fits only the JDK that made it and these exact jars: install again after an upgrade of either
# (a JVM given a stale archive says so and starts without it, slower).
#
# Usage:  ops/install.sh target/sangam-hub-0.1.0-SNAPSHOT.jar /opt/sangam
# Start:  java -XX:SharedArchiveFile=/opt/sangam/sangam-hub.jsa -jar /opt/sangam/sangam-hub.jar [arguments]
# Demo:   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=… (the README's "Installing a node")
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <packaged sangam-hub jar> <folder to install into>" >&2
  exit 2
fi
jar="$1"
destination="$2"

java -Djarmode=tools -jar "$jar" extract --force --destination "$destination"
mv -f "$destination/$(basename "$jar")" "$destination/sangam-hub.jar"

# The training start runs the default profile (simulators included) on a free port and a throw-away data folder until
# it is ready (its Camel routes built and started, the simulators and the web server up), then stops, and the JVM
# writes the archive as it exits. Spring's -Dspring.context.exit=onRefresh would stop it before the web server and
# Camel start, leaving out the classes of route building and of every consumer: about 2 s of each start. Production
# loads nearly the same classes; those it does not share still load the ordinary way.
training=$(mktemp -d)
trainer=""
trap '[ -n "$trainer" ] && kill "$trainer" 2> /dev/null; rm -rf "$training"' EXIT
java -XX:ArchiveClassesAtExit="$destination/sangam-hub.jsa" -jar "$destination/sangam-hub.jar" \
  --server.port=0 --sangam.data-dir="$training/data" > "$training/training.log" 2>&1 &
trainer=$!
# Spring Boot logs "Started" once the context runs; the node is ready right after.
deadline=$((SECONDS + 300))
until grep -q 'Started SangamApplication' "$training/training.log"; do
  if ! kill -0 "$trainer" 2> /dev/null || [ "$SECONDS" -gt "$deadline" ]; then
    cat "$training/training.log" >&2
    echo "the training start failed" >&2
    exit 1
  fi
  sleep 0.2
done
kill -TERM "$trainer"
wait "$trainer" || true
trainer=""
if [ ! -s "$destination/sangam-hub.jsa" ]; then
  cat "$training/training.log" >&2
  echo "the training start wrote no archive" >&2
  exit 1
fi

echo "Installed in $destination. Start it with:"
echo "  java -XX:SharedArchiveFile=$destination/sangam-hub.jsa -jar $destination/sangam-hub.jar"
echo "For the demo (the default profile), start it as mvn spring-boot:run starts the hub, C1 only (not for production):"
echo "  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$destination/sangam-hub.jsa -jar $destination/sangam-hub.jar"
