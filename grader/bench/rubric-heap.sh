#!/usr/bin/env bash
# Loading memory of large rubrics (issue 10): writes a ~1 MB and a ~3 MB rubric, JSON and YAML
# (RubricLoadBenchmark write), and prints, for each, the least -Xmx (serial collector) under which
# RubricLoader.load succeeds. The figure is a heap size, not a time, so the machine's load does
# not change it (only how long the search takes).
#   grader/bench/rubric-heap.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl grader -am package -DskipTests
CP=grader/target/mlgrade.jar:grader/target/test-classes
OUT=grader/target/bench-rubric-heap
for bytes in 1000000 3000000; do
  java -cp "$CP" org.mlgrade.grader.rubric.RubricLoadBenchmark write "$OUT/$bytes" "$bytes"
  for file in "$OUT/$bytes/big.json" "$OUT/$bytes/big.yaml"; do
    found="> 256"
    for mib in 8 10 12 14 16 20 24 28 32 40 48 56 64 80 96 112 128 160 192 256; do
      if java -Xmx${mib}m -XX:+UseSerialGC -cp "$CP" org.mlgrade.grader.rubric.RubricLoadBenchmark \
          load "$file" >/dev/null 2>&1; then
        found=$mib
        break
      fi
    done
    echo "$file ($(stat -c %s "$file") bytes): least heap $found MiB"
  done
done
