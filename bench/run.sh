#!/usr/bin/env bash
# One command: bash bench/run.sh [ROUNDS] [SECONDS]
# CASES="dryrun nojournal" measures only those cases, in that order, each round (default: every case); BENCH_OUT=DIR
# writes the results there instead of bench/results.
# BASELINE_REF=<git ref> also measures the emulator built from that commit (case dryrun; case baseline-v3: the same with
# signature V3) in the same rounds, so a change can be held to the version before it: e.g. BASELINE_REF=HEAD~1 bash
# bench/run.sh 2 10, or CASES="v3 baseline-v3" for a change to signature V3's path.
# Measures, on loopback only, one server after another, round after round: the emulator (its cases),
# WireMock standalone serving the spec's documented success example, Prism mocking the spec with request
# validation, and nginx returning the documented body. Writes bench/results/{raw.csv,summary.csv,summary.md,chart.png}.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${1:-3}"
DURATION="${2:-10}"
WARMUP="${WARMUP:-5}"
THREADS=2
# How the README runs the emulator: the class-data-sharing archive the build writes, a small serial-GC heap.
EMULATOR_JAVA_OPTS="${EMULATOR_JAVA_OPTS:--XX:SharedArchiveFile=$ROOT/server/target/dts-emulator.jsa -XX:+UseSerialGC -Xms32m -Xmx256m -XX:TrimNativeHeapInterval=1000}"
# One AccessKey sends every request of a case (a few million in 25 s): lift the per-key rate and the per-key nonce
# memory (2,000,000 by default; a live nonce is never forgotten, so beyond it requests are throttled) so that the
# run measures work, not the protection. 6,000,000 nonces take a 64 MB table, hence the 256 MB heap above.
export DTS_AUTH_RATE_PER_SECOND=100000000 DTS_AUTH_BURST=100000000 DTS_AUTH_MAX_NONCES_PER_KEY=6000000
OUT="${BENCH_OUT:-$ROOT/bench/results}"
mkdir -p "$OUT" && OUT="$(cd "$OUT" && pwd)" # absolute: steps below run from other directories
TMP="$OUT/tmp"
JAR="$ROOT/server/target/dts-emulator.jar"
PORT=18090
mkdir -p "$OUT" "$TMP"

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# --- what the machine needs ---------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
command -v curl >/dev/null || missing+=(curl)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ ! -x "$TMP/prism/node_modules/.bin/prism" ]; then
  log "installing @stoplight/prism-cli from npm"
  mkdir -p "$TMP/prism" && (cd "$TMP/prism" && npm install --silent --no-audit --no-fund @stoplight/prism-cli@5.16.0 >/dev/null)
fi
log "building the emulator"
(cd "$ROOT" && mvn -B -q -DskipTests package >/dev/null)
BASELINE_REF="${BASELINE_REF:-}"
# What each round measures, in this order (all by default); e.g. CASES="dryrun nojournal" for the journal's cost alone.
CASES="${CASES:-dryrun nojournal dryrun-durable baseline v3 baseline-v3 read wiremock modify modify-durable prism xml nginx extension}"
for c in $CASES; do
  case "$c" in dryrun|nojournal|dryrun-durable|baseline|v3|baseline-v3|read|wiremock|modify|modify-durable|prism|xml|nginx|extension) ;;
    *) log "unknown case $c (the cases: dryrun nojournal dryrun-durable baseline v3 baseline-v3 read wiremock modify modify-durable prism xml nginx extension)"; exit 2 ;;
  esac
done
BASE_DIR="$TMP/baseline"
if [ -n "$BASELINE_REF" ]; then
  log "building the baseline emulator of $BASELINE_REF"
  rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR"
  git -C "$ROOT" archive "$BASELINE_REF" | tar -x -C "$BASE_DIR"
  (cd "$BASE_DIR" && mvn -B -q -DskipTests package >/dev/null)
fi
WIREMOCK_JAR="$TMP/wiremock-standalone-3.13.2.jar"
[ -f "$WIREMOCK_JAR" ] || (cd "$TMP" && mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$TMP" >/dev/null)

# --- fixtures, all from the spec ----------------------------------------------------------------------
FX="$TMP/fixtures"
java -cp "$JAR" "$ROOT/bench/lib/SpecFixtures.java" "$FX"
SAMPLE="$(cat "$FX/sample.query")"
DESCRIBE="$(cat "$FX/describe.query")"
sign() { # sign COUNT QUERY > file: pre-signed paths, one fresh nonce each
  java -cp "$JAR" dev.dtscontract.server.tools.SignRequest --count "$1" --base / "$2"
}
# A static signed sample for the peers (they do not verify signatures; Prism checks the parameters are there).
STATIC="$(sign 1 "$SAMPLE")"
for _ in $(seq $THREADS); do echo "$STATIC"; done > "$TMP/static.txt"
sed "s#@PORT@#$PORT#; s#@TMP@#$TMP#g; s#@BODY@#$(cat "$FX/success.json")#" "$ROOT/bench/lib/nginx.conf.in" > "$TMP/nginx.conf"
mkdir -p "$TMP/nginx-tmp"

declare -A CASE_QUERY=(
  [dryrun]="$SAMPLE"
  [nojournal]="$SAMPLE"
  [dryrun-durable]="$SAMPLE"
  [xml]="$SAMPLE&Format=XML"
  [read]="$DESCRIBE"
)
MODIFY_A="Action=ModifyDtsJobEndpoint&DtsJobId=m4312mab158%2A%2A%2A%2A&Endpoint=src&EndpointInstanceType=rds&EndpointInstanceId=rm-bp10k50h8374w%2A%2A%2A%2A"
MODIFY_B="Action=ModifyDtsJobEndpoint&DtsJobId=m4312mab158%2A%2A%2A%2A&Endpoint=src&EndpointInstanceType=rds&EndpointInstanceId=rm-bp1alt0mysql0002"

lines_for() { # lines_for CASE COUNT FILE: signed request paths for an emulator case
  if [ "$1" = v3 ]; then # the same sample signed with signature V3: headers after the path, tab-separated
    java -cp "$JAR" dev.dtscontract.server.tools.SignRequest --signature v3 --host "127.0.0.1:$PORT" --count "$2" "$SAMPLE" > "$3"
  elif [ "$1" = modify ] || [ "$1" = modify-durable ]; then # every request changes the job: alternate between two endpoints
    sign $(( $2 / 2 + 1 )) "$MODIFY_A" > "$TMP/a.txt"; sign $(( $2 / 2 + 1 )) "$MODIFY_B" > "$TMP/b.txt"
    paste -d'\n' "$TMP/a.txt" "$TMP/b.txt" > "$3"
  else
    sign "$2" "${CASE_QUERY[$1]}" > "$3"
  fi
}

tree_rss_mb() { # resident memory of a process and its children
  local total=0 p
  for p in $1 $(pgrep -P "$1" || true); do total=$(( total + $(ps -o rss= -p "$p" 2>/dev/null || echo 0) )); done
  echo $(( total / 1024 ))
}

rps_of() { # rps_of WRK_JSON: requests per second of one wrk run
  node -e "const j=JSON.parse(process.argv[1]);console.log(Math.round(j.requests*1e6/j.duration_us))" "$1"
}

wrk_json() { # wrk_json CONNECTIONS SECONDS FILE
  rm -f "$TMP/wrk.ready" # cycle.lua's barrier: every wrk thread has loaded its lines (see there)
  wrk -t$THREADS -c"$1" -d"$2"s --timeout 5s -s "$ROOT/bench/lib/cycle.lua" "http://127.0.0.1:$PORT" -- "$3" $THREADS "$TMP/wrk.ready" | tail -n 1
}

start_server() { # start_server NAME CASE: starts it, echoes "PID STARTUP_MS"
  local t0 poll
  case "$1" in emulator|baseline) sign 3000 "$SAMPLE" > "$TMP/poll.txt" ;; esac # signed before the clock starts
  sync # the GBs of signed lines the previous case wrote are flushed before, not during, the next start
  t0=$(date +%s%N)
  case "$1" in
    # Case nojournal: the dryrun case with the request journal off, to hold the journal's cost to the same run.
    # Cases *-durable: the same with a data directory (DTS_DATA_DIR, a fresh one each start): every request's nonce
    # (and, for modify, its change) is forced to disk before its answer, concurrent requests sharing one flush.
    emulator) rm -rf "$TMP/data"; DTS_DATA_DIR=$([[ "$2" == *-durable ]] && echo "$TMP/data" || true) \
      DTS_JOURNAL_SIZE=$([ "$2" = nojournal ] && echo 0 || echo 1000) DTS_PORT=$PORT java $EMULATOR_JAVA_OPTS -jar "$JAR" > "$TMP/emulator.log" 2>&1 & ;;
    baseline) DTS_PORT=$PORT java ${EMULATOR_JAVA_OPTS//$ROOT\/server/$BASE_DIR\/server} -jar "$BASE_DIR/server/target/dts-emulator.jar" > "$TMP/baseline.log" 2>&1 & ;;
    wiremock) java -jar "$WIREMOCK_JAR" --port $PORT --bind-address 127.0.0.1 --root-dir "$FX/wiremock" --disable-banner --no-request-journal > "$TMP/wiremock.log" 2>&1 & ;;
    prism) "$TMP/prism/node_modules/.bin/prism" mock -h 127.0.0.1 -p $PORT "$FX/spec.yaml" > "$TMP/prism.log" 2>&1 & ;;
    nginx) nginx -c "$TMP/nginx.conf" -g 'daemon off;' > "$TMP/nginx.log" 2>&1 & ;;
  esac
  local pid=$!
  local n=0
  while :; do
    n=$((n + 1))
    case "$1" in emulator|baseline) poll="$(sed -n "${n}p" "$TMP/poll.txt")" ;; *) poll="$STATIC" ;; esac
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$poll" || true)" = 200 ] && break
    kill -0 $pid 2>/dev/null || { log "$1 died: see $TMP/$1.log"; exit 1; }
    [ $n -ge 2900 ] && { log "$1 gave no answer"; exit 1; }
    sleep 0.01
  done
  echo "$pid $(( ($(date +%s%N) - t0) / 1000000 ))"
}

stop_server() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; sleep 0.5; }

RAW="$OUT/raw.csv"
echo "round,server,case,connections,rps,p50_ms,p99_ms,non2xx,socket_errors,startup_ms,rss_mb" > "$RAW"

measure() { # measure ROUND SERVER CASE
  local round=$1 server=$2 kase=$3 started pid startup warm rps best= est file json rows=() c
  started=$(start_server "$server" "$kase"); pid=${started% *}; startup=${started#* }
  if [ "$server" = emulator ] || [ "$server" = baseline ]; then
    lines_for "$kase" $(( WARMUP * 100000 )) "$TMP/warm.txt"; warm="$TMP/warm.txt"
  else
    warm="$TMP/static.txt"
  fi
  json=$(wrk_json 64 "$WARMUP" "$warm")
  rps=$(rps_of "$json")
  for c in 16 64; do
    file="$TMP/static.txt"
    if [ "$server" = emulator ] || [ "$server" = baseline ]; then
      # Enough fresh lines that no nonce repeats: three times the best rate seen so far (the warm-up runs
      # below the steady rate while the JIT is still compiling), at least 40k/s.
      [ -n "${best:-}" ] && [ "$best" -gt "$rps" ] && rps=$best
      est=$(( (rps > 40000 ? rps : 40000) * DURATION * 3 ))
      file="$TMP/run.txt"; lines_for "$kase" "$est" "$file"
    fi
    json=$(wrk_json $c "$DURATION" "$file")
    best=$(rps_of "$json")
    rows+=("$(node -e "
      const j=JSON.parse(process.argv[1]);
      const e=j.connect_errors+j.read_errors+j.write_errors+j.timeouts;
      console.log([process.argv[2],process.argv[3],process.argv[4],process.argv[5],(j.requests*1e6/j.duration_us).toFixed(0),
        (j.p50_us/1000).toFixed(2),(j.p99_us/1000).toFixed(2),j.non2xx,e].join(','))" "$json" "$round" "$server" "$kase" "$c")")
  done
  local rss; rss=$(tree_rss_mb "$pid")
  stop_server "$pid"
  for r in "${rows[@]}"; do echo "$r,$startup,$rss" >> "$RAW"; log "$r startup=${startup}ms rss=${rss}MB"; done
}

for round in $(seq "$ROUNDS"); do
  # Even rounds run the cases in reverse, so that no case of a pair always runs first (after the previous case's
  # signed lines were written, with the page cache as that left it).
  order="$CASES"; [ $(( round % 2 )) -eq 0 ] && order="$(echo $CASES | tr ' ' '\n' | tac | tr '\n' ' ')"
  for c in $order; do
    case "$c" in
      dryrun|nojournal|dryrun-durable|v3|read|modify|modify-durable|xml) measure "$round" emulator "$c" ;;
      baseline) [ -n "$BASELINE_REF" ] && measure "$round" baseline dryrun ;;
      baseline-v3) [ -n "$BASELINE_REF" ] && measure "$round" baseline v3 ;;
      wiremock|prism|nginx) measure "$round" "$c" fixed ;;
      extension) ;; # after the rounds, below
    esac
  done
done

# The JUnit extension as a consumer's test uses it (emulator-junit): first start in a fresh JVM, and resets.
EXT="$OUT/extension.csv"
rm -f "$EXT"
if [[ " $CASES " == *" extension "* ]]; then
  log "timing the JUnit extension (first start, resets)"
  # In process: the test class path with the server artifact (the in-process mode needs it); as its own process: a
  # consumer's without it (bench/lib/process-consumer, emulator-junit alone), as the plain-java sample has it.
  version=$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1) # the project's own version
  (cd "$ROOT" && mvn -B -q -DskipTests -Drelease.skip=true install -pl emulator-junit,bom -am >/dev/null \
    && mvn -B -q dependency:build-classpath -pl emulator-junit -Dmdep.outputFile="$TMP/ext.cp" >/dev/null \
    && mvn -B -q -f bench/lib/process-consumer/pom.xml -Ddts.version="$version" dependency:build-classpath \
         -Dmdep.outputFile="$TMP/ext-process.cp" >/dev/null)
  echo "round,start_ms,first_request_ms,reset_median_ms,reset_max_ms,jvm" > "$EXT"
  javac -d "$TMP/ext-classes" -cp "$ROOT/emulator-junit/target/classes:$(cat "$TMP/ext.cp")" "$ROOT/bench/lib/ExtensionTimings.java"
  # The out-of-process mode records its class-data-sharing archive on a machine's first start (as a developer's or CI
  # machine's first test run does): that start is a warm-up here, not timed.
  (cd "$TMP" && java -cp "$TMP/ext-classes:$(cat "$TMP/ext-process.cp")" ExtensionTimings 1 process "$JAR" >/dev/null 2>&1)
  for round in $(seq "$ROUNDS"); do
    # A test JVM as Surefire starts it, one with C1 only (-XX:TieredStopAtLevel=1, the README's tip for test JVMs), and
    # the emulator as its own process (outOfProcess: the standalone jar with its archive, the test JVM as Surefire starts it).
    for jvm in default c1 process; do
      opts=$([ "$jvm" = c1 ] && echo "-XX:TieredStopAtLevel=1" || true)
      mode=$([ "$jvm" = process ] && echo "process $JAR" || true)
      cp=$([ "$jvm" = process ] && cat "$TMP/ext-process.cp" || echo "$ROOT/emulator-junit/target/classes:$(cat "$TMP/ext.cp")")
      echo "$round,$(cd "$TMP" && java $opts -cp "$TMP/ext-classes:$cp" ExtensionTimings 50 $mode 2>/dev/null | tail -n 1),$jvm" >> "$EXT"
    done
  done
  log "extension: $(tail -n +2 "$EXT" | tr '\n' ' ')"
fi

node "$ROOT/bench/lib/summarize.js" "$RAW" "$OUT"
gnuplot -e "datafile='$OUT/chart.dat'; outfile='$OUT/chart.png'" "$ROOT/bench/lib/chart.gp"
rm -f "$TMP"/*.txt
if awk -F, 'NR>1 && ($8>0 || $9>0) {bad=1} END {exit !bad}' "$RAW"; then
  log "FAILED: some runs had non-2xx answers or socket errors (see $RAW)"; exit 1
fi
log "done: $OUT/summary.md"
