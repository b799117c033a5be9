-- wrk script of the opening rush with a light load generator (benchmarks/run-rush.sh with RUSH_GENERATOR=wrk):
-- the same requests as the Gatling simulation, each family logged in beforehand (benchmarks/login_families.py).
-- Run with as many threads as connections (one connection per thread, so the answers come back in the order
-- the thread asked). Each thread takes its share of the families, one after the other, and for each:
--   the month's planning, then for each child: its month edit page, the save of the five days, the page the
--   save redirects to (which must say « Enregistré »).
-- Arguments: <families file> <month> <days, comma-separated> <threads>. When a thread has no family left
-- it stops; the script that runs wrk stops it once every save is in the database.
dofile("benchmarks/wrk_threads.lua")

function init(args)
    month = args[2]
    days = {}
    for day in args[3]:gmatch("[^,]+") do table.insert(days, day) end
    local share = tonumber(args[4])
    families = {}
    local i = 0
    for line in io.lines(args[1]) do
        local cookie, csrf, child1, activity, child2 = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
        if cookie then
            if i % share == id then
                table.insert(families, {cookie = cookie, csrf = csrf, activity = activity, children = {child1, child2}})
            end
            i = i + 1
        end
    end
    family, step, saved, unsaved, bad = 0, 0, 0, 0, 0
    statuses = {}
    pending = nil
end

-- the family's seven requests, in order: step 1 the planning; steps 2-4 the first child (page, save, report),
-- steps 5-7 the second
local function next_request(f)
    if step == 1 then
        return "page", wrk.format("GET", "/planning?activite=" .. f.activity .. "&mois=" .. month, {["Cookie"] = f.cookie})
    end
    local child = f.children[step <= 4 and 1 or 2]
    local phase = (step - 2) % 3
    local page = "/planning/modifier?enfant=" .. child .. "&activite=" .. f.activity .. "&mois=" .. month
    if phase == 0 then
        return "page", wrk.format("GET", page, {["Cookie"] = f.cookie})
    elseif phase == 1 then
        local body = "_csrf=" .. f.csrf .. "&enfant=" .. child .. "&activite=" .. f.activity .. "&mois=" .. month
        for _, day in ipairs(days) do body = body .. "&jours=" .. day end
        return "save", wrk.format("POST", "/planning/modifier",
            {["Cookie"] = f.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
    end
    return "report", wrk.format("GET", page, {["Cookie"] = f.cookie})
end

function request()
    if step == 0 or step == 7 then
        family, step = family + 1, 0
    end
    if family > #families then
        -- nothing left for this thread: a cheap request while the others finish
        pending = "idle"
        return wrk.format("GET", "/css/portail.css")
    end
    step = step + 1
    local kind, req = next_request(families[family])
    pending = kind
    return req
end

function response(status, headers, body)
    local good
    if pending == "save" then
        good = (status == 302 or status == 303) and (headers["Location"] or ""):find("/planning/modifier", 1, true)
    elseif pending == "report" then
        good = status == 200 and body:find("Enregistré", 1, true) ~= nil
        if good then saved = saved + 1 else unsaved = unsaved + 1 end
    else
        good = status == 200 or pending == "idle"
    end
    if not good then
        bad = bad + 1
        local key = pending .. " " .. tostring(status) .. " " .. (headers["Location"] or "")
        statuses[key] = (statuses[key] or 0) + 1
    end
    if family > #families then wrk.thread:stop() end
end

function done(summary, latency, requests)
    local s, u, b = 0, 0, 0
    for _, thread in ipairs(threads) do
        s, u, b = s + thread:get("saved"), u + thread:get("unsaved"), b + thread:get("bad")
    end
    io.write(string.format("saves answered « Enregistré »: %d, without it: %d; unexpected answers: %d\n", s, u, b))
    for _, thread in ipairs(threads) do
        for key, n in pairs(thread:get("statuses")) do io.write(string.format("  unexpected: %s x %d\n", key, n)) end
    end
end
