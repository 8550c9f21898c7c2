-- wrk script: the same catalogue search, each request with an address of its own (an
-- extra parameter the page ignores), so that none is served from the page cache and every
-- one searches and renders. Usage: wrk -s bench/catalogue.lua URL (URL with its query).
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. n)
end
