#!/usr/bin/env python3
"""Where a hub's CPU went, by layer, from a Java Flight Recorder file (bench/run --profile writes one per scenario).

Usage: bench/jfr-layers.py <recording.jfr> [title] [since]
  since: an ISO instant (2026-12-07T07:28:42Z); samples before it are left out. A recording dumped for a window still
  holds whole chunks of it (start-up among them), so the window is cut here.

Each execution sample is put in the layer of its innermost frame that belongs to one (a JDBC call made by the hub's
code counts as the database, a bean Camel calls as the hub's code): the self time of each layer, what a flat profile of
a request path spread over many libraries needs. Then the hottest methods by self time, and the threads sampled.
"""
import collections
import json
import subprocess
import sys

# Innermost first: the first layer a frame matches, walking from the top of the stack, takes the sample.
LAYERS = [
    ("token signatures (Nimbus JOSE, JCA)", ["com/nimbusds", "sun/security", "java/math/BigInteger"]),
    ("OpenAPI request validator", ["com/atlassian/oai", "com/networknt", "io/swagger"]),
    ("database (H2, PostgreSQL driver, Hikari, Spring JDBC)",
     ["org/h2", "org/postgresql", "com/zaxxer", "org/springframework/jdbc"]),
    ("JSON (Jackson)", ["com/fasterxml"]),
    ("logging (Logback)", ["ch/qos/logback", "org/slf4j"]),
    ("the hub's code", ["in/gov/sangam"]),
    ("Micrometer", ["io/micrometer"]),
    ("Spring Security", ["org/springframework/security"]),
    ("Artemis, Spring JMS", ["org/apache/activemq", "org/springframework/jms", "jakarta/jms"]),
    ("Camel", ["org/apache/camel"]),
    ("Spring MVC", ["org/springframework/web"]),
    ("Spring core, AOP, transactions", ["org/springframework"]),
    ("Tomcat", ["org/apache/catalina", "org/apache/coyote", "org/apache/tomcat"]),
    ("Apache HttpClient", ["org/apache/hc"]),
]


def frames(event):
    trace = event["values"].get("stackTrace")
    if not trace:
        return []
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in trace["frames"]]


def layer_of(stack):
    for frame in stack:
        for name, prefixes in LAYERS:
            if any(frame.startswith(p) for p in prefixes):
                return name
    return "the JDK alone (threads, collections, I/O)"


def main():
    recording = sys.argv[1]
    title = sys.argv[2] if len(sys.argv) > 2 else recording
    since = sys.argv[3].replace("Z", "") if len(sys.argv) > 3 else ""
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample",
                              recording], capture_output=True, text=True, check=True).stdout
    events = json.loads(printed)["recording"]["events"]
    layers, methods, threads = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for event in events:
        stack = frames(event)
        # ISO instants in UTC compare as text; the recording's have nanoseconds and a Z.
        if not stack or event["values"]["startTime"].replace("Z", "") < since:
            continue
        total += 1
        layers[layer_of(stack)] += 1
        methods[stack[0]] += 1
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or "?"
        threads[thread.rstrip("0123456789").rstrip("-# ")] += 1
    print(f"# Where the CPU went: {title}")
    print(f"{total} execution samples (JFR, settings=profile)\n")
    print("| layer (innermost frame) | share |\n| --- | --- |")
    for name, count in layers.most_common():
        print(f"| {name} | {100 * count / total:.1f}% |")
    print("\nHottest methods (self):")
    for name, count in methods.most_common(15):
        print(f"  {100 * count / total:5.1f}%  {name}")
    print("\nThreads sampled:")
    for name, count in threads.most_common(8):
        print(f"  {100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main()
