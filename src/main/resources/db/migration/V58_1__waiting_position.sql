-- A waiting booking's place on its day's waiting list (1 = next to get a place) kept with the booking, in the
-- list's order (first come, first served: request time, then id). Reading a position is reading a column;
-- it used to be a count of the bookings ahead, a scan of the list for each position shown, which took most
-- of the database's time once thousands waited after an opening.
--
-- Triggers keep the positions right whatever changes a list, so no writer has to think of it:
--   - a booking that joins a list (inserted as WAITING, or put back to WAITING) takes the place its request
--     time gives it: after the last one, found by one index lookup, when it is the latest request (the
--     ledger's always are: it writes under the day's lock); otherwise those after it move down one;
--   - a booking that leaves a list (booked, cancelled) moves those behind it up one;
--   - a deletion (a family's file erased, old bookings purged) renumbers the days it touched, once per statement.
-- Requests are never re-timed; a change of requested_at would not move a position.

alter table booking add column waiting_position int;

update booking b set waiting_position = r.position
from (select id, row_number() over (partition by activity_id, day order by requested_at, id) as position
      from booking where state = 'WAITING') r
where b.id = r.id;

-- the list of a day in its order: its last place, its first (the next to be promoted), those behind a place
drop index booking_waiting_idx;
create index booking_waiting_idx on booking (activity_id, day, waiting_position) where state = 'WAITING';

-- the one definition of a rank was this view (a count per booking); the column replaces it
drop view waiting_rank;

create function booking_waiting_position() returns trigger language plpgsql as $$
declare
    last_one record;
begin
    if tg_op = 'UPDATE' and old.state = 'WAITING' then
        -- leaves the list: those behind move up
        update booking w set waiting_position = w.waiting_position - 1
        where w.activity_id = old.activity_id and w.day = old.day and w.state = 'WAITING'
          and w.waiting_position > old.waiting_position and w.id <> old.id;
        new.waiting_position := null;
    end if;
    if new.state <> 'WAITING' then
        new.waiting_position := null;
        return new;
    end if;
    select w.requested_at, w.id, w.waiting_position into last_one from booking w
    where w.activity_id = new.activity_id and w.day = new.day and w.state = 'WAITING' and w.id <> new.id
    order by w.waiting_position desc limit 1;
    if not found then
        new.waiting_position := 1;
    elsif (last_one.requested_at, last_one.id) < (new.requested_at, new.id) then
        new.waiting_position := last_one.waiting_position + 1;
    else
        -- an older request than the list's last one: it takes its place, those after it move down
        update booking w set waiting_position = w.waiting_position + 1
        where w.activity_id = new.activity_id and w.day = new.day and w.state = 'WAITING' and w.id <> new.id
          and (w.requested_at, w.id) > (new.requested_at, new.id);
        select count(*) + 1 into new.waiting_position from booking w
        where w.activity_id = new.activity_id and w.day = new.day and w.state = 'WAITING' and w.id <> new.id
          and (w.requested_at, w.id) < (new.requested_at, new.id);
    end if;
    return new;
end $$;

create trigger booking_waiting_joins before insert on booking
    for each row when (new.state = 'WAITING') execute function booking_waiting_position();
create trigger booking_waiting_moves before update of state on booking
    for each row when (old.state is distinct from new.state and 'WAITING' in (old.state, new.state))
    execute function booking_waiting_position();

create function booking_waiting_renumber() returns trigger language plpgsql as $$
begin
    update booking b set waiting_position = r.position
    from (select w.id, row_number() over (partition by w.activity_id, w.day order by w.requested_at, w.id) as position
          from booking w
          join (select distinct activity_id, day from gone where state = 'WAITING') g
            on g.activity_id = w.activity_id and g.day = w.day
          where w.state = 'WAITING') r
    where b.id = r.id and b.waiting_position is distinct from r.position;
    return null;
end $$;

create trigger booking_waiting_deleted after delete on booking
    referencing old table as gone for each statement execute function booking_waiting_renumber();
