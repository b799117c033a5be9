-- « Rester connecté »: one row per browser a family asked to remember. The series names the row
-- (it is in the browser's cookie); the token, a new random one at each automatic login, is stored
-- only as its SHA-256, so a copy of this table opens no account. Rows end at « Se déconnecter »
-- (that browser), at a password change or reset (every browser of the account), when a stolen
-- token is presented (every browser of the account) and 30 days after their last use.
create table remember_me_login (
    series              varchar(64)  primary key,
    username            varchar(100) not null,
    token_hash          varchar(64)  not null,
    -- the token replaced at the last automatic login, accepted a few seconds more for the pages the
    -- same browser asked for at the same time with it (never rotated again)
    previous_token_hash varchar(64),
    last_used           timestamptz  not null,
    created_at          timestamptz  not null
);

create index remember_me_login_username on remember_me_login (lower(username));
