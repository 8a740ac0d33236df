-- Rotates the signed-in learner per request: each request carries the next session cookie from sessions.txt.
local sessions = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then sessions[#sessions + 1] = line end
  end
  if #sessions == 0 then error("no sessions in " .. args[1]) end
  -- each wrk thread starts at a different place in the list
  next_index = math.random(#sessions)
end

function request()
  local cookie = sessions[next_index]
  next_index = next_index % #sessions + 1
  return wrk.format("GET", wrk.path, { ["Cookie"] = "JSESSIONID=" .. cookie })
end

function done(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
