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

# Optional: Landlock and seccomp below bubblewrap are applied by a few lines of python3.
if ! command -v python3 >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends python3-minimal \
    || echo "mlgrade setup: python3 not installed; no Landlock below bubblewrap"
fi

# The sandboxed JVMs' class-data archive, made once here rather than in every grading run.
java -cp "$(dirname "$0")/mlgrade.jar" org.mlgrade.grader.sandbox.ChildArchive \
  || echo "mlgrade setup: sandboxed JVMs will start without a class-data archive"
# The compiler JVM's (javac's classes), likewise.
java -cp "$(dirname "$0")/mlgrade.jar" org.mlgrade.grader.submission.CompilerArchive \
  || echo "mlgrade setup: the compiler JVM will start without a class-data archive"

# The grader's own class-data archive (JDK 17's dynamic archive), from a training run on an empty
# submission, so that each grading run starts faster; run_autograder uses it when it is there,
# and a JVM or jar that differs from the training run's simply ignores it.
source_dir="$(cd "$(dirname "$0")" && pwd)"
train="$(mktemp -d)"
mkdir -p "$train/submission" "$train/results"
ln -s "$source_dir" "$train/source"
java -XX:ArchiveClassesAtExit="$source_dir/mlgrade.jsa" -XX:TieredStopAtLevel=1 \
  -XX:+UseSerialGC -jar "$source_dir/mlgrade.jar" gradescope --root "$train" >/dev/null 2>&1
[ -s "$source_dir/mlgrade.jsa" ] \
  || echo "mlgrade setup: the grader will start without a class-data archive"
rm -rf "$train"
exit 0
