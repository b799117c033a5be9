-- After the rush: per day, BOOKED = capacity, the rest WAITING, in arrival order; nothing lost.
-- psql variable: days (the five days of the opening, comma-separated): the months before (seed-history.sql) are
-- not the rush's.
\set ON_ERROR_STOP on
\pset footer off
create temporary view rush_booking as
select * from booking where day = any (string_to_array(:'days', ',')::date[]);
\echo '== per day: booked, waiting, counter'
select b.day, count(*) filter (where b.state = 'BOOKED') as booked,
       count(*) filter (where b.state = 'WAITING') as waiting,
       count(*) as total, max(dc.booked) as counter, max(dc.capacity) as capacity
from rush_booking b join day_capacity dc on dc.activity_id = b.activity_id and dc.day = b.day
group by b.day order by b.day;

\echo '== overbooked days (must be none)'
select day, count(*) from rush_booking where state = 'BOOKED' group by day having count(*) > 200;

\echo '== days where a BOOKED request is not among the first <capacity> arrivals (must be none)'
select r.day, count(*) from (
    select b.day, b.state, dc.capacity,
           row_number() over (partition by b.activity_id, b.day order by b.requested_at, b.id) as arrival
    from rush_booking b join day_capacity dc on dc.activity_id = b.activity_id and dc.day = b.day
    where b.state in ('BOOKED', 'WAITING')) r
where (r.state = 'BOOKED') <> (r.arrival <= r.capacity)
group by r.day;

\echo '== bookings whose arrival time goes back in id order within a day (must be 0)'
select count(*) as disorder from (
    select requested_at < lag(requested_at) over (partition by activity_id, day order by id) as back from rush_booking) x
where back;

\echo '== waiting positions out of the arrival order (must be 0): each waiting booking keeps its place, 1, 2, 3… by request'
select count(*) as misplaced from (
    select waiting_position, row_number() over (partition by activity_id, day order by requested_at, id) as arrival
    from rush_booking where state = 'WAITING') w
where waiting_position is distinct from arrival;

\echo '== duplicates of a child on a day (must be none)'
select child_id, day, count(*) from rush_booking where state in ('BOOKED', 'WAITING') group by child_id, day having count(*) > 1;

\echo '== audit lines vs bookings (must be equal)'
select (select count(*) from rush_booking) as bookings, (select count(*) from booking_audit a join rush_booking b on b.id = a.booking_id) as audit_lines;

\echo '== RESULT'
select count(*) filter (where state = 'BOOKED') as booked, count(*) filter (where state = 'WAITING') as waiting,
       count(*) as total from rush_booking
\gset rush_
\echo booked=:rush_booked waiting=:rush_waiting total=:rush_total
select round(extract(epoch from max(requested_at) - min(requested_at))::numeric, 3) as seconds from rush_booking
\gset window_
\echo window_seconds=:window_seconds
