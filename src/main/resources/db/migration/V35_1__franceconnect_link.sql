-- « S'identifier avec FranceConnect »: the FranceConnect identity (provider + subject) a portal account
-- signs in with. A link is made only after the account's password was given once, never on an e-mail
-- match. The identity claims read when linking are kept only as long as the link: unlinking, or the
-- account's deletion, deletes them.
create table franceconnect_link (
    account_id    bigint primary key references portal_account (id) on delete cascade,
    issuer        varchar(300) not null,
    subject       varchar(300) not null,
    given_name    varchar(200),
    family_name   varchar(200),
    birthdate     varchar(10),
    gender        varchar(10),
    birthplace    varchar(10),
    birthcountry  varchar(10),
    email         varchar(254),
    linked_at     timestamptz  not null
);
create unique index franceconnect_link_identity_uq on franceconnect_link (issuer, subject);
