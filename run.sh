#!/usr/bin/env bash
# Builds the distribution and starts it in the foreground (embedded Derby; UI http://localhost:8181/crm,
# REST http://localhost:8181/api/v1). Your data (run/opencrm/data/crmdb) survives a rebuild.
# Type "logout" (or Ctrl-D) in the Karaf console to stop.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
dist=distribution/target/opencrm-distribution-0.1.0-SNAPSHOT.tar.gz
home=run/opencrm
keep=$(mktemp -d)
if [ -d "$home/data/crmdb" ]; then
  mv "$home/data/crmdb" "$keep/"
  [ -f "$home/data/admin-password.txt" ] && mv "$home/data/admin-password.txt" "$keep/"
fi
rm -rf "$home" && mkdir -p "$home"
tar xzf "$dist" -C "$home" --strip-components=1
mkdir -p "$home/data"
mv "$keep"/* "$home/data/" 2>/dev/null || true
rmdir "$keep"
exec "$home/bin/karaf"
