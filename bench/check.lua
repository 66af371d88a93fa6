-- wrk script: POST one case file to /v1/check on every request and count answers that are not 200.
-- Usage: wrk -t2 -c16 -d60s --latency -s bench/check.lua http://127.0.0.1:8080/v1/check -- CASE_FILE
local body
function init(args)
  local path = args[1] or "fixtures/seeds/002-massage-and-cervical-medial-branch-block.json"
  local f = assert(io.open(path, "rb"))
  body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local not_ok = 0
function response(status, headers, b)
  if status ~= 200 then not_ok = not_ok + 1 end
end

function done(summary, latency, requests)
  -- per-thread counters are not shared back in wrk; report errors wrk itself counts
  io.write(string.format("requests: %d  non-2xx/3xx: %d  socket errors: connect %d read %d write %d timeout %d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50: %.2f ms  p90: %.2f ms  p99: %.2f ms  max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
end
