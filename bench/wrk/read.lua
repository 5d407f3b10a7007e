-- GET PATH, with the token in TOKEN when it is set (nginx ignores it).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local path = os.getenv("READ_PATH")
local headers = {}
if os.getenv("TOKEN") and os.getenv("TOKEN") ~= "" then headers["Authorization"] = "Bearer " .. os.getenv("TOKEN") end
local req = wrk.format("GET", path, headers)
function request() return req end
