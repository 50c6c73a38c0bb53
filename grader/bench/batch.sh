#!/usr/bin/env bash
# The class benchmark of issue 12 (BatchBenchmark): builds a class of N students from
# submissions-sample/ (of every 25: 20 correct, 3 known mistakes, 1 compile error, 1 loop),
# grades it with `java -jar grader/target/mlgrade.jar batch --quiet` at --jobs 1 and --jobs =
# cores, grades a subset the naive way (javac + JUnit console launcher per student, on
# grader/bench/conv-nb.yaml, interleaved with mlgrade on the same rubric), times two cold
# `mlgrade grade` runs, and prints a table and grader/target/bench-batch/bench-report.json.
#   grader/bench/batch.sh [--n 200] [--naive-n 20] [--jobs 1,2] [--cold 2] [--parent-flags "-XX:..."]
# CPU is the whole process tree's, read from a fresh cgroup per command (needs a writable
# cgroup; otherwise /usr/bin/time's user+sys, which misses unreaped children). Figures depend
# on the machine's load: the output prints the load average beside them.
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
# Maven's exec plugin splits its arguments at spaces, which would break a quoted --parent-flags:
# the arguments travel in a file instead, one per line.
mkdir -p grader/target
printf '%s\n' "$@" > grader/target/bench-batch-args
exec mvn -B -q -o -pl grader -am package -DskipTests -Pbench-batch \
  -Dbench.args="--args-file grader/target/bench-batch-args"
