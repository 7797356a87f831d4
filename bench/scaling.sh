# Scaling benchmark, sourced by ./etl (uses its helpers): ./etl bench-scaling --help.
# Runs the API and the sample GitHub source with a per-page latency, then for each worker count
# starts that many GitHub extract workers (processes, or consumers of one process), enqueues one
# full extraction per integration and measures records fetched per second from the first job's
# start to the last job's end. Everything runs in a fresh database and vhost, removed afterwards.

bench_psql() { # sql [database]
  local url="${ETL_DB_URL:-jdbc:postgresql://127.0.0.1:5432/etl}"
  local hostport; hostport="$(sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#' <<<"$url")"
  PGPASSWORD="${ETL_DB_PASSWORD:-etl}" psql -X -q -v ON_ERROR_STOP=1 \
    "postgresql://${ETL_DB_USER:-etl}@$hostport/${2:-etl}" -tAc "$1"
}

bench_rabbit_api() { # method path [body]
  local uri="${ETL_RABBITMQ_URI:-amqp://guest:guest@127.0.0.1:5672}"
  local creds; creds="$(sed -E -n 's#amqps?://([^@]+)@.*#\1#p' <<<"$uri")"
  local host; host="$(sed -E 's#amqps?://([^@]*@)?([^:/]+).*#\2#' <<<"$uri")"
  curl -fsS -u "${creds:-guest:guest}" -X "$1" -H 'content-type: application/json' \
    "${ETL_RABBITMQ_MANAGEMENT_URL:-http://$host:15672}/api$2" ${3:+--data "$3"}
}

bench_scaling() {
  local workers="1,2,4" mode=processes integrations=12 per_integration=2 issues=500 latency=50 port_base=18470
  while [ $# -gt 0 ]; do
    case "$1" in
      --workers) workers=$2; shift 2 ;;
      --mode) mode=$2; shift 2 ;;
      --integrations) integrations=$2; shift 2 ;;
      --repos-per-integration) per_integration=$2; shift 2 ;;
      --issues-per-repo) issues=$2; shift 2 ;;
      --latency-ms) latency=$2; shift 2 ;;
      --port-base) port_base=$2; shift 2 ;;
      -h|--help) usage; return 0 ;;
      *) die "unknown option $1 (see ./etl help)" ;;
    esac
  done
  case "$mode" in processes|concurrency) ;; *) die "--mode must be processes or concurrency" ;; esac
  command -v psql >/dev/null || die "psql is required for bench-scaling"
  local p
  for p in $(seq "$port_base" $((port_base + 6))); do
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

  local repos="" i
  for i in $(seq 1 $((integrations * per_integration))); do repos+="${repos:+,}bench/repo-$(printf %03d "$i")"; done
  start_app sample-source "$port_base" "$RUN_DIR/bench-sample-source.log" \
    java -jar "$ROOT/sample-source/target/sample-source.jar" --port="$port_base" --github-repos="$repos" \
      --github-issues-per-repo="$issues" --rate-limit=100000000 --latency-ms="$latency" --threads=64
  start_app backend-api "$API_PORT" "$RUN_DIR/bench-backend-api.log" java -jar "$ROOT/backend-api/target/backend-api.jar"
  await_health backend-api "$API_PORT" 900
  local source_url="http://127.0.0.1:$port_base"

  local results=() n
  IFS=',' read -r -a counts <<<"$workers"
  for n in "${counts[@]}"; do
    log "run with $n extract worker(s) ($mode)"
    local first=${#PIDS[@]} k
    if [ "$mode" = processes ]; then
      for k in $(seq 1 "$n"); do
        ETL_EXTRACT_TYPES=github ETL_EXTRACT_CONCURRENCY=github=1 start_app "extract-workers-$k" $((port_base + 1 + k)) \
          "$RUN_DIR/bench-extract-$n-$k.log" java -Xmx384m -jar "$ROOT/extract-workers/target/extract-workers.jar"
      done
      for k in $(seq 1 "$n"); do await_health "extract-workers-$k" $((port_base + 1 + k)) 900; done
    else
      ETL_EXTRACT_TYPES=github ETL_EXTRACT_CONCURRENCY="github=$n" start_app extract-workers $((port_base + 2)) \
        "$RUN_DIR/bench-extract-$n.log" java -jar "$ROOT/extract-workers/target/extract-workers.jar"
      await_health extract-workers $((port_base + 2)) 900
    fi

    KEY="$ETL_ADMIN_TOKEN"
    KEY="$(api POST /tenants "{\"name\":\"$run-$n\"}" | json_field api_key)"
    local ids=() j
    for j in $(seq 0 $((integrations - 1))); do
      local list="" r
      for r in $(seq 1 "$per_integration"); do
        list+="${list:+,}\"bench/repo-$(printf %03d $((j * per_integration + r)))\""
      done
      ids+=("$(api POST /integrations "{\"type\":\"github\",\"name\":\"bench-$j\",\"config\":{\"base_url\":\"$source_url\",\"repositories\":[$list]},\"credentials\":{\"token\":\"sample-token\"}}" | json_field id)")
    done
    for j in "${ids[@]}"; do
      api POST /extractions "{\"integration_id\":\"$j\",\"entities\":[\"github_issues\"],\"mode\":\"full\"}" >/dev/null
    done
    local tenant_sql="tenant_id = (select id from etl.tenants where name = '$run-$n') and kind = 'extract'"
    local done_jobs=0
    for _ in $(seq 1 3000); do
      done_jobs="$(bench_psql "select count(*) from etl.etl_jobs where $tenant_sql and status in ('succeeded','failed','dead')" "$run")"
      [ "$done_jobs" -ge "$integrations" ] && break
      sleep 0.2
    done
    [ "$done_jobs" -ge "$integrations" ] || die "run with $n worker(s) did not finish; see $RUN_DIR/bench-*.log"
    results+=("$n|$(bench_psql "select count(*) filter (where status = 'succeeded'), sum((counts->>'records_fetched')::bigint),
        sum((counts->>'pages')::bigint), round(extract(epoch from max(finished_at) - min(started_at))::numeric, 2)
        from etl.etl_jobs where $tenant_sql" "$run")")

    for k in $(seq "$first" $((${#PIDS[@]} - 1))); do kill "${PIDS[$k]}" 2>/dev/null || true; done
    for k in $(seq "$first" $((${#PIDS[@]} - 1))); do wait "${PIDS[$k]}" 2>/dev/null || true; done
    PIDS=("${PIDS[@]:0:$first}")
  done

  printf '\n  GitHub extraction, %s integrations x %s repositories x %s listed items (every 5th a pull request, skipped), %s ms per page, workers as %s\n\n' \
    "$integrations" "$per_integration" "$issues" "$latency" "$mode"
  printf '  %-8s %-6s %-9s %-7s %-9s %-10s %s\n' workers jobs records pages seconds records/s speed-up
  local base_rate="" line
  for line in "${results[@]}"; do
    IFS='|' read -r n ok records pages seconds <<<"$line"
    local rate; rate="$(awk "BEGIN { printf \"%.0f\", ($seconds > 0 ? $records / $seconds : 0) }")"
    base_rate="${base_rate:-$rate}"
    printf '  %-8s %-6s %-9s %-7s %-9s %-10s %sx\n' "$n" "$ok" "$records" "$pages" "$seconds" "$rate" \
      "$(awk "BEGIN { printf \"%.2f\", ($base_rate > 0 ? $rate / $base_rate : 0) }")"
  done
  echo
}
