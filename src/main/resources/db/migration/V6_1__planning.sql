-- The planning: bookings of a child to an activity on a day, the per-(activity, day)
-- capacity counter that makes the check-and-book atomic across app nodes, the audit trail, and
-- the families' private iCalendar feed tokens.

-- one row per (activity, day) somebody asked for: locking it serialises the bookings of that day,
-- and `booked <= capacity` is checked by the database itself
create table day_capacity (
    activity_id  bigint      not null references activity (id) on delete cascade,
    day          date        not null,
    capacity     int         not null check (capacity >= 0),
    booked       int         not null default 0 check (booked >= 0),
    primary key (activity_id, day),
    check (booked <= capacity)
);

create table booking (
    id              bigserial   primary key,
    family_file_id  bigint      not null references family_file (id) on delete cascade,
    child_id        bigint      not null references child (id) on delete cascade,
    activity_id     bigint      not null references activity (id) on delete cascade,
    day             date        not null,
    state           varchar(20) not null check (state in ('BOOKED', 'WAITING', 'CANCELLED', 'CANCELLED_LATE')),
    -- the server's time when the request got the day's lock: the waiting list's order (then id)
    requested_at    timestamptz not null,
    -- where the booking came from: the month page, a duplication, the demo data
    source          varchar(20) not null check (source in ('PLANNING', 'DUPLICATION', 'DEMO')),
    booked_by       varchar(64) not null,
    updated_at      timestamptz not null
);
-- a child has at most one live booking per activity and day
create unique index booking_live_uq on booking (child_id, activity_id, day) where state in ('BOOKED', 'WAITING');
-- the month of a family, the waiting list of a day, the month of billing
create index booking_family_day_idx on booking (family_file_id, day);
create index booking_waiting_idx on booking (activity_id, day, requested_at, id) where state = 'WAITING';
create index booking_day_idx on booking (day, activity_id);

create table booking_audit (
    id            bigserial   primary key,
    booking_id    bigint      not null references booking (id) on delete cascade,
    child_id      bigint      not null,
    activity_id   bigint      not null,
    day           date        not null,
    state_before  varchar(20),
    state_after   varchar(20) not null,
    actor         varchar(64) not null,
    at            timestamptz not null,
    reason        varchar(120)
);
create index booking_audit_booking_idx on booking_audit (booking_id);

-- a family's private iCalendar URL: only the SHA-256 of its token is kept; revoked, it stops working
create table planning_feed (
    id              bigserial   primary key,
    family_file_id  bigint      not null references family_file (id) on delete cascade,
    token_hash      varchar(64) not null unique,
    created_at      timestamptz not null,
    revoked_at      timestamptz
);
create unique index planning_feed_active_uq on planning_feed (family_file_id) where revoked_at is null;
