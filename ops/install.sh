#!/usr/bin/env bash
# Installs the packaged hub in the form that starts fastest, as Spring Boot documents it for production:
#   1. extracted (the application jar beside lib/): classes load from plain jars, not from jars inside a jar,
#      which alone takes about a fifth off the start-up on a 2-core machine;
#   2. with a class-data-sharing archive (JDK AppCDS) made by one training start that stops once the context is
#      refreshed: the JVM then maps the hub's classes already parsed and verified instead of loading them.
# The archive fits only the JDK that made it and these exact jars: install again after an upgrade of either
# (a JVM given a stale archive says so and starts without it, slower).
#
# Usage:  ops/install.sh target/sangam-hub-0.1.0-SNAPSHOT.jar /opt/sangam
# Start:  java -XX:SharedArchiveFile=/opt/sangam/sangam-hub.jsa -jar /opt/sangam/sangam-hub.jar [arguments]
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <packaged sangam-hub jar> <folder to install into>" >&2
  exit 2
fi
jar="$1"
destination="$2"

java -Djarmode=tools -jar "$jar" extract --force --destination "$destination"
mv -f "$destination/$(basename "$jar")" "$destination/sangam-hub.jar"

# The training start runs the default profile (simulators included) on free ports and a throw-away data folder;
# production loads nearly the same classes, and those it does not share still load the ordinary way.
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
java -XX:ArchiveClassesAtExit="$destination/sangam-hub.jsa" -Dspring.context.exit=onRefresh \
  -jar "$destination/sangam-hub.jar" --server.port=0 --sangam.data-dir="$training" > "$training/training.log" 2>&1 \
  || { cat "$training/training.log" >&2; echo "the training start failed" >&2; exit 1; }

echo "Installed in $destination. Start it with:"
echo "  java -XX:SharedArchiveFile=$destination/sangam-hub.jsa -jar $destination/sangam-hub.jar"
