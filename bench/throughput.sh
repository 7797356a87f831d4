# Throughput benchmark, sourced by ./etl (uses its helpers and bench/scaling.sh's): ./etl bench.
# In a fresh database and vhost: the fleet's full github_issues sync of N issues from the sample
# source (one extract and one transform worker process, the API), timed from the enqueue to the
# last transform job's end, first on workers just started, then (--syncs 2, the default) again
# into a second integration on the same, now warm, workers; then the SQL-only pipeline on the
# same documents: COPY of the raw JSON in two psql sessions and one INSERT .. SELECT .. ON
# CONFLICT into a table shaped like warehouse.github_issues. Prints the rates, their ratios to
# the SQL-only one, every process's CPU seconds during each sync, and per worker peak heap (the
# largest heap before a collection, from -Xlog:gc) and peak RSS (VmHWM).

bench_throughput() {
  local issues=24000 repos=4 port_base=18490 heap="" jfr="" syncs=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --issues) issues=$2; shift 2 ;;
      --repos) repos=$2; shift 2 ;;
      --port-base) port_base=$2; shift 2 ;;
      --xmx) heap=$2; shift 2 ;;
      --jfr) jfr=$2; shift 2 ;;
      --syncs) syncs=$2; shift 2 ;;
      -h|--help) usage; return 0 ;;
      *) die "unknown option $1 (see ./etl help)" ;;
    esac
  done
  command -v psql >/dev/null || die "psql is required for bench"
  local p
  for p in $(seq "$port_base" $((port_base + 3))); do
    if [ "$p" -ge 8080 ] && [ "$p" -le 8082 ]; then die "--port-base must keep clear of 8080-8082"; fi
    answers 127.0.0.1 "$p" && die "port $p is in use; choose another --port-base"
  done
  build_if_needed
  check_services
  mkdir -p "$RUN_DIR"

  local run="bench$(date +%s)"
  local base_url="${ETL_DB_URL:-jdbc:postgresql://127.0.0.1:5432/etl}"
  local uri="${ETL_RABBITMQ_URI:-amqp://guest:guest@127.0.0.1:5672}"
  local user; user="$(sed -E -n 's#amqps?://([^:@]+).*@.*#\1#p' <<<"$uri")"
  bench_psql "create database $run"
  bench_rabbit_api PUT "/vhosts/$run" >/dev/null
  bench_rabbit_api PUT "/permissions/$run/${user:-guest}" '{"configure":".*","write":".*","read":".*"}' >/dev/null
  trap 'stop_all; bench_rabbit_api DELETE "/vhosts/'"$run"'" >/dev/null 2>&1 || true; bench_psql "drop database if exists '"$run"' with (force)" >/dev/null 2>&1 || true' EXIT
  trap 'log "stopping..."; exit 130' INT TERM

  export ETL_DB_URL="${base_url%/*}/$run"
  export ETL_RABBITMQ_URI="${uri%/}/$run"
  export ETL_ADMIN_TOKEN="bench-admin-$run"
  export ETL_LOG_FORMAT="" ETL_DB_MIGRATE=true
  API_PORT=$((port_base + 1))

  # The sample source lists a pull request as every 5th item, as GitHub's issues endpoint does.
  local per_repo=$(( (issues + repos - 1) / repos ))
  local listing=$(( per_repo + per_repo / 4 ))
  local names="" i
  for i in $(seq 1 "$repos"); do names+="${names:+,}bench/repo-$(printf %02d "$i")"; done
  start_app sample-source "$port_base" "$RUN_DIR/bench-sample-source.log" \
    java -jar "$ROOT/sample-source/target/sample-source.jar" --port="$port_base" --github-repos="$names" \
      --github-issues-per-repo="$listing" --rate-limit=100000000 --threads=16
  local source_pid=${PIDS[-1]}
  start_app backend-api "$API_PORT" "$RUN_DIR/bench-backend-api.log" java -jar "$ROOT/backend-api/target/backend-api.jar"
  local api_pid=${PIDS[-1]}
  await_health backend-api "$API_PORT" 900
  [ -n "$jfr" ] && mkdir -p "$jfr"
  local jvm=(-Xlog:gc:file="$RUN_DIR/bench-extract-gc.log")
  [ -n "$heap" ] && jvm+=(-Xmx"$heap")
  [ -n "$jfr" ] && jvm+=(-XX:StartFlightRecording=filename="$jfr/extract-workers.jfr",settings=profile,dumponexit=true)
  ETL_EXTRACT_TYPES=github start_app extract-workers $((port_base + 2)) "$RUN_DIR/bench-extract.log" \
    java "${jvm[@]}" -jar "$ROOT/extract-workers/target/extract-workers.jar"
  local extract_pid=${PIDS[-1]}
  jvm=(-Xlog:gc:file="$RUN_DIR/bench-transform-gc.log")
  [ -n "$heap" ] && jvm+=(-Xmx"$heap")
  [ -n "$jfr" ] && jvm+=(-XX:StartFlightRecording=filename="$jfr/transform-workers.jfr",settings=profile,dumponexit=true)
  ETL_TRANSFORM_TYPES=github start_app transform-workers $((port_base + 3)) "$RUN_DIR/bench-transform.log" \
    java "${jvm[@]}" -jar "$ROOT/transform-workers/target/transform-workers.jar"
  local transform_pid=${PIDS[-1]}
  await_health extract-workers $((port_base + 2)) 900
  await_health transform-workers $((port_base + 3)) 900
  local cpu_pids=("extract-workers=$extract_pid" "transform-workers=$transform_pid" "sample-source=$source_pid"
    "backend-api=$api_pid")

  KEY="$ETL_ADMIN_TOKEN"
  KEY="$(api POST /tenants "{\"name\":\"$run\"}" | json_field api_key)"
  local repo_json; repo_json="$(sed -E 's/([^,]+)/"\1"/g' <<<"$names")"
  # The first sync runs on workers just started (their JIT compilers busy with it); a second, of
  # the same documents into a second integration, shows the fleet as it runs once warm.
  bench_fleet_sync "$run" bench "$repo_json" "$port_base" "$issues" "$repos" "${cpu_pids[@]}"
  local integration=$SYNC_INTEGRATION loaded=$SYNC_LOADED fleet_ms=$SYNC_MS phases=$SYNC_PHASES cpu=$SYNC_CPU
  local warm_loaded="" warm_ms="" warm_phases="" warm_cpu=""
  if [ "$syncs" -ge 2 ]; then
    bench_fleet_sync "$run" bench-warm "$repo_json" "$port_base" "$issues" "$repos" "${cpu_pids[@]}"
    warm_loaded=$SYNC_LOADED warm_ms=$SYNC_MS warm_phases=$SYNC_PHASES warm_cpu=$SYNC_CPU
  fi
  local rss_extract rss_transform
  rss_extract="$(peak_rss_mib "$extract_pid")"
  rss_transform="$(peak_rss_mib "$transform_pid")"

  log "SQL only: COPY of the same $loaded documents in two sessions, then INSERT .. SELECT .. ON CONFLICT..."
  local docs="$RUN_DIR/bench-docs"
  bench_psql "copy (select raw_data from etl.raw_extraction_data where integration_id = '$integration'
      and entity_type = 'github_issues') to stdout" "$run" >"$docs.all"
  local lines; lines="$(wc -l <"$docs.all")"
  split -n l/2 -d "$docs.all" "$docs."
  bench_psql "create schema bench; create table bench.raw (doc jsonb);
      create table bench.issues (like warehouse.github_issues including all)" "$run"
  local sql_started; sql_started=$(date +%s%N)
  bench_psql "copy bench.raw (doc) from stdin" "$run" <"$docs.00" &
  local copy1=$!
  bench_psql "copy bench.raw (doc) from stdin" "$run" <"$docs.01" &
  local copy2=$!
  wait "$copy1" "$copy2"
  local tenant; tenant="$(bench_psql "select tenant_id from etl.integrations where id = '$integration'" "$run")"
  bench_psql "insert into bench.issues as t (tenant_id, integration_id, repository, number, github_id, title, state, body,
        author_login, labels, assignees, comments, created_at, closed_at, source_updated_at, raw_id)
      select '$tenant', '$integration', regexp_replace(doc->>'repository_url', '^.*/repos/', ''), (doc->>'number')::integer,
             (doc->>'id')::bigint, doc->>'title', doc->>'state', doc->>'body', doc->'user'->>'login',
             array(select l->>'name' from jsonb_array_elements(doc->'labels') l),
             array(select a->>'login' from jsonb_array_elements(doc->'assignees') a),
             (doc->>'comments')::integer, (doc->>'created_at')::timestamptz, (doc->>'closed_at')::timestamptz,
             (doc->>'updated_at')::timestamptz, row_number() over ()
        from bench.raw
      on conflict (integration_id, repository, number) do update
         set title = excluded.title, state = excluded.state, body = excluded.body, labels = excluded.labels,
             source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id
       where t.source_updated_at < excluded.source_updated_at" "$run" >/dev/null
  local sql_ms=$(( ($(date +%s%N) - sql_started) / 1000000 ))
  local sql_rows; sql_rows="$(bench_psql "select count(*) from bench.issues" "$run")"
  rm -f "$docs".*

  local sql_rate fleet_rate warm_rate=""
  sql_rate="$(awk "BEGIN { printf \"%.0f\", $sql_rows * 1000 / $sql_ms }")"
  fleet_rate="$(awk "BEGIN { printf \"%.0f\", $loaded * 1000 / $fleet_ms }")"
  [ -n "$warm_ms" ] && warm_rate="$(awk "BEGIN { printf \"%.0f\", $warm_loaded * 1000 / $warm_ms }")"
  printf '\n  Full github_issues sync, %s repositories, %s issues (%s listed items with the pull requests)\n\n' \
    "$repos" "$loaded" $(( listing * repos ))
  printf '  %-38s %9s %9s %10s %7s\n' pipeline rows seconds rows/s ratio
  bench_row "fleet, first sync after start" "$loaded" "$fleet_ms" "$fleet_rate" "$sql_rate"
  [ -n "$warm_ms" ] && bench_row "fleet, second sync (workers warm)" "$warm_loaded" "$warm_ms" "$warm_rate" "$sql_rate"
  bench_row "SQL only (2 x COPY, INSERT SELECT)" "$sql_rows" "$sql_ms" "$sql_rate" "$sql_rate"
  printf '  (first sync: the extract job ended after %s)\n' "$phases"
  [ -n "$warm_ms" ] && printf '  (second sync: the extract job ended after %s)\n' "$warm_phases"
  printf '\n  %-20s %12s %12s %14s %13s\n' process "CPU s first" "CPU s second" "peak heap MiB" "peak RSS MiB"
  printf '  %-20s %12s %12s %14s %13s\n' extract-workers "$(cpu_of extract-workers <<<"$cpu")" \
    "$(cpu_of extract-workers <<<"$warm_cpu")" "$(peak_heap_mib "$RUN_DIR/bench-extract-gc.log")" "$rss_extract"
  printf '  %-20s %12s %12s %14s %13s\n' transform-workers "$(cpu_of transform-workers <<<"$cpu")" \
    "$(cpu_of transform-workers <<<"$warm_cpu")" "$(peak_heap_mib "$RUN_DIR/bench-transform-gc.log")" "$rss_transform"
  local other
  for other in sample-source backend-api postgresql rabbitmq; do
    printf '  %-20s %12s %12s\n' "$other" "$(cpu_of "$other" <<<"$cpu")" "$(cpu_of "$other" <<<"$warm_cpu")"
  done
  printf '  %-20s %12s %12s\n' "all processes" "$(cpu_of total <<<"$cpu")" "$(cpu_of total <<<"$warm_cpu")"
  printf '  %-20s %12s %12s\n' "cores x seconds" "$(awk "BEGIN { printf \"%.1f\", $(nproc) * $fleet_ms / 1000 }")" \
    "$( [ -n "$warm_ms" ] && awk "BEGIN { printf \"%.1f\", $(nproc) * $warm_ms / 1000 }")"
  printf '  (CPU seconds during each sync; %s documents exported for the SQL run; logs in %s)\n\n' "$lines" "$RUN_DIR"
}

bench_fleet_sync() { # run integration-name repo-json source-port issues repos name=pid...
  # Sets SYNC_INTEGRATION, SYNC_LOADED, SYNC_MS, SYNC_PHASES and SYNC_CPU.
  local run=$1 name=$2 repo_json=$3 port=$4 issues=$5 repos=$6; shift 6
  local integration
  integration="$(api POST /integrations "{\"type\":\"github\",\"name\":\"$name\",\"config\":{\"base_url\":\"http://127.0.0.1:$port\",\"repositories\":[$repo_json]},\"credentials\":{\"token\":\"sample-token\"}}" | json_field id)"
  log "fleet: full github_issues sync of $issues issues in $repos repositories ($name)..."
  local cpu_before; cpu_before="$(cpu_snapshot "$@")"
  local started; started=$(date +%s%N)
  api POST /extractions "{\"integration_id\":\"$integration\",\"entities\":[\"github_issues\"],\"mode\":\"full\"}" >/dev/null
  local active extract_done
  while true; do
    active="$(bench_psql "select count(*) from etl.etl_jobs where integration_id = '$integration'
        and status not in ('succeeded', 'failed', 'dead', 'cancelled')" "$run")"
    extract_done="$(bench_psql "select count(*) from etl.etl_jobs where integration_id = '$integration'
        and kind = 'extract' and status in ('succeeded', 'failed', 'dead', 'cancelled')" "$run")"
    [ "$active" = 0 ] && [ "$extract_done" -ge 1 ] && break
    sleep 0.2
  done
  SYNC_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  SYNC_CPU="$(cpu_spent "$cpu_before" "$(cpu_snapshot "$@")")"
  SYNC_INTEGRATION=$integration
  local failed; failed="$(bench_psql "select count(*) from etl.etl_jobs where integration_id = '$integration' and status <> 'succeeded'" "$run")"
  [ "$failed" = 0 ] || die "$failed job(s) of the fleet run did not succeed; see $RUN_DIR/bench-*.log"
  SYNC_LOADED="$(bench_psql "select count(*) from warehouse.github_issues where integration_id = '$integration'" "$run")"
  SYNC_PHASES="$(bench_psql "select round(extract(epoch from max(finished_at) filter (where kind = 'extract')
        - min(created_at))::numeric, 1) || ' s; last transform job ended after ' ||
        round(extract(epoch from max(finished_at) - min(created_at))::numeric, 1) || ' s; '
        || count(*) filter (where kind = 'transform') || ' transform jobs'
      from etl.etl_jobs where integration_id = '$integration'" "$run")"
}

bench_row() { # label rows ms rate sql-rate
  printf '  %-38s %9s %9s %10s %7s\n' "$1" "$2" "$(awk "BEGIN { printf \"%.1f\", $3 / 1000 }")" "$4" \
    "$(awk "BEGIN { printf \"%.2f\", $4 / ($5 > 0 ? $5 : 1) }")"
}

cpu_seconds() { # pid: user + system CPU seconds so far, with those of its reaped children
  awk -v tick="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13 + $14 + $15) / tick }' "/proc/$1/stat"
}

cpu_snapshot() { # name=pid...: "name seconds" per process, then PostgreSQL's and RabbitMQ's server processes
  local named
  for named in "$@"; do echo "${named%%=*} $(cpu_seconds "${named#*=}")"; done
  local stat comm
  for stat in /proc/[0-9]*/stat; do
    comm="$(cat "${stat%stat}comm" 2>/dev/null)" || continue
    case "$comm" in
      postgres) echo "postgresql $(cpu_seconds "$(basename "${stat%/stat}")" 2>/dev/null)" ;;
      beam.smp|erl_child_setup|epmd) echo "rabbitmq $(cpu_seconds "$(basename "${stat%/stat}")" 2>/dev/null)" ;;
    esac
  done
}

cpu_spent() { # before after: "name seconds" spent in between per name, and "total"
  awk 'NR == FNR { before[$1] += $2; next } { after[$1] += $2 }
       END { for (n in after) { d = after[n] - before[n]; if (d < 0) d = 0; printf "%s %.1f\n", n, d; t += d }
             printf "total %.1f\n", t }' <(echo "$1") <(echo "$2")
}

cpu_of() { # name: its seconds from cpu_spent's output on stdin
  awk -v n="$1" '$1 == n { print $2; found = 1 } END { if (!found) print "-" }'
}

peak_rss_mib() { # pid
  awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

peak_heap_mib() { # gc-log: the largest heap occupancy before a collection
  grep -oE '[0-9]+M->[0-9]+M' "$1" 2>/dev/null | cut -dM -f1 | sort -n | tail -n 1 | grep . || echo "-"
}
