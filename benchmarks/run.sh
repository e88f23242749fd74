#!/usr/bin/env bash
# The performance run: builds the project, installs nginx from Debian's packages if it is missing, and runs the
# end-to-end harness (this SDK, the official SDK and bare OkHttp against a local nginx, interleaved and repeated),
# writing the chart to docs/performance.png. Extra arguments go to the harness, e.g. --calls 20000 --rounds 3.
# The defaults (150,000 calls a run, 5 rounds) take about nine minutes.
# For the JMH benchmarks: java -jar benchmarks/target/benchmarks.jar jmh -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx-light (root and Debian's package mirror needed)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
mvn -B -q -ntp package -DskipTests
java -jar benchmarks/target/benchmarks.jar e2e --chart docs/performance.png "$@"
