#!/usr/bin/env bash
# The main job, for now: start the test bed's sandbox (control plane + OCI registry on 127.0.0.1).
# The ocihelm operator does not exist yet; the sandbox says so. Ctrl-C stops everything.
#   e2e/sandbox.sh          # run until Ctrl-C
#   e2e/sandbox.sh --once   # start, print, stop (a smoke check)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME_OVERRIDE:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | sort -V | tail -n 1)}"
export PATH="$JAVA_HOME/bin:$PATH"

e2e/provision.sh >/dev/null
./mvnw -q -B test-compile
# The sandbox is test-bed code (src/test/java/io/ocihelm/testbed), so it runs on the test classpath.
./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/sandbox.classpath >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)" \
  -Docihelm.testbed.dir=.sandbox io.ocihelm.testbed.Sandbox "$@"
