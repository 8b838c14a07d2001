#!/bin/sh
# Container entrypoint of OpenCRM: applies configuration from the environment and /etc/opencrm, then runs the command
# (bin/karaf daemon) in its place.
set -eu
KARAF_HOME="${KARAF_HOME:-/opt/opencrm}"
OVERRIDES="${CRM_ETC_OVERRIDES:-/etc/opencrm}"

# 1. configuration files mounted in /etc/opencrm (*.cfg, *.properties, *.xml) replace those of etc/
if [ -d "$OVERRIDES" ]; then
    for f in "$OVERRIDES"/*.cfg "$OVERRIDES"/*.properties "$OVERRIDES"/*.xml; do
        [ -f "$f" ] || continue
        cp "$f" "$KARAF_HOME/etc/"
        echo "docker-entrypoint: etc/$(basename "$f") from $OVERRIDES"
    done
fi

# 2. CRM_DB_URL (jdbc:postgresql://host:5432/crm) with CRM_DB_USER and CRM_DB_PASSWORD: the CRM's DataSource on
#    PostgreSQL instead of the embedded Derby (written before every start, so the environment always wins)
if [ -n "${CRM_DB_URL:-}" ]; then
    case "$CRM_DB_URL" in
        jdbc:postgresql:*) ;;
        *) echo "docker-entrypoint: CRM_DB_URL must be a jdbc:postgresql: URL, not $CRM_DB_URL" >&2; exit 64 ;;
    esac
    umask 077
    rm -f "$KARAF_HOME/etc/org.ops4j.datasource-crm.cfg"
    cat > "$KARAF_HOME/etc/org.ops4j.datasource-crm.cfg" <<CFG
# Written by docker-entrypoint.sh from CRM_DB_URL, CRM_DB_USER, CRM_DB_PASSWORD
osgi.jdbc.driver.name=PostgreSQL JDBC Driver
url=$CRM_DB_URL
user=${CRM_DB_USER:-crm}
password=${CRM_DB_PASSWORD:-}
dataSourceName=crm
pool=transx
xa=true
pool.maxPoolSize=${CRM_DB_POOL_MAX:-24}
pool.minIdle=2
reWriteBatchedInserts=true
CFG
    echo "docker-entrypoint: database $CRM_DB_URL as ${CRM_DB_USER:-crm}"
fi

cd "$KARAF_HOME"
exec "$@"
