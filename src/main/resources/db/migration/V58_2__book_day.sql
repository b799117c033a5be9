-- Booking one day in one statement. The day's counter row is the lock that makes the check of the capacity
-- and the booking one step on any number of app nodes; held across the application's round trips (lock,
-- check, count, insert, audit, commit: six of them), it queued every family booking the same day behind
-- one request thread, even one the operating system had paused. Here the decision and its writes run in the
-- database, committed by the same statement: the lock lasts the function and the commit, nothing else.
--
-- The request's time is the application's clock, read just before the call; under the lock it is moved up
-- to the day's last request time if that is later (day_capacity.last_request_at), so the waiting list's
-- order, request time then id, stays the order in which requests got the lock.

alter table day_capacity add column last_request_at timestamptz;

update day_capacity c set last_request_at = (select max(b.requested_at) from booking b
                                             where b.activity_id = c.activity_id and b.day = c.day);

-- o_position: the waiting list's place (1 = next to get a place), 0 when booked;
-- o_already: the child was already booked or waiting that day (nothing written)
create function book_day(p_family bigint, p_child bigint, p_activity bigint, p_day date, p_capacity int,
                         p_source varchar, p_actor varchar, p_at timestamptz,
                         out o_id bigint, out o_state varchar, out o_position int, out o_already boolean)
language plpgsql as $$
declare
    v_capacity int;
    v_booked int;
    v_at timestamptz;
begin
    insert into day_capacity as c (activity_id, day, capacity, booked, last_request_at)
    values (p_activity, p_day, p_capacity, 0, p_at)
    on conflict (activity_id, day) do update set last_request_at = greatest(c.last_request_at, excluded.last_request_at)
    returning c.capacity, c.booked, c.last_request_at into v_capacity, v_booked, v_at;

    select b.id, b.state, coalesce(b.waiting_position, 0) into o_id, o_state, o_position
    from booking b
    where b.child_id = p_child and b.activity_id = p_activity and b.day = p_day and b.state in ('BOOKED', 'WAITING');
    if found then
        o_already := true;
        return;
    end if;

    o_already := false;
    o_state := case when v_booked < v_capacity then 'BOOKED' else 'WAITING' end;
    if o_state = 'BOOKED' then
        update day_capacity set booked = booked + 1 where activity_id = p_activity and day = p_day;
    end if;
    insert into booking (family_file_id, child_id, activity_id, day, state, requested_at, source, booked_by, updated_at)
    values (p_family, p_child, p_activity, p_day, o_state, v_at, p_source, p_actor, v_at)
    returning id, coalesce(waiting_position, 0) into o_id, o_position;
    insert into booking_audit (booking_id, child_id, activity_id, day, state_before, state_after, actor, at, reason)
    values (o_id, p_child, p_activity, p_day, null, o_state, p_actor, v_at, lower(p_source));
end $$;
