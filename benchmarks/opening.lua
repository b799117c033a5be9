-- The opening second as the waiting room sees it (benchmarks/run-opening.sh): every request a newcomer
-- without the room's cookie asking for the login page. Counts the answers: a number given (the redirection to
-- the waiting page, or that page itself if a build answers it at once: 503 « Vous êtes n° … »), the waiting page
-- without a number yet (503 « … vous est donné dans quelques secondes »), the page itself (200), others.
dofile("benchmarks/wrk_threads.lua")

held, busy, page, other = 0, 0, 0, 0

function response(status, headers, body)
    local location = headers["Location"] or headers["location"] or ""
    if status == 303 and string.find(location, "/salle-d-attente", 1, true) then
        held = held + 1
    elseif status == 503 and body and string.find(body, "dans la file", 1, true) and not string.find(body, "vous est donné", 1, true) then
        held = held + 1
    elseif status == 503 then
        busy = busy + 1
    elseif status == 200 then
        page = page + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local h, b, p, o = 0, 0, 0, 0
    for _, thread in ipairs(threads) do
        h = h + thread:get("held")
        b = b + thread:get("busy")
        p = p + thread:get("page")
        o = o + thread:get("other")
    end
    io.write(string.format("answers: %d the waiting room with a number, %d the room without a number yet, %d the page, %d other\n", h, b, p, o))
    io.write(string.format("latency: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
