-- Cycles through pre-signed request paths (one per line), each thread taking a disjoint slice so that
-- no SignatureNonce is sent twice. A line may carry headers after the path, tab-separated as "Name: value"
-- (signature V3). Usage: wrk -tT ... -s cycle.lua <url> -- <file> <T> <ready-file>
-- (<file> <threads>, the same thread count as wrk's -t; <ready-file> must not exist before the run.)
-- Prints one JSON line at the end; non2xx counts every answer outside 2xx/3xx (wrk's status errors).
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local paths = {}
local n = 0
local i = 0
local ready_file
local started = false

function init(args)
  local file = args[1]
  local NTHREADS = tonumber(args[2])
  ready_file = args[3]
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
  -- wrk runs init() of thread k+1 only after thread k has started sending, and starts its clock after the last
  -- init: so without a barrier the first thread sends alone, uncounted by the clock, while the others load their
  -- lines (seconds, for millions of V3 lines). It then ran through its slice, repeated nonces, and inflated the
  -- rate. The last thread's init marks the file; every thread waits for it before its second request (the first
  -- is wrk's own check of the script, made from the main thread right after the first init).
  if tid == NTHREADS - 1 then
    local f = assert(io.open(ready_file, "w")); f:close()
  end
end

local function wait_for_all_threads()
  while true do
    local f = io.open(ready_file, "r")
    if f then f:close(); return end
    os.execute("sleep 0.01")
  end
end

function request()
  if not started then
    if i > 0 then wait_for_all_threads(); started = true end
  end
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
