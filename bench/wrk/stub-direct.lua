-- B2's baseline: the fast stub called directly with a registration like the hub's (unique hub_ref each time).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")
local n = 0
function request()
  n = n + 1
  return wrk.format("POST", "/hmis/api/v2/registrations", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Basic c2FuZ2FtLWh1YjpiZW5jaA==",
  }, '{"hub_ref":"SGM-DIRECT-' .. tid .. '-' .. n .. '","svc":"health-birth-registration","applicant":' ..
    '{"full_name":"Bench Citizen","mobile_no":"9876543210","uid_no":null,"email":null,"dist_cd":"SGR",' ..
    '"lang":"ENG"},"recd_on":"07-12-2026","due_on":"14-12-2026","form":{"childDateOfBirth":"2026-12-01",' ..
    '"childGender":"female","placeOfBirthType":"government-hospital","hospitalOfBirth":"SMHS Hospital",' ..
    '"fatherName":"Bench Father","motherName":"Bench Mother"}}')
end
