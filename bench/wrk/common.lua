-- Shared by bench/run's wrk scripts: counts 2xx and other answers per thread, stops a thread after LIMIT requests
-- (split between threads) and prints one line "WRKJSON {...}" that bench/run reads.
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  thread:set("nthreads_hint", 0)
  table.insert(threads, thread)
end

ok, bad, sent = 0, 0, 0
local limit = tonumber(os.getenv("LIMIT") or "0")
nthreads = tonumber(os.getenv("THREADS") or "1")
local per_thread = limit > 0 and math.ceil(limit / nthreads) or 0

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
    if bad <= 3 then io.stderr:write("non-2xx " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n") end
  end
  if per_thread > 0 and ok + bad >= per_thread then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local good, other = 0, 0
  for _, t in ipairs(threads) do
    good = good + (t:get("ok") or 0)
    other = other + (t:get("bad") or 0)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'WRKJSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"ok_rps":%.1f,"ok":%d,"non2xx":%d,"socket_errors":%d,' ..
    '"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, seconds, summary.requests / seconds, good / seconds, good, other,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
