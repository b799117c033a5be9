-- What a town's database holds before an opening, after benchmarks/seed-rush.sql: the « Centre de loisirs »
-- booked to its capacity (200) every Wednesday from September 2025 to the month before the one opening, the
-- children taken in turn, each booking with its audit line, the days' counters equal to their bookings;
-- then the statistics PostgreSQL keeps of its tables (as autovacuum would have them).
-- psql variables: month (the opening month, YYYY-MM).
--
-- Why: on an empty table the database's connections plan their statements for an empty table (a sequential
-- scan is then the cheapest) and keep that plan; during a rush on a fresh database the booking table grows
-- from nothing to tens of thousands of rows under those plans, which no town's database ever does.
\set ON_ERROR_STOP on
begin;
create temporary table history_day on commit drop as
select d::date as day, row_number() over (order by d) - 1 as k
from generate_series(date '2025-09-01', (:'month' || '-01')::date - 1, interval '1 day') d
where extract(isodow from d) = 3;

create temporary table history_child on commit drop as
select c.id as child_id, c.family_file_id, row_number() over (order by c.id) - 1 as n, count(*) over () as total
from child c join family_file f on f.id = c.family_file_id where f.number like 'R%';

insert into day_capacity (activity_id, day, capacity, booked, last_request_at)
select a.id, h.day, 200, least(200, (select count(*) from history_child)), h.day - 14 + time '12:00'
from history_day h, activity a where a.code = 'CENTRE_LOISIRS'
on conflict (activity_id, day) do nothing;

insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
select c.family_file_id, c.child_id, a.id, h.day, 'BOOKED', h.day - 14 + time '12:00' + c.n * interval '1 ms',
       'PLANNING', 'banc-essai', h.day - 14 + time '12:00'
from history_day h, history_child c, activity a
where a.code = 'CENTRE_LOISIRS' and ((c.n - h.k * 200) % c.total + c.total) % c.total < 200;

insert into booking_audit (booking_id, child_id, activity_id, day, state_before, state_after, actor, at, reason)
select b.id, b.child_id, b.activity_id, b.day, null, 'BOOKED', 'banc-essai', b.requested_at, 'planning'
from booking b where b.booked_by = 'banc-essai';
commit;

analyze;
