-- The places of the waiting room with the client address that took each (an IPv6 address counts as its
-- /64): one address holds at most a few places still waiting (portal.waiting-room.tickets-per-address),
-- so a flood of requests without the ticket's cookie cannot take thousands of them. The ticket is given
-- in the same statement that counts them; the places let in are deleted by the nodes once a minute.
create table waiting_room_place (
    ticket  bigint primary key,
    address text   not null
);

create index waiting_room_place_address on waiting_room_place (address, ticket);
