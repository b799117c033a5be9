-- The quotient familial read from API Particulier (CAF or MSA) with the family's consent.
-- quotient_consent: the family's consent, with its date, revocable (revoked_at set: no call is made);
-- the allocataire's identity typed by the family is kept only for a family without a FranceConnect link
-- (with a link, the identity FranceConnect gave is used and nothing of it is copied here).
create table quotient_consent (
    family_file_id  bigint       primary key references family_file (id) on delete cascade,
    accepted_at     timestamptz  not null,
    accepted_by     varchar(100) not null,
    revoked_at      timestamptz,
    birth_name      varchar(100),
    first_names     varchar(200),
    sex             char(1)      check (sex in ('F', 'M')),
    birth_date      date,
    birth_commune   varchar(5),
    birth_country   varchar(5)
);
create index quotient_consent_active_idx on quotient_consent (family_file_id) where revoked_at is null;

-- quotient_fetch: every call made and what it answered; the value found is also stored as the family's
-- quotient familial (quotient_familial, source « API Particulier ») from the month the town's rule says.
create table quotient_fetch (
    id                 bigserial    primary key,
    family_file_id     bigint       not null references family_file (id) on delete cascade,
    fetched_at         timestamptz  not null,
    outcome            varchar(20)  not null check (outcome in ('FOUND', 'NOT_FOUND', 'AMBIGUOUS', 'UNAVAILABLE')),
    provider           varchar(3)   check (provider in ('CAF', 'MSA')),
    value              int          check (value >= 0),
    reference_year     int,
    reference_month    int          check (reference_month between 1 and 12),
    applies_from       date,
    identity_source    varchar(20)  not null check (identity_source in ('FRANCECONNECT', 'DOSSIER')),
    refresh_year       int
);
create index quotient_fetch_family_idx on quotient_fetch (family_file_id, fetched_at desc);

-- the yearly refresh (process quotientRefresh, business key QF-<year>): one row per consenting family,
-- so each family is asked once per year whatever the retries
create table quotient_refresh_item (
    refresh_year    int          not null,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    done_at         timestamptz,
    outcome         varchar(20)  check (outcome in ('FOUND', 'NOT_FOUND', 'AMBIGUOUS', 'UNAVAILABLE', 'NO_CONSENT')),
    value_before    int,
    value_after     int,
    bracket_changed boolean      not null default false,
    primary key (refresh_year, family_file_id)
);
