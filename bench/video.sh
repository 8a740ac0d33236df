#!/usr/bin/env bash
# Sapere's video benchmark, in two parts:
#   1. Delivery: a ~2 MB HLS segment (4 s of 1080p testsrc2 cut by ffmpeg's HLS muxer) served by the packaged app
#      through the signed media path (/media/v/<asset>/<token>/hls/1080p/seg_0000.ts: HMAC check, ranges, ETag,
#      Tomcat sendfile) and the identical file as a plain static file by the same app in the same run
#      (/js/bench-seg.ts, Spring's static resource handler; same security filter chain, both unauthenticated).
#      wrk at CONNECTIONS connections, ROUNDS rounds in ABBA order (static, signed, signed, static, ...) after a
#      warm-up; prints requests/s, transfer/s, p50/p99 latency, the app's CPU per request and errors (non-2xx,
#      socket errors, answers slower than wrk's 10 s timeout) for each, and the ratio signed/static (target >= 0.80).
#      With strace, it also checks that one signed GET is sent by a sendfile call.
#   2. Transcoding: TranscodeBenchmark (src/test/java/org/sapere/video/) makes a 60 s 720p30 testsrc2 + sine clip
#      and runs the app's own Transcoder (HLS ladder, MP4 fallback, poster, thumbnails) once per preset in PRESETS;
#      prints seconds of transcoding per minute of 720p source, ffmpeg's CPU seconds, the time of each step and the
#      output sizes (the clip is kept in target/bench; making it is not measured).
# Everything is printed and written to target/bench/video.txt; wrk's and the app's output are in bench/out/video/.
#
#   bench/video.sh                                   (needs wrk, ffmpeg, curl, openssl; builds the jar if missing)
#   PRESETS="ultrafast veryfast" bench/video.sh      compare x264 presets (sapere.video.preset; default veryfast)
#   DURATION=10 ROUNDS=1 SKIP_TRANSCODE=1 bench/video.sh      delivery only, shorter
#   SKIP_DELIVERY=1 PRESETS=ultrafast bench/video.sh          transcoding only
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PRESETS=${PRESETS:-veryfast}
PORT=${PORT:-18085}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
for tool in wrk ffmpeg ffprobe curl openssl; do
  command -v $tool >/dev/null || { echo "$tool is missing (apt-get install -y wrk ffmpeg curl openssl)"; exit 1; }
done

out=bench/out/video; mkdir -p "$out" target/bench
report=target/bench/video.txt
say() { echo "$@" | tee -a "$report"; }
: > "$report"
say "Sapere video benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "${SKIP_DELIVERY:-}" ]; then
  jar=${JAR:-$(ls target/sapere-*.jar 2>/dev/null | head -1 || true)}
  if [ -z "$jar" ]; then ./mvnw -B -q ${MAVEN_OFFLINE:+-o} package -DskipTests; jar=$(ls target/sapere-*.jar | head -1); fi
  work=$(mktemp -d /tmp/sapere-video-bench.XXXXXX)
  app=
  cleanup() {
    if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
    rm -rf "$work"
  }
  trap cleanup EXIT

  # A real HLS segment: ffmpeg's HLS muxer cuts 4 s segments of a constant-rate 1080p stream (3.8 Mbit/s, ~2 MB).
  mkdir -p "$work/hls"
  ffmpeg -hide_banner -nostdin -loglevel error -y -f lavfi -i testsrc2=size=1920x1080:rate=30 -t 4 \
    -c:v libx264 -preset veryfast -b:v 3800k -minrate 3800k -maxrate 3800k -bufsize 3800k -x264-params nal-hrd=cbr \
    -g 120 -sc_threshold 0 -pix_fmt yuv420p -f hls -hls_time 4 -hls_playlist_type vod \
    -hls_segment_filename "$work/hls/seg_%04d.ts" "$work/hls/index.m3u8"
  segment=$work/hls/seg_0000.ts
  bytes=$(stat -c %s "$segment")

  # The signed path: the object as LocalMediaStorage writes it (key video/<asset>/<file>, type in a .<name>.type
  # sidecar) under <data-dir>/media. The static path: the same bytes under an extra static location.
  asset=$(cat /proc/sys/kernel/random/uuid)
  key=bench-signing-key-$RANDOM$RANDOM
  media=$work/data/media/video/$asset/hls/1080p
  mkdir -p "$media" "$work/static/js"
  cp "$segment" "$media/seg_0000.ts"
  printf 'video/mp2t' > "$media/.seg_0000.ts.type"
  cp "$segment" "$work/static/js/bench-seg.ts"
  # MediaSigner's token: <expiry>-base64url(first 16 bytes of HMAC-SHA256(key, "video:<asset>:<expiry>")), expiry
  # rounded up to the hour as the app does.
  expires=$(( ($(date +%s) + 6 * 3600 + 3599) / 3600 * 3600 ))
  sig=$(printf 'video:%s:%s' "$asset" "$expires" | openssl dgst -sha256 -hmac "$key" -binary | head -c 16 \
    | base64 | tr '+/' '-_' | tr -d '=\n')
  base="http://127.0.0.1:$PORT"
  signed_path=/media/v/$asset/$expires-$sig/hls/1080p/seg_0000.ts
  static_path=/js/bench-seg.ts

  if curl -s -o /dev/null "$base/"; then echo "something already listens on port $PORT (set PORT=...)"; exit 1; fi
  "$JAVA" -Xmx512m -XX:+UseG1GC -jar "$jar" --server.address=127.0.0.1 --server.port="$PORT" \
    --sapere.data-dir="$work/data" --sapere.demo.enabled=false --sapere.video.signing-key="$key" \
    --spring.web.resources.static-locations="classpath:/static/,file:$work/static/" \
    --logging.level.root=WARN >"$out/app.log" 2>&1 &
  app=$!
  until curl -sf "$base/actuator/health" >/dev/null; do
    kill -0 "$app" 2>/dev/null || { echo "the app died; see $out/app.log"; exit 1; }
    sleep 0.5
  done

  for p in "$signed_path" "$static_path"; do
    curl -sf -o "$work/got" "$base$p" || { echo "GET $p failed"; exit 1; }
    cmp -s "$work/got" "$segment" || { echo "GET $p did not return the segment"; exit 1; }
  done
  bad=$(curl -s -o /dev/null -w '%{http_code}' "$base/media/v/$asset/$expires-${sig}x/hls/1080p/seg_0000.ts")
  [ "$bad" = 403 ] || { echo "an altered token got $bad, not 403"; exit 1; }

  # Whether the signed path really hands the file to the kernel (Tomcat's sendfile), when strace may attach.
  sendfile="not checked (no strace)"
  if command -v strace >/dev/null; then
    strace -f -c -e trace=sendfile,write,writev -o "$out/strace.txt" -p "$app" 2>/dev/null &
    tracer=$!
    sleep 2
    curl -s -o /dev/null "$base$signed_path"
    sleep 1
    kill -INT "$tracer" 2>/dev/null || true; wait "$tracer" 2>/dev/null || true
    calls=$(awk '$NF == "sendfile" {print $4}' "$out/strace.txt" 2>/dev/null || true)
    if [ -n "$calls" ]; then
      sendfile="yes: $calls sendfile call(s) for one GET (strace)"
    elif grep -q total "$out/strace.txt" 2>/dev/null; then
      sendfile="NO: no sendfile call for one GET (see $out/strace.txt)"
    else
      sendfile="not checked (strace could not attach)"
    fi
  fi

  say "Segment: $bytes bytes (4 s of 1920x1080 testsrc2 at 3.8 Mbit/s CBR, ffmpeg's HLS muxer, MPEG-TS)"
  say "  signed: $signed_path"
  say "  static: $static_path"
  say "  sendfile on the signed path: $sendfile"
  say ""
  say "Response headers of the signed path (what a CDN in front sees):"
  curl -s -D - -o /dev/null "$base$signed_path" | tr -d '\r' | sed '/^$/d; s/^/  /' | tee -a "$report"
  say "Response headers of the static path:"
  curl -s -D - -o /dev/null "$base$static_path" | tr -d '\r' | sed '/^$/d; s/^/  /' | tee -a "$report"

  hz=$(getconf CLK_TCK)
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; } # user + system time of the app, in 1/hz s
  to_ms() { # wrk's latency (123.45us, 12.3ms, 1.2s, 2m) in ms
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
      f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f", n * f }'
  }
  to_mib() { # wrk's transfer/s (1.2GB, 500.3MB, 12KB) in MiB/s
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
      f = (u == "GB") ? 1024 : (u == "MB") ? 1 : (u == "KB") ? 1 / 1024 : (u == "B") ? 1 / 1048576 : 1; printf "%.1f", n * f }'
  }
  measure() { # name path round -> "name rps mib p50 p99 cpu_ms_per_request errors round"
    local name=$1 path=$2 run=$3 file="$out/$1-$3.txt" c0 c1
    c0=$(cpu_ticks)
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$base$path" > "$file"
    c1=$(cpu_ticks)
    local rps transfer p50 p99 requests errors
    rps=$(awk '/^Requests\/sec/ {print $2}' "$file")
    transfer=$(awk '/^Transfer\/sec/ {print $2}' "$file")
    p50=$(awk '$1 == "50%" {print $2}' "$file")
    p99=$(awk '$1 == "99%" {print $2}' "$file")
    requests=$(awk '/requests in/ {print $1}' "$file")
    errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$file")
    printf '%s %s %s %s %s %s %s %s\n' "$name" "$rps" "$(to_mib "$transfer")" "$(to_ms "$p50")" "$(to_ms "$p99")" \
      "$(awk -v t=$((c1 - c0)) -v hz="$hz" -v n="$requests" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')" "$errors" "$run"
  }

  echo ">> warming up (${WARMUP} s each path)"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$base$static_path" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$base$signed_path" >/dev/null
  echo ">> measuring: $ROUNDS rounds, $CONNECTIONS connections, ${DURATION} s a run"
  : > "$out/runs.txt"
  for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then order="static signed"; else order="signed static"; fi
    for name in $order; do
      if [ "$name" = static ]; then path=$static_path; else path=$signed_path; fi
      measure "$name" "$path" "$round" | tee -a "$out/runs.txt"
    done
  done

  say ""
  say "wrk -t2 -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds (ABBA order), mean of the runs:"
  summary=$(awk '{ n[$1]++; rps[$1] += $2; mib[$1] += $3; p50[$1] += $4; p99[$1] += $5; cpu[$1] += $6; err[$1] += $7 }
    END { for (k in n) printf "%s %.1f %.1f %.2f %.2f %.2f %d\n", k, rps[k]/n[k], mib[k]/n[k], p50[k]/n[k], p99[k]/n[k], cpu[k]/n[k], err[k] }' \
    "$out/runs.txt")
  {
    printf '  %-8s %12s %12s %10s %10s %16s %7s\n' path requests/s MiB/s "p50 ms" "p99 ms" "app CPU ms/req" errors
    for name in static signed; do
      echo "$summary" | awk -v k="$name" '$1 == k {printf "  %-8s %12s %12s %10s %10s %16s %7s\n", $1, $2, $3, $4, $5, $6, $7}'
    done
    echo "  per run (path requests/s MiB/s p50 p99 CPU errors round):"
    sed 's/^/    /' "$out/runs.txt"
    awk '{rps[$8, $1] = $2; if ($8 > n) n = $8}
      END {printf "  signed/static per round:"; for (r = 1; r <= n; r++) printf " %.2f", rps[r, "signed"] / rps[r, "static"]; print ""}' \
      "$out/runs.txt"
    s=$(echo "$summary" | awk '$1 == "static" {print $2}')
    v=$(echo "$summary" | awk '$1 == "signed" {print $2}')
    awk -v s="$s" -v v="$v" 'BEGIN {r = v / s; printf "  signed/static requests/s: %.2f (target >= 0.80: %s)\n", r, r >= 0.8 ? "met" : "NOT met"}'
  } | tee -a "$report"

  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=
fi

if [ -z "${SKIP_TRANSCODE:-}" ]; then
  echo ">> transcoding a 60 s 720p clip with presets: $PRESETS (TranscodeBenchmark; a few minutes a preset)"
  ./mvnw -B -q ${MAVEN_OFFLINE:+-o} test -Dtest=TranscodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsapere.bench=true -Dsapere.bench.presets="$PRESETS" -Dsurefire.excludedGroups= \
    >target/bench-video.log 2>&1 || { tail -50 target/bench-video.log; exit 1; }
  say ""
  say "Transcoding (the app's Transcoder on 60 s of 1280x720 30 fps; $(nproc) cores):"
  sed 's/^/  /' target/bench/video-transcode.txt | tee -a "$report"
fi
echo "(written to $report)"
