-- The rank of each waiting booking on its day's waiting list (1 = next to get a place), first come
-- first served (request time, then id): the one definition the planning, the day's list and the
-- ledger read. A plain view, so a query joining it on booking_id computes only the ranks it needs.
create view waiting_rank as
select b.id as booking_id,
       (select count(*) from booking w
        where w.activity_id = b.activity_id and w.day = b.day and w.state = 'WAITING'
          and (w.requested_at, w.id) <= (b.requested_at, b.id))::int as position
from booking b
where b.state = 'WAITING';
