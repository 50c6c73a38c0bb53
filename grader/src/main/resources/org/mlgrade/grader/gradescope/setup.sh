#!/usr/bin/env bash
# Written by `mlgrade package-gradescope`. Gradescope runs it once, as root, when it builds the
# autograder image (an Ubuntu base image): it installs a JDK (javac is needed to compile the
# students' code, a JRE is not enough) and tries to install bubblewrap.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

jdk_ok() {
  local major
  command -v javac >/dev/null 2>&1 || return 1
  major="$(javac -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p' | head -n 1)"
  [ -n "$major" ] && [ "$major" -ge 17 ]
}

if jdk_ok; then
  echo "mlgrade setup: $(javac -version 2>&1) already installed"
else
  apt-get update
  installed=""
  for jdk in openjdk-17-jdk-headless openjdk-21-jdk-headless default-jdk-headless; do
    if apt-get install -y --no-install-recommends "$jdk"; then
      installed="$jdk"
      break
    fi
  done
  if [ -z "$installed" ] || ! jdk_ok; then
    echo "mlgrade setup: could not install a JDK 17 or newer with apt-get" >&2
    exit 1
  fi
  echo "mlgrade setup: installed $installed ($(javac -version 2>&1))"
fi

# Optional: the strongest sandbox level. Gradescope's containers usually forbid the namespaces it
# needs, and mlgrade then falls back to running student code as uid 65534 (and says so).
if ! command -v bwrap >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends bubblewrap \
    || echo "mlgrade setup: bubblewrap not installed; mlgrade will use a weaker isolation level"
fi

# The sandboxed JVMs' class-data archive, made once here rather than in every grading run.
java -cp "$(dirname "$0")/mlgrade.jar" org.mlgrade.grader.sandbox.ChildArchive \
  || echo "mlgrade setup: sandboxed JVMs will start without a class-data archive"
exit 0
