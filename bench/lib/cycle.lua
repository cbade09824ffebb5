-- Cycles through pre-signed request paths (one per line), each thread taking a disjoint slice so that
-- no SignatureNonce is sent twice. A line may carry headers after the path, tab-separated as "Name: value"
-- (signature V3). Usage: wrk -tT ... -s cycle.lua <url> -- <file> <T>
-- (<file> <threads>, the same thread count as wrk's -t.)
-- Prints one JSON line at the end; non2xx counts every answer outside 2xx/3xx (wrk's status errors).
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local paths = {}
local n = 0
local i = 0

function init(args)
  local file = args[1]
  local NTHREADS = tonumber(args[2])
  local k = 0
  for line in io.lines(file) do
    if k % NTHREADS == tid then
      n = n + 1
      paths[n] = line
    end
    k = k + 1
  end
  if n == 0 then error("no request lines in " .. file) end
  -- Whole requests are built here, once: request() then allocates nothing and the collector is stopped, so
  -- neither building requests nor Lua garbage collection over these large tables takes wrk's CPU mid-run.
  -- (Formatting per request made wrk itself the bottleneck and its collector pauses showed up as server p99.)
  for j = 1, n do
    local path, rest = paths[j]:match("^([^\t]*)\t(.*)$")
    if path then
      -- Headers follow the path (signature V3): the request is written out directly, one gsub, because parsing
      -- them into a table for wrk.format made one thread's init take most of a run while the other sent alone,
      -- ran through its slice and repeated nonces.
      paths[j] = "GET " .. path .. " HTTP/1.1\r\n" .. (rest:gsub("\t", "\r\n")) .. "\r\n\r\n"
    else
      paths[j] = wrk.format("GET", paths[j])
    end
  end
  collectgarbage("collect")
  collectgarbage("stop")
end

function request()
  i = i + 1
  if i > n then
    i = 1
  end
  return paths[i]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"non2xx":%d,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
