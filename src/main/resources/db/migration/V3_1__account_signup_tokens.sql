-- Portal accounts: which version of the terms the family accepted, and the single-use links
-- (activation, password reset). Only a SHA-256 hash of a link's token is stored. When a pending
-- account is purged its tokens lose their account (no personal data is left) so that an old
-- link can still say « lien expiré » instead of « lien inconnu ».

alter table portal_account
    add column terms_version     varchar(20),
    add column terms_accepted_at timestamptz;

create table account_token (
    id          bigserial primary key,
    account_id  bigint       references portal_account (id) on delete set null,
    purpose     varchar(20)  not null check (purpose in ('ACTIVATION', 'PASSWORD_RESET')),
    token_hash  varchar(64)  not null unique,
    expires_at  timestamptz  not null,
    used_at     timestamptz,
    -- a newer link of the same purpose replaced this one
    revoked_at  timestamptz,
    created_at  timestamptz  not null default now()
);
create index account_token_account_idx on account_token (account_id);
