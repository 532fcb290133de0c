#!/bin/sh
# Starts a throw-away Virtuoso, bulk-loads one N-Triples file into a named graph, runs a command
# against its SPARQL endpoint, and stops it again — on success, failure or interruption alike.
#
# Usage: tools/virtuoso.sh FILE.nt GRAPH_IRI [COMMAND [ARGS...]]
#
# The command sees VIRTUOSO_SPARQL (the endpoint URL), VIRTUOSO_GRAPH and VIRTUOSO_DIR (the
# database directory, for measuring the store) and its exit status becomes the script's. Without
# a command the store is loaded, counted and stopped. One line on stderr reports the triples,
# the load time (ld_dir + rdf_loader_run + checkpoint) and the store size.
#
# Safety: the server lives in a fresh temporary directory with its own ini (never the Debian
# service or /var/lib/virtuoso-opensource-7). Its SQL and HTTP ports are free ports on
# 127.0.0.1 only. The database is created with a random dba password (+pwddba before the first
# start), so the default dba/dba never accepts a connection; the SPARQL endpoint is Virtuoso's
# anonymous read-only one. VIRTUOSO_BUFFERS sets NumberOfBuffers (8 KB pages; default 20000).
set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 FILE.nt GRAPH_IRI [COMMAND [ARGS...]]" >&2
  exit 1
fi
nt=$1
graph=$2
shift 2
[ -r "$nt" ] || { echo "$0: cannot read $nt" >&2; exit 3; }
for tool in virtuoso-t isql-vt python3; do
  command -v $tool >/dev/null || { echo "$0: $tool not found (tools/setup.sh installs it)" >&2; exit 3; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/diplograph-virtuoso.XXXXXX")
pid=""
stop() {
  status=$?
  trap - EXIT INT TERM
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    sql "shutdown;" >/dev/null 2>&1 || true
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null && sleep 2
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null || true
  fi
  if [ $status -ne 0 ] && [ -f "$dir/server.log" ]; then
    echo "$0: failed; the end of Virtuoso's log:" >&2
    tail -n 15 "$dir/server.log" >&2
  fi
  [ -n "${VIRTUOSO_KEEP:-}" ] || rm -rf "$dir"
  exit $status
}
trap stop EXIT
trap 'exit 130' INT TERM

# Two ports free on loopback now (a race with other programs is possible but unlikely).
ports=$(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
sql_port=${ports% *}
http_port=${ports#* }
# A leading letter (Virtuoso reads a digits-only password as a number) and 15 characters in
# all: +pwddba silently spoils longer ones (33 did not log in; 16 did).
password=p$(od -An -N7 -tx1 /dev/urandom | tr -d ' \n')
umask 077

sql() {
  out=$(isql-vt "127.0.0.1:$sql_port" dba "$password" VERBOSE=OFF BANNER=OFF PROMPT=OFF ERRORS=STDOUT \
        "EXEC=$1" </dev/null 2>&1) || { echo "$out" >&2; return 1; }
  case $out in *"*** Error"*) echo "$out" >&2; return 1 ;; esac
  printf '%s\n' "$out"
}

mkdir "$dir/load" "$dir/www"
# A hard link where it can (a large export need not be copied); Virtuoso only reads it.
ln "$nt" "$dir/load/graph.nt" 2>/dev/null || cp "$nt" "$dir/load/graph.nt"
cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
MaxClientConnections = 4
CheckpointInterval = 0
CaseMode = 2
AllowOSCalls = 0
DirsAllowed = $dir/load
NumberOfBuffers = ${VIRTUOSO_BUFFERS:-20000}
MaxDirtyBuffers = $(( ${VIRTUOSO_BUFFERS:-20000} * 3 / 4 ))
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $dir/www
MaxClientConnections = 4
ServerThreads = 4
EnabledDavVSP = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
EOF

# Create the database with the new dba (and dav) password and exit, before any port opens.
# In the foreground Virtuoso logs to stdout: server.log.
( cd "$dir" && virtuoso-t +foreground +configfile "$dir/virtuoso.ini" +pwdold dba +pwddba "$password" \
    +pwddav "$password" +checkpoint-only >"$dir/server.log" 2>&1 )
( cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >>"$dir/server.log" 2>&1 ) &
pid=$!
i=0
until grep -q "^[0-9:]* Server online at" "$dir/server.log"; do
  kill -0 "$pid" 2>/dev/null || { echo "$0: Virtuoso did not start" >&2; exit 3; }
  i=$((i + 1))
  [ $i -lt 600 ] || { echo "$0: Virtuoso was not online within 60 s" >&2; exit 3; }
  sleep 0.1
done

now() { date +%s.%N; }
t0=$(now)
sql "ld_dir('$dir/load', 'graph.nt', '$graph'); rdf_loader_run(); checkpoint;" >/dev/null
t1=$(now)
errors=$(sql "select ll_file, ll_error from DB.DBA.LOAD_LIST where ll_error is not null;")
if [ -n "$(printf '%s' "$errors" | tr -d ' \n')" ]; then
  echo "$0: the bulk load failed: $errors" >&2
  exit 2
fi
triples=$(sql "sparql select count(*) from <$graph> where { ?s ?p ?o };" | tr -d ' \n')
size=$(du -k "$dir/virtuoso.db" | cut -f1)
python3 -c "import sys; print(f'virtuoso: {int(sys.argv[1]):,} triples into <{sys.argv[2]}> in {float(sys.argv[4]) - float(sys.argv[3]):.2f} s (ld_dir + rdf_loader_run + checkpoint); store {int(sys.argv[5]) / 1024:.1f} MB', file=sys.stderr)" \
  "$triples" "$graph" "$t0" "$t1" "$size"

[ $# -gt 0 ] || exit 0
VIRTUOSO_SPARQL="http://127.0.0.1:$http_port/sparql" VIRTUOSO_GRAPH=$graph VIRTUOSO_DIR=$dir "$@"
