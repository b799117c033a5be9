-- Foundation: family files, portal accounts and the activity catalogue's first shape.
-- Later migrations extend these tables, one range per module (V3_* accounts, V4_* family,
-- V5_* activities and registrations, V6_* planning, V7_* billing, V8_* payment, V9_* messaging).

create table family_file (
    id              bigserial primary key,
    number          varchar(20)  not null unique,
    name            varchar(100) not null,
    address_line    varchar(200),
    postal_code     varchar(10),
    city            varchar(100),
    -- the portal account linked to this file: at most one, and a file is never claimed twice
    account_id      bigint unique,
    created_at      timestamptz  not null default now()
);

create table guardian (
    id              bigserial primary key,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    position        int          not null default 1,
    civility        varchar(10),
    last_name       varchar(100) not null,
    first_name      varchar(100) not null,
    relationship    varchar(40),
    email           varchar(254),
    mobile_phone    varchar(20),
    home_phone      varchar(20),
    work_phone      varchar(20)
);
create index guardian_family_idx on guardian (family_file_id);
create index guardian_email_idx on guardian (lower(email));

create table child (
    id              bigserial primary key,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    last_name       varchar(100) not null,
    first_name      varchar(100) not null,
    birth_date      date         not null,
    sex             varchar(1),
    school          varchar(120),
    school_class    varchar(40)
);
create index child_family_idx on child (family_file_id);

create table portal_account (
    id              bigserial primary key,
    username        varchar(50)  not null,
    email           varchar(254) not null,
    password_hash   varchar(200) not null,
    status          varchar(20)  not null check (status in ('PENDING', 'ACTIVE')),
    civility        varchar(10),
    last_name       varchar(100),
    first_name      varchar(100),
    phone           varchar(20),
    created_at      timestamptz  not null default now(),
    activated_at    timestamptz
);
create unique index portal_account_username_uq on portal_account (lower(username));
create unique index portal_account_email_uq on portal_account (lower(email));

create table activity (
    id               bigserial primary key,
    code             varchar(40)  not null unique,
    name             varchar(120) not null,
    activity_type    varchar(80)  not null,
    service_group    varchar(64)  not null,
    description      text,
    booking_unit     varchar(20)  not null check (booking_unit in ('DAY', 'HALF_DAY', 'MEAL', 'SESSION')),
    weekdays         varchar(80)  not null,
    capacity_per_day int          not null check (capacity_per_day >= 0),
    min_age          int,
    max_age          int
);
