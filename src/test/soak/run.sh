#!/usr/bin/env bash
# The soak run (docs/performance.md, "Soak run"): two nodes of the built jar on Debian's PostgreSQL 15 behind Debian's
# nginx, simulated users, four faults, an audit of nothing lost. Not part of `mvn verify`.
#
#   flock /tmp/mvn.lock mvn -q -o package -DskipTests          # the jar, first
#   flock /tmp/mvn.lock src/test/soak/run.sh                    # 30 minutes, four faults (all options: --help)
#   flock /tmp/mvn.lock src/test/soak/run.sh --minutes 5        # a shake-out
#   flock /tmp/mvn.lock src/test/soak/run.sh --nodes 1 --capacity 1,2,4,8,12 --step-seconds 120
#
# Hold the Maven lock for the whole run on a shared machine, so that no build skews the figures. Needs root (it
# starts PostgreSQL's cluster, mounts a small tmpfs as the archive store's disk, runs nginx).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
for package in postgresql nginx-light; do
  dpkg -s "$package" >/dev/null 2>&1 || apt-get install -y "$package" >/dev/null
done
jar="$(ls "$root"/target/title-review-*.jar 2>/dev/null | grep -v original | head -1)"
[ -n "$jar" ] || { echo "no jar in target/: build it first (mvn -q -o package -DskipTests)" >&2; exit 2; }
exec python3 "$here/soak.py" --jar "$jar" "$@"
