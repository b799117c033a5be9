-- The waiting room of the opening rush, shared by every node: tickets numbered in arrival order by a
-- sequence, one row saying up to which ticket families are let in, and the key that signs the tickets
-- (made here once, random, so that every node checks the same signature without a setting).
create sequence waiting_room_ticket_seq;

create table waiting_room (
    id           smallint primary key check (id = 1),
    served_up_to bigint   not null default 0,
    signing_key  text     not null
);

insert into waiting_room (id, served_up_to, signing_key)
values (1, 0, replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));

-- A form posted while its family waited (the planning ticked), replayed once when the family gets in.
create table waiting_room_form (
    ticket   bigint primary key,
    path     text        not null,
    body     text        not null,
    saved_at timestamptz not null default now()
);
