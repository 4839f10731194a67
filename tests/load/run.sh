#!/usr/bin/env bash
# Bounded load runs on loopback against a seeded, trained store, with a valid API key. Prints a Markdown table:
# throughput and p50/p99 per endpoint, each as a ratio to /health in the same run (the machine is noisy; ratios compare).
#   tests/load/run.sh [store.db]      (default /tmp/sec/jorge.db; build it with `jorge seed`, `jorge train lead-scoring`,
#                                      `jorge train pricing`)
# Needs `hey` (apt-get install -y hey) and python3. Env: DURATION (default 10s), CONCURRENCY (default 50), PORT (5099).
set -euo pipefail
cd "$(dirname "$0")/../.."
db=$(realpath "${1:-/tmp/sec/jorge.db}")
duration=${DURATION:-10s}
concurrency=${CONCURRENCY:-50}
port=${PORT:-5099}
out=$(mktemp -d)
base="http://127.0.0.1:$port"
export ConnectionStrings__Jorge="Data Source=$db"

# Release builds of the host and the CLI in their own folder (BIN to reuse one; artifacts/ is not in git).
bin=$(realpath -m "${BIN:-artifacts/load}")
[ -f "$bin/api/JorgeCopilot.Api.dll" ] || dotnet build -c Release src/JorgeCopilot.Api -o "$bin/api" -v q -nologo >/dev/null
[ -f "$bin/cli/jorge.dll" ] || dotnet build -c Release src/JorgeCopilot.Cli -o "$bin/cli" -v q -nologo >/dev/null
key=$(dotnet "$bin/cli/jorge.dll" apikey create --scope read --name "load test" | tail -n 1)
lead=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"select Id from leads where Source='bank-marketing' order by Id limit 1 offset 100\").fetchone()[0])" "$db")
rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from prediction_log\").fetchone()[0])" "$db"; }
rows_before=$(rows)

# The per-key rate limit is lifted for the run (it is what is measured against, not what is measured); request logs
# at Warning so the console is not the bottleneck.
ApiSecurity__PermitsPerSecond=1000000 ApiSecurity__Burst=1000000 ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning ASPNETCORE_URLS="$base" \
  dotnet "$bin/api/JorgeCopilot.Api.dll" --contentRoot "$bin/api" >"$out/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done

score="$base/api/v1/leads/$lead/score"
value="$base/api/v1/pricing/value?zip=98103&bedrooms=3&bathrooms=2&sqft=1800&yearBuilt=1990"
# A ranking question: it logs no prediction row, so the rows written must equal the score 200s exactly.
chat_body='{"text":"who are my hottest leads?"}'
h=(-H "X-Api-Key: $key")

# Warm-up: JIT, model loads, pooled connections.
hey -n 200 -c 4 "${h[@]}" "$score" >"$out/warm-score.txt"; hey -n 200 -c 4 "${h[@]}" "$value" >/dev/null
hey -n 50 -c 2 -m POST -T application/json -d "$chat_body" "${h[@]}" "$base/api/v1/chat" >/dev/null; hey -n 200 -c 4 "$base/health" >/dev/null

hey -z "$duration" -c "$concurrency" "$base/health" >"$out/health.txt"
hey -z "$duration" -c "$concurrency" "${h[@]}" "$score" >"$out/score.txt"
hey -z "$duration" -c "$concurrency" "${h[@]}" "$value" >"$out/value.txt"
hey -z "$duration" -c "$concurrency" -m POST -T application/json -d "$chat_body" "${h[@]}" "$base/api/v1/chat" >"$out/chat.txt"
# 10% malformed: a tenth of the connections send a non-numeric lead id, NaN square footage or an over-long question.
bad=$((concurrency / 10 > 0 ? concurrency / 10 : 1))
good=$((concurrency - bad))
hey -z "$duration" -c "$good" "${h[@]}" "$score" >"$out/mixed-good.txt" &
hey -z "$duration" -c "$bad" "${h[@]}" "$base/api/v1/leads/not-a-number/score" >"$out/mixed-bad1.txt" &
hey -z "$duration" -c "$bad" "${h[@]}" "$base/api/v1/pricing/value?zip=98103&sqft=NaN" >"$out/mixed-bad2.txt" &
wait %2 %3 %4 2>/dev/null || wait
hey -z "$duration" -c "$concurrency" "$base/health" >"$out/health2.txt"
# One at a time: the latency of a single valuation without queueing.
hey -n 300 -c 1 "${h[@]}" "$value" >"$out/value-serial.txt"
hey -n 300 -c 1 "${h[@]}" "$score" >"$out/score-serial.txt"

kill -TERM $host; wait $host || true   # graceful: the prediction-log writer drains
rows_after=$(rows)
python3 tests/load/summarize.py "$out" "$rows_before" "$rows_after"
