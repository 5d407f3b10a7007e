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
# Each case runs its runs one after another; the last lines give each case's median, the figure issue 8 sets
# (the default profile ready in <= 10 s) is about.
# Usage: bench/startup.sh [runs per case, default 3]
set -euo pipefail
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

measure() {
  local label="$1"; shift
  local times=""
  for run in $(seq "$runs"); do
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
    until curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null 2>&1; do
      if ! kill -0 "$pid" 2> /dev/null; then echo "hub died, see $work/hub.log"; cat "$work/hub.log"; exit 1; fi
      sleep 0.1
    done
    end=$(date +%s.%N)
    kill -- -"$pid"; wait "$pid" 2> /dev/null || true
    local ready; ready=$(echo "$end - $start" | bc)
    times="$times $ready"
    printf '%-34s run %d: ready in %5.1f s  (%s)\n' "$label" "$run" "$ready" \
      "$(grep -o 'Catalogue loaded.*' "$work/hub.log" | sed 's/.*: //')"
  done
  medians+=("$(printf '%-34s median %5.1f s' "$label" "$(echo $times | tr ' ' '\n' | sort -n | \
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')")")
}
medians=()

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
measure "mvn spring-boot:run" mvn
measure "jar, shipped catalogue"
measure "jar, 1,000 services" --sangam.catalogue.location="file:$work/connectors-1000"
measure "installed, production start" installed
measure "installed, demo start (C1, serial)" installed -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
printf '%s\n' "${medians[@]}"
