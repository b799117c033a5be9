-- wrk script of benchmarks/run-pages.sh: every request as one of the logged-in families (their Cookie
-- header; mode « static »: no cookie, as a first visit), each wrk thread with its own share of the families, taken in turn (so one family has at
-- most one request in flight). Arguments: <families file> <mode: static|get|post> <path or month> <day> <wrk threads>
--   get:  the path, with {enfant} and {activite} replaced by the family's child and activity
--   post: POST /planning/modifier for <month>, booking <day> and cancelling it in turn per family, each save
--         followed by the page it redirects to (as a browser does: the page reads the save's report
--         from the session and drops it), so half of the requests are saves
-- A request counts as good when it is 200, or for a POST the redirection (302/303) back to the edit page; anything else
-- (a 303 to /connexion, the waiting room, an error) is counted and printed at the end.
dofile("benchmarks/wrk_threads.lua")

function init(args)
    families, mode, target, day = {}, args[2], args[3], args[4]
    local all = {}
    for line in io.lines(args[1]) do
        local cookie, csrf, child, activity = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
        if cookie then table.insert(all, {cookie = cookie, csrf = csrf, child = child, activity = activity, booked = false}) end
    end
    local share = tonumber(args[5])
    for i, family in ipairs(all) do
        if (i - 1) % share == id then table.insert(families, family) end
    end
    turn, good, bad = 0, 0, 0
    statuses = {}
end

function request()
    turn = turn % #families + 1
    local family = families[turn]
    if mode == "post" and family.answer then
        -- the page the save redirected to, as the browser follows it (it reads and drops the save's report)
        local path = family.answer
        family.answer = nil
        return wrk.format("GET", path, {["Cookie"] = family.cookie})
    end
    if mode == "post" then
        family.answer = "/planning/modifier?enfant=" .. family.child .. "&activite=" .. family.activity .. "&mois=" .. target
        local body = "_csrf=" .. family.csrf .. "&enfant=" .. family.child .. "&activite=" .. family.activity .. "&mois=" .. target
        if not family.booked then body = body .. "&jours=" .. day end
        family.booked = not family.booked
        return wrk.format("POST", "/planning/modifier",
            {["Cookie"] = family.cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
    end
    if mode == "static" then return wrk.format("GET", target) end
    local path = target:gsub("{enfant}", family.child):gsub("{activite}", family.activity)
    return wrk.format("GET", path, {["Cookie"] = family.cookie})
end

function response(status, headers, body)
    local location = headers["Location"] or ""
    if status == 200 or (mode == "post" and (status == 302 or status == 303) and location:find("/planning/modifier", 1, true)) then
        good = good + 1
    else
        bad = bad + 1
        local key = tostring(status) .. " " .. location
        statuses[key] = (statuses[key] or 0) + 1
    end
end

function done(summary, latency, requests)
    local good_total, bad_total = 0, 0
    for _, thread in ipairs(threads) do
        good_total = good_total + thread:get("good")
        bad_total = bad_total + thread:get("bad")
    end
    io.write(string.format("good answers: %d, other answers: %d\n", good_total, bad_total))
    for _, thread in ipairs(threads) do
        for key, n in pairs(thread:get("statuses")) do io.write(string.format("  other: %s x %d\n", key, n)) end
    end
end
