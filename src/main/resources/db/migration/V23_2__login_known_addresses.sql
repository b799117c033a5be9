-- The client addresses each account signed in from: during an attack on an account, its own
-- addresses keep trying (see LoginThrottle). Rows older than 90 days no longer count.
create table login_known_address (
    realm        varchar(10)  not null,
    username     varchar(200) not null,
    address      varchar(64)  not null,
    last_success timestamptz  not null,
    primary key (realm, username, address)
);
