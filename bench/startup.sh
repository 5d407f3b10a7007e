#!/usr/bin/env bash
# Start-up benchmark: how long the hub takes from launch until /actuator/health/readiness answers UP, with a fresh
# data directory each time, in the default profile (simulators included):
#   - `mvn spring-boot:run` (the README's first command, on an already compiled tree), shipped catalogue;
#   - the packaged jar as built (`java -jar target/…`), shipped catalogue and a generated one of 1,000 services
#     (the real programme has 913);
#   - the same jar installed by ops/install.sh (extracted, with a class-data-sharing archive), started as production
#     starts it;
#   - installed, started as the demo and development start it: C1 only, as `mvn spring-boot:run` starts the hub
#     (Spring Boot's "optimized launch"), and the serial collector, which suits one small node on a laptop.
# The cases take turns, one start each per round; the last lines give each case's median and its runs, the figures
# issue 8's target (the default profile ready in <= 10 s) is about.
# Usage: bench/startup.sh [runs per case, default 3]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
runs="${1:-3}"
port=18090

mvn -B -q -DskipTests package
mvn -B -q test-compile
jar=$(ls target/sangam-hub-*.jar | grep -v original | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ops/install.sh "$jar" "$work/installed" > /dev/null
java -cp target/test-classes in.gov.sangam.catalogue.GeneratedCatalogue "$work/connectors-1000" 20 50

# One start of one case: how long until ready, printed and kept for the case's median.
declare -A times
measure() {
  local label="$1"; shift
  rm -rf "$work/data"
  local start end
  start=$(date +%s.%N)
  if [ "${1:-}" = "mvn" ]; then
    setsid mvn -B -q spring-boot:run \
      -Dspring-boot.run.arguments="--server.port=$port --sangam.data-dir=$work/data" > "$work/hub.log" 2>&1 &
  elif [ "${1:-}" = "installed" ]; then
    setsid java "${@:2}" -XX:SharedArchiveFile="$work/installed/sangam-hub.jsa" -jar "$work/installed/sangam-hub.jar" \
      --server.port=$port --sangam.data-dir="$work/data" > "$work/hub.log" 2>&1 &
  else
    setsid java -jar "$jar" --server.port=$port --sangam.data-dir="$work/data" "$@" > "$work/hub.log" 2>&1 &
  fi
  local pid=$!
  local deadline=$((SECONDS + 300))
  until curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null 2>&1; do
    if ! kill -0 "$pid" 2> /dev/null || [ "$SECONDS" -gt "$deadline" ]; then
      echo "hub not ready ($label), its log:"; cat "$work/hub.log"; kill -- -"$pid" 2> /dev/null; exit 1
    fi
    sleep 0.1
  done
  end=$(date +%s.%N)
  kill -- -"$pid"; wait "$pid" 2> /dev/null || true
  local ready; ready=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
  times[$label]="${times[$label]:-} $ready"
  printf '%-34s ready in %5.1f s  (%s)\n' "$label" "$ready" \
    "$(grep -o 'Catalogue loaded.*' "$work/hub.log" | sed 's/.*: //')"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
# Round after round, each case once a round: this machine's speed drifts over minutes, and interleaving spreads the
# drift over every case instead of charging it to the cases that happened to run last.
labels=("mvn spring-boot:run" "jar, shipped catalogue" "jar, 1,000 services" "installed, production start"
  "installed, demo start (C1, serial)")
for round in $(seq "$runs"); do
  echo "round $round"
  measure "${labels[0]}" mvn
  measure "${labels[1]}"
  measure "${labels[2]}" --sangam.catalogue.location="file:$work/connectors-1000"
  measure "${labels[3]}" installed
  measure "${labels[4]}" installed -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
done
for label in "${labels[@]}"; do
  printf '%-34s median %5.1f s   (%s )\n' "$label" "$(echo ${times[$label]} | tr ' ' '\n' | sort -n | \
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')" \
    "${times[$label]}"
done
