-- GET READ_PATH, with the token in TOKEN when it is set (nginx ignores it). The request is made at the first call,
-- once wrk has set the Host header.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local path = os.getenv("READ_PATH")
local token = os.getenv("TOKEN")
local req = nil
function request()
  if req == nil then
    local headers = {}
    if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
    req = wrk.format("GET", path, headers)
  end
  return req
end
