#!/usr/bin/env bash
# Runs mlgrade's benchmarks, each in a fresh JVM, and prints their timings:
#   CompileBenchmark          cold and warm javac in the compiler JVM, 10-file submission
#   SandboxOverheadBenchmark  child JVM start + one trivial call, at each working isolation level
# They are main classes under grader/src/test/java, run by the `bench` profile of grader/pom.xml
# right after test-compile; `mvn test` and `mvn verify` never run them. Extra arguments go to
# Maven (e.g. -o). Numbers depend on the machine's load: report the load average beside them.
set -euo pipefail
cd "$(dirname "$0")/../.."
uptime
exec mvn -B -q -pl grader -am process-test-classes -Pbench "$@"
