-- POST /api/v1/applications with the token in TOKEN and a new Idempotency-Key each time (RUN, thread, counter).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local token = os.getenv("TOKEN")
local run = os.getenv("RUN") or "r"
local body = '{"serviceCode":"health-birth-registration","applicant":{"name":"Bench Citizen",' ..
  '"mobile":"+919876543210","district":"Srinagar","language":"en"},' ..
  '"formData":{"childDateOfBirth":"2026-12-01","childGender":"female","placeOfBirthType":"government-hospital",' ..
  '"hospitalOfBirth":"SMHS Hospital","fatherName":"Bench Father","motherName":"Bench Mother"}}'
local n = 0
function request()
  n = n + 1
  sent = n
  return wrk.format("POST", "/api/v1/applications", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. tid .. "-" .. n,
  }, body)
end
