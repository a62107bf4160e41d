#!/usr/bin/env bash
# The main job: the product as a user runs it, on 127.0.0.1. Starts a real control plane and an OCI
# registry, pushes the sample chart (e2e/sample-chart) with the real helm, installs the CRD and the
# operator's RBAC (crds/, deploy/), runs the operator (bin/ocihelm operator) with the ServiceAccount
# token of deploy/, applies the sample release (e2e/sample-release.yaml), waits for Ready and shows
# `kubectl get ohr` with the time from create to Ready. Ctrl-C stops everything it started.
#   e2e/sandbox.sh          # run until Ctrl-C
#   e2e/sandbox.sh --once   # the same, then stop (exit 0 when the sample release became Ready)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME_OVERRIDE:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | sort -V | tail -n 1)}"
export PATH="$JAVA_HOME/bin:$PATH"

e2e/provision.sh >/dev/null
# The operator is the packaged application (target/quarkus-app): built when missing or older than
# any source, resource or the pom; otherwise reused (a package takes a minute or two).
app=target/quarkus-app/quarkus-run.jar
if [ ! -f "$app" ] || [ -n "$(find pom.xml src/main -newer "$app" -type f 2>/dev/null | head -n 1)" ]; then
  echo "==> ./mvnw -B package -DskipTests  (target/quarkus-app missing or older than the sources)"
  ./mvnw -q -B package -DskipTests
else
  echo "==> target/quarkus-app is up to date: reusing it"
  ./mvnw -q -B test-compile
fi
# The sandbox is test-bed code (src/test/java/io/ocihelm/testbed), so it runs on the test classpath.
./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/sandbox.classpath >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/sandbox.classpath)" \
  -Docihelm.testbed.dir=.sandbox io.ocihelm.testbed.Sandbox "$@"
