-- POST /api/v1/departments/health/status-updates: APR (delivered) for each application id in the file IDS, each id
-- once; thread tid takes lines tid+1, tid+1+THREADS, ... and stops when its share is done.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local token = os.getenv("TOKEN")
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
local i = nil
local finished = false
function request()
  if i == nil then i = tid + 1 end
  local id = ids[i]
  if id == nil then
    finished = true
    id = ids[1]
  end
  i = i + nthreads
  return wrk.format("POST", "/api/v1/departments/health/status-updates", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"applicationId":"' .. id .. '","status":"APR","remark":"Issued (bench)"}')
end
local base = response
function response(status, headers, body)
  if finished then wrk.thread:stop() return end
  base(status, headers, body)
end
