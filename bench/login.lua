-- wrk script: each request signs a different benchmark user in with the right password.
-- Sec-Fetch-Site marks it same-origin, as a browser posting the sign-in form would.
local n = 0
local users = tonumber(os.getenv("ASWAQ_BENCH_USERS") or "1000")
request = function()
  n = n + 1
  local body = "identifier=bench-" .. (n % users) .. "%40aswaq.test&password=benchmark+password"
  return wrk.format("POST", "/fr/login", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }, body)
end
