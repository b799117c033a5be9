-- The activity catalogue the services manage: when an activity runs, its cut-off, the
-- documents it requires, its periods, closure days and versioned tariff grid.

alter table activity
    add column runs_on_school_days boolean     not null default false,
    add column runs_on_wednesdays  boolean     not null default false,
    add column runs_on_holidays    boolean     not null default false,
    add column cutoff_working_days int         not null default 2 check (cutoff_working_days between 0 and 30),
    add column cutoff_time         time        not null default '12:00',
    -- comma-separated document types, e.g. ATTESTATION_QF,ASSURANCE,VACCINATIONS
    add column required_documents  varchar(300) not null default '',
    add constraint activity_age_range_ck check (min_age is null or max_age is null or min_age <= max_age);

-- the date ranges during which families can register and book (e.g. a school year)
create table activity_period (
    id           bigserial primary key,
    activity_id  bigint       not null references activity (id) on delete cascade,
    label        varchar(80)  not null,
    start_date   date         not null,
    end_date     date         not null,
    check (start_date <= end_date)
);
create index activity_period_activity_idx on activity_period (activity_id, start_date);

create table activity_closure (
    id           bigserial primary key,
    activity_id  bigint       not null references activity (id) on delete cascade,
    day          date         not null,
    reason       varchar(120),
    unique (activity_id, day)
);

-- The tariff grid, versioned: a version is every line of an activity with the same valid_from;
-- the version in force on a day is the latest one starting on or before it. Lines are never
-- updated: a change is a new version, so an invoice already issued never changes.
create table activity_tariff (
    id            bigserial primary key,
    activity_id   bigint        not null references activity (id) on delete cascade,
    valid_from    date          not null,
    qf_min        int           not null check (qf_min >= 0),
    qf_max        int           check (qf_max is null or qf_max >= qf_min),
    sibling_rank  int           not null check (sibling_rank between 1 and 3),
    unit_price    numeric(8, 2) not null check (unit_price >= 0),
    created_at    timestamptz   not null default now(),
    created_by    varchar(64),
    unique (activity_id, valid_from, qf_min, sibling_rank)
);
create index activity_tariff_activity_idx on activity_tariff (activity_id, valid_from);
