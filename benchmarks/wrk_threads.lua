-- Shared by the wrk scripts (pages.lua, rush.lua), loaded with dofile from the repository's root: each wrk thread
-- gets its number (« id », from 0) and the main state keeps the threads, so done() can sum what each counted.
threads = {}
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end
