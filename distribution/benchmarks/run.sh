#!/usr/bin/env bash
# OpenCRM benchmark: start time, CSV import throughput and contact search latency against the assembled Karaf
# distribution. See README.md in this folder.
#
#   distribution/benchmarks/run.sh                 # 100,000 and 1,000,000 contacts, writes RESULTS.md
#   distribution/benchmarks/run.sh --quick         # 10,000 and 50,000 contacts (smoke test), writes target/RESULTS-quick.md
#   distribution/benchmarks/run.sh --sizes 200000  # any sizes (ascending, comma-separated)
#   distribution/benchmarks/run.sh --build         # rebuild the distribution first (mvn -o install -DskipTests)
#   --import-budget-min N   REST import time budget (default 40); rows beyond it are loaded straight into Derby
#   --no-diagnose           skip the final Derby query-plan diagnostics
#   --no-ceiling            skip the import's ceiling (Derby's raw batched insert of the same rows into a copy of CRM_CONTACT)
#   --diagnose-only         only the query-plan diagnostics, on the data left by the last run (target/DIAGNOSTICS.md)
#   --search-only           only the search measurement, on the data left by the last run (target/RESULTS-search-only.md)
#
#   distribution/benchmarks/run.sh --handsets          # IMEI lookup with 1,000,000 handsets vs GET /health, writes RESULTS-handsets.md
#   distribution/benchmarks/run.sh --handsets --quick  # 50,000 handsets, short phases (smoke test), writes target/RESULTS-handsets-quick.md
#   --count N               handsets to load (writes target/RESULTS-handsets-N.md)
#   --jfr                   also profile the lookups (JFR) and summarise the profile in the results
#   --measure-only          measure again on the handsets of the last --handsets run (target/RESULTS-handsets-measure-only.md)
#
#   distribution/benchmarks/run.sh --channel           # channel finance month-end close, 5,000 partners x 12 months, writes RESULTS-channel-distribution.md
#   distribution/benchmarks/run.sh --channel --quick   # 500 partners (smoke test), writes target/RESULTS-channel-quick.md
#   --partners N            partners to load (writes target/RESULTS-channel-N.md)
#
#   distribution/benchmarks/run.sh --audit             # franchise audit results over HTTP, 10,000 stores x 24 audits x 60 items, writes RESULTS-audit-distribution.md
#   distribution/benchmarks/run.sh --audit --quick     # 500 stores (smoke test), writes target/RESULTS-audit-quick.md
#   --stores N              stores to load (writes target/RESULTS-audit-N.md)
#   --plans                 (with --audit) also log Derby's query plans of each call after the measurement and summarise them in the results
#   --measure-only          (with --audit) measure again on the data of the last --audit run (target/RESULTS-audit-measure-only.md)
#
#   With --membership, --handsets or the import (--sizes N, --quick; then with the ceiling on PostgreSQL too, no diagnostics):
#   --postgresql            run the distribution on a throw-away PostgreSQL cluster instead of embedded Derby: initdb + pg_ctl from
#                           /usr/lib/postgresql/<newest>/bin in target/postgresql-<benchmark> on a free port (as the postgres user
#                           when run as root), database and user crm_bench, pointed at by etc/org.ops4j.datasource-crm.cfg only;
#                           stopped and deleted at the end, also on failure. Writes target/RESULTS-<benchmark>-pg-1node[-quick].md
#   --nodes 2               (with --postgresql) a second Karaf node, target/opencrm-<benchmark>-node2, every port + 10 (HTTP,
#                           ssh, RMI), own karaf.name, on the same database, started once node 1 is ready; client i talks to
#                           node i % 2. Writes target/RESULTS-<benchmark>-pg-2nodes[-quick].md. Two JVMs, PostgreSQL and the
#                           load generator on one 2-core machine: such figures say little about how the platform scales.
#   --port-offset N         add N to every port of the benchmark's Karaf nodes (e.g. 10000: membership 28681..., handsets 28581...)
#
#   distribution/benchmarks/run.sh --start             # start time only: 5 cold + 5 warm starts (no import), medians and the split from karaf.log, writes target/RESULTS-start.md
#   distribution/benchmarks/run.sh --start --quick     # 2 cold + 2 warm
#   --runs N                (with --start) cold/warm pairs
#   --dist FILE             (with --start) another distribution tar.gz (e.g. an older build, for a before/after in one sitting)
#
#   distribution/benchmarks/run.sh --ui-sessions      # memory per idle signed-in UI session: 200 sessions of a real Chromium (~15 min), writes RESULTS-ui-sessions.md
#   --sessions N            sessions to open (writes target/RESULTS-ui-sessions-N.md)
#   distribution/benchmarks/run.sh --ui-screens       # seconds for each main screen to appear with 1,000,000 contacts and 1,000,000 handsets (~30 min), writes RESULTS-ui-screens.md
#   --records N             contacts and handsets to load instead (writes target/RESULTS-ui-screens-N.md)
set -euo pipefail

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/../.." && pwd)"
dist="$repo/distribution/target/opencrm-distribution-0.1.0-SNAPSHOT.tar.gz"
# org.opencrm.testsupport.PostgresCluster (PgCluster.java's cluster), built with the distribution
testsupport="$repo/distribution/test-support/target/opencrm-test-support-0.1.0-SNAPSHOT.jar"
work="$bench/target"                  # ignored by the root .gitignore (target/)
home="$work/opencrm"
port=18181
password="bench-$(date +%s)-Pw"
results="$bench/RESULTS.md"
build=false
membership=false
margs=()
diagnose_only=false
handsets=false
channel=false
cargs=()
audit=false
aargs=()
aresults=""
cresults=""
measure_only=false
explicit_results=false
args=()
hargs=()
hresults=""
ui_sessions=false
ui_screens=false
records=""
sessions=""
postgresql=false
nodes=1
port_offset=0
start=false
start_runs=""

while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=true ;;
    --membership) membership=true ;;
    --start) start=true ;;
    --runs) start_runs="$2"; shift ;;
    --dist) dist="$2"; shift ;;
    --members|--duration-s|--lever|--till) margs+=("$1" "$2"); shift ;;
    --quick) args+=(--quick); hargs+=(--quick); cargs+=(--quick); aargs+=(--quick); aresults="${aresults:-$work/RESULTS-audit-quick.md}"; cresults="${cresults:-$work/RESULTS-channel-quick.md}"; results="$work/RESULTS-quick.md"; hresults="$work/RESULTS-handsets-quick.md" ;;
    --handsets) handsets=true ;;
    --channel) channel=true ;;
    --audit) audit=true ;;
    --stores) aargs+=(--stores "$2"); aresults="$work/RESULTS-audit-$2.md"; shift ;;
    --plans) aargs+=(--plans) ;;
    --ui-sessions) ui_sessions=true ;;
    --ui-screens) ui_screens=true ;;
    --records) records="$2"; shift ;;
    --sessions) sessions="$2"; shift ;;
    --partners) cargs+=(--partners "$2"); cresults="$work/RESULTS-channel-$2.md"; shift ;;
    --count) hargs+=(--count "$2"); hresults="${hresults:-$work/RESULTS-handsets-$2.md}"; shift ;;
    --jfr) hargs+=(--jfr) ;;
    --measure-only) hargs+=(--measure-only); aargs+=(--measure-only); diagnose_only=true; measure_only=true ;;
    --sizes) args+=(--sizes "$2"); results="$work/RESULTS-$2.md"; shift ;;
    --results) results="$2"; hresults="$2"; explicit_results=true; shift ;;
    --port) port="$2"; shift ;;
    --import-budget-min) args+=(--import-budget-min "$2"); shift ;;
    --no-diagnose) args+=(--no-diagnose) ;;
    --no-ceiling) args+=(--no-ceiling) ;;
    --diagnose-only) args+=(--diagnose-only); diagnose_only=true; results="$work/DIAGNOSTICS.md" ;;
    --search-only) args+=(--search-only); diagnose_only=true; results="$work/RESULTS-search-only.md" ;;
    --postgresql) postgresql=true ;;
    --nodes) nodes="$2"; shift ;;
    --port-offset) port_offset="$2"; shift ;;
    -h|--help) sed -n '2,46p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "${#args[@]}" -gt 0 ] && [ "${args[0]}" = "--sizes" ] && [ "${args[1]}" = "100000,1000000" ] && results="$bench/RESULTS.md"
# --start [--quick] [--runs N] [--dist FILE]: cold and warm starts only (StartBenchmark.java: its own Karaf in
# target/opencrm-start, ports 18981/18901), medians and the split of the start from karaf.log
if $start; then
  if [ ! -f "$dist" ]; then (cd "$repo" && mvn -B -q -o install -DskipTests); fi
  runs="${start_runs:-5}"
  [[ " ${args[*]-} " == *" --quick "* ]] && [ -z "$start_runs" ] && runs=2
  mkdir -p "$work"
  if curl -s -o /dev/null --max-time 1 "http://localhost:18981/"; then echo "port 18981 is already in use; stop it first" >&2; exit 1; fi
  mkdir -p "$work/bench-classes"
  javac -d "$work/bench-classes" "$bench/KarafNode.java"
  exec java -Xmx256m -cp "$work/bench-classes" "$bench/StartBenchmark.java" --dist "$dist" --home "$work/opencrm-start" --runs "$runs" \
    --results "$($explicit_results && echo "$results" || echo "$work/RESULTS-start.md")" --pid-file "$work/karaf-start.pid" --java-max-mem "${JAVA_MAX_MEM:-2g}"
fi
# --ui-sessions [--sessions N]: UiSessionMemoryBenchmark (distribution/itests) starts the distribution in
# distribution/itests/target/ui-sessions (ports 18781/18701/11699/45044) and signs in with Debian's Chromium
if $ui_sessions; then
  if $build || [ ! -f "$dist" ]; then (cd "$repo" && mvn -B -q -o install -DskipTests); fi
  uresults="$bench/RESULTS-ui-sessions.md"
  [ -n "$sessions" ] && uresults="$work/RESULTS-ui-sessions-$sessions.md"
  mkdir -p "$work"
  # realClockOnly: only this class, not the suite's PostgreSQL and moved-clock executions
  (cd "$repo" && mvn -B -o -q verify -pl distribution/itests -Dtest=UiSessionMemoryBenchmark -Dcrm.itest.realClockOnly=true \
    -Dcrm.bench.sessions="${sessions:-200}" -Dcrm.bench.results="$uresults")
  cat "$uresults"
  exit 0
fi
# --ui-screens [--records N]: UiScreensBenchmark (distribution/itests) starts the distribution in
# distribution/itests/target/ui-screens (ports 18781/18701/11699/45044), loads the contacts and handsets and times
# every main screen in Debian's Chromium
if $ui_screens; then
  if $build || [ ! -f "$dist" ]; then (cd "$repo" && mvn -B -q -o install -DskipTests); fi
  sresults="$bench/RESULTS-ui-screens.md"
  [ -n "$records" ] && sresults="$work/RESULTS-ui-screens-$records.md"
  mkdir -p "$work"
  (cd "$repo" && mvn -B -o -q verify -pl distribution/itests -Dtest=UiScreensBenchmark -Dcrm.itest.realClockOnly=true \
    -Dcrm.bench.contacts="${records:-1000000}" -Dcrm.bench.handsets="${records:-1000000}" -Dcrm.bench.results="$sresults")
  cat "$sresults"
  exit 0
fi
if $postgresql || [ "$nodes" != 1 ]; then
  if $channel || $audit; then echo "--postgresql and --nodes go with --membership, --handsets or the import" >&2; exit 2; fi
  if [ "$nodes" != 1 ] && ! $membership && ! $handsets; then echo "--nodes goes with --membership or --handsets" >&2; exit 2; fi
  if [ "$nodes" != 1 ] && [ "$nodes" != 2 ]; then echo "--nodes: 1 or 2" >&2; exit 2; fi
  if [ "$nodes" = 2 ] && ! $postgresql; then echo "--nodes 2 needs --postgresql (embedded Derby cannot be shared by two nodes)" >&2; exit 2; fi
  if $measure_only; then echo "--measure-only works on Derby data only" >&2; exit 2; fi
fi
# PostgreSQL runs write to target/: the final figures go into RESULTS-*.md as a section of their own, by hand
pgsuffix=""
pgargs=()
if $postgresql; then
  [ "$nodes" = 2 ] && pgsuffix="-pg-2nodes" || pgsuffix="-pg-1node"
  [[ " ${args[*]-} " == *" --quick "* ]] && pgsuffix="$pgsuffix-quick"
  pgargs=(--postgresql --nodes "$nodes")
fi
if ! $channel && ! $audit; then
  # PgCluster.java is shared by the membership, handset and import benchmarks: the JDK 17 source launcher compiles one file, so it goes on the class
  # path, compiled against the test-support jar (PostgresCluster, the integration tests' cluster too), which goes there as well
  if $build || [ ! -f "$dist" ]; then
    echo "building the distribution (mvn -B -q -o install -DskipTests)"
    (cd "$repo" && mvn -B -q -o install -DskipTests)
    build=false
  fi
  if [ ! -f "$testsupport" ]; then
    echo "building the test support jar (mvn -B -q -o install -DskipTests -pl distribution/test-support)"
    (cd "$repo" && mvn -B -q -o install -DskipTests -pl distribution/test-support)
  fi
  mkdir -p "$work/bench-classes"
  javac -cp "$testsupport" -d "$work/bench-classes" "$bench/PgCluster.java"
  benchcp="$work/bench-classes:$testsupport"
fi
# --membership [--quick] [--members N] [--duration-s S] [--lever auto|always|never] [--till C:B,...]: earn/redeem throughput with 64 clients and the
# balance check (MembershipBenchmark.java unpacks and runs its own Karaf in target/opencrm-membership, ports 18681/18601/11599/44944)
if $membership; then
  mport=$((18681 + port_offset))
  for p in $mport $( [ "$nodes" = 2 ] && echo $((mport + 10)) ); do
    if curl -s -o /dev/null --max-time 1 "http://localhost:$p/"; then echo "port $p is already in use; stop it first" >&2; exit 1; fi
  done
  mresults="$bench/RESULTS-membership.md"
  if [[ " ${args[*]-} " == *" --quick "* ]]; then margs+=(--quick); mresults="$work/RESULTS-membership-quick.md"; fi
  $postgresql && mresults="$work/RESULTS-membership$pgsuffix.md"
  exec java -Xmx1g -cp "$benchcp" "$bench/MembershipBenchmark.java" --dist "$dist" --home "$work/opencrm-membership" --results "$mresults" \
    --pid-file "$work/karaf-membership.pid" --java-max-mem "${JAVA_MAX_MEM:-2g}" --port-offset "$port_offset" \
    ${pgargs[@]+"${pgargs[@]}"} ${margs[@]+"${margs[@]}"}
fi
# ports: the contact benchmark uses 18181/18101/11099/44445, the handset benchmark 18581/18501/11499/44844, each its own Karaf
ssh_port=18101
rmi_registry=11099
rmi_server=44445
if $handsets; then
  home="$work/opencrm-handsets"
  [ "$port" = 18181 ] && port=$((18581 + port_offset))
  ssh_port=$((18501 + port_offset))
  rmi_registry=$((11499 + port_offset))
  rmi_server=$((44844 + port_offset))
  results="${hresults:-$bench/RESULTS-handsets.md}"
  $measure_only && ! $explicit_results && results="$work/RESULTS-handsets-measure-only.md"
  if $postgresql && ! $explicit_results; then
    case "$results" in
      "$bench/RESULTS-handsets.md"|"$work/RESULTS-handsets-quick.md") results="$work/RESULTS-handsets$pgsuffix.md" ;;
      *) results="${results%.md}$pgsuffix.md" ;;
    esac
  fi
fi

# --channel: its own Karaf in target/opencrm-channel, ports 18781/18701/11799/45044
if $channel; then
  home="$work/opencrm-channel"
  [ "$port" = 18181 ] && port=18781
  ssh_port=18701
  rmi_registry=11799
  rmi_server=45044
  results="${cresults:-$bench/RESULTS-channel-distribution.md}"
fi

# --audit: its own Karaf in target/opencrm-audit, ports 18881/18801/11899/45144
if $audit; then
  home="$work/opencrm-audit"
  [ "$port" = 18181 ] && port=18881
  ssh_port=18801
  rmi_registry=11899
  rmi_server=45144
  if ! $explicit_results; then
    results="${aresults:-$bench/RESULTS-audit-distribution.md}"
    $measure_only && [ -z "$aresults" ] && results="$work/RESULTS-audit-measure-only.md"
  fi
fi

if $build || [ ! -f "$dist" ]; then
  echo "building the distribution (mvn -B -q -o install -DskipTests)"
  (cd "$repo" && mvn -B -q -o install -DskipTests)
fi

for p in $port $( $handsets && [ "$nodes" = 2 ] && echo $((port + 10)) ); do
  if curl -s -o /dev/null --max-time 1 "http://localhost:$p/"; then
    echo "port $p is already in use (an earlier benchmark still running?); stop it first" >&2
    exit 1
  fi
done

pidfile="$work/karaf.pid"
$handsets && pidfile="$work/karaf-handsets.pid"
$channel && pidfile="$work/karaf-channel.pid"
$audit && pidfile="$work/karaf-audit.pid"
cleanup() {
  if [ -f "$pidfile" ]; then
    # one line per running node (two with --nodes 2)
    for pid in $(cat "$pidfile"); do
      if kill -0 "$pid" 2>/dev/null; then
        echo "stopping Karaf (pid $pid)"
        "$home/bin/stop" >/dev/null 2>&1 || true
        [ -d "$home-node2" ] && { "$home-node2/bin/stop" >/dev/null 2>&1 || true; }
        sleep 5
        kill -TERM -- "-$pid" 2>/dev/null || true
        sleep 2
        kill -KILL -- "-$pid" 2>/dev/null || true
      fi
    done
    rm -f "$pidfile"
  fi
}
trap cleanup EXIT INT TERM

if $diagnose_only; then
  [ -d "$home/data/crmdb" ] || { echo "--diagnose-only/--search-only/--measure-only need the data of an earlier run in $home" >&2; exit 1; }
  password="$(sed -n 's/^crm.admin.password=//p' "$home/etc/system.properties" | tail -1)"
else
  # fresh unpack, empty data dir
  rm -rf "$home"
  mkdir -p "$home"
  tar xzf "$dist" -C "$home" --strip-components=1
  etc="$home/etc"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $port/" "$etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh_port/" "$etc/org.apache.karaf.shell.cfg"
  if [ -f "$etc/org.apache.karaf.management.cfg" ]; then
    sed -i -e "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmi_registry/" -e "s/^rmiServerPort *=.*/rmiServerPort = $rmi_server/" \
      "$etc/org.apache.karaf.management.cfg"
  else
    printf 'rmiRegistryPort = %s\nrmiServerPort = %s\n' "$rmi_registry" "$rmi_server" > "$etc/org.apache.karaf.management.cfg"
  fi
  printf '\ncrm.admin.password=%s\n' "$password" >> "$etc/system.properties"
  grep -q "port = $port" "$etc/org.ops4j.pax.web.cfg" || { echo "could not set the HTTP port in org.ops4j.pax.web.cfg" >&2; exit 1; }
fi

export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Djdk.util.zip.disableZip64ExtraFieldValidation=true"
export JAVA_MAX_MEM="${JAVA_MAX_MEM:-2g}"
if $channel || $audit; then
  # KarafNode.java (start, stop, bin/client) is shared by these two benchmarks: compiled onto the class path (see PgCluster.java)
  mkdir -p "$work/bench-classes"
  javac -d "$work/bench-classes" "$bench/KarafNode.java"
fi
if $channel; then
  java -Xmx512m -cp "$work/bench-classes" "$bench/ChannelBenchmark.java" --home "$home" --port "$port" --ssh-port "$ssh_port" --password "$password" --pid-file "$pidfile" \
    --java-max-mem "$JAVA_MAX_MEM" --results "$results" ${cargs[@]+"${cargs[@]}"}
  exit $?
fi
if $audit; then
  java -Xmx512m -cp "$work/bench-classes" "$bench/AuditBenchmark.java" --home "$home" --port "$port" --ssh-port "$ssh_port" --password "$password" --pid-file "$pidfile" \
    --java-max-mem "$JAVA_MAX_MEM" --results "$results" ${aargs[@]+"${aargs[@]}"}
  exit $?
fi
if $handsets; then
  java -Xmx1g -cp "$benchcp" "$bench/HandsetBenchmark.java" --home "$home" --port "$port" --ssh-port "$ssh_port" --password "$password" \
    --pid-file "$pidfile" --java-max-mem "$JAVA_MAX_MEM" --results "$results" ${pgargs[@]+"${pgargs[@]}"} ${hargs[@]+"${hargs[@]}"}
  exit $?
fi
# the Derby driver of the distribution, for the direct bulk load that replaces a REST import over its time budget
derbyjar="$(find "$home/system/org/apache/derby" -name 'derby-*.jar' | head -1)"
importcp="$benchcp:$derbyjar"
if $postgresql; then
  # on PostgreSQL: PgCluster (compiled above) and the distribution's JDBC driver, for the ceiling's direct inserts
  pgjar="$(find "$home/system/org/postgresql" -name 'postgresql-*.jar' | head -1)"
  importcp="$importcp:$pgjar"
  args+=(--postgresql)
  $explicit_results || results="${results%.md}-pg.md"
  [ "$results" = "$bench/RESULTS-pg.md" ] && results="$work/RESULTS-pg.md"
fi
java -Xmx1g ${importcp:+-cp "$importcp"} "$bench/Benchmark.java" --home "$home" --port "$port" --password "$password" --pid-file "$pidfile" \
  --java-max-mem "$JAVA_MAX_MEM" --results "$results" ${args[@]+"${args[@]}"}
