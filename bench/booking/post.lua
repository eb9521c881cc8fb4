-- wrk script for the booking benchmark: POST a JSON body with an API key.
-- Usage: wrk -t2 -c64 -d15s --latency -s bench/booking/post.lua http://127.0.0.1:PORT/plan -- API_KEY BODY_FILE
-- init() runs in every wrk thread before its first request, so the request is built once per thread (static).
function init(args)
  local key, path = args[1], args[2]
  if key == nil or path == nil then
    error("usage: wrk ... -s post.lua URL -- API_KEY BODY_FILE")
  end
  local file = assert(io.open(path, "rb"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. key
end
