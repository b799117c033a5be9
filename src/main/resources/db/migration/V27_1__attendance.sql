-- Attendance: the day sheet of an activity (« feuille de présence »), one entry per child and sheet
-- (who came, who did not, who came without a booking), and the audit trail of every entry.

create table attendance_sheet (
    id            bigserial   primary key,
    activity_id   bigint      not null references activity (id) on delete cascade,
    day           date        not null,
    state         varchar(10) not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    opened_at     timestamptz not null,
    closed_by     varchar(64),
    closed_at     timestamptz,
    unique (activity_id, day)
);
create index attendance_sheet_day_idx on attendance_sheet (day, state);

-- one row per child and sheet: two agents ticking different children never touch the same row,
-- and the same child ticked twice keeps the last entry (both are in the audit trail)
create table attendance_entry (
    id              bigserial   primary key,
    sheet_id        bigint      not null references attendance_sheet (id) on delete cascade,
    child_id        bigint      not null references child (id) on delete cascade,
    family_file_id  bigint      not null references family_file (id) on delete cascade,
    status          varchar(24) not null check (status in ('PRESENT', 'ABSENT_JUSTIFIED', 'ABSENT_UNJUSTIFIED', 'PRESENT_UNBOOKED')),
    arrival         time,
    departure       time,
    recorded_by     varchar(64) not null,
    recorded_at     timestamptz not null,
    version         int         not null default 1,
    unique (sheet_id, child_id),
    check (departure is null or arrival is null or departure >= arrival)
);
create index attendance_entry_family_idx on attendance_entry (family_file_id);

create table attendance_audit (
    id              bigserial   primary key,
    sheet_id        bigint      not null references attendance_sheet (id) on delete cascade,
    child_id        bigint      not null,
    status_before   varchar(24),
    status_after    varchar(24) not null,
    arrival         time,
    departure       time,
    actor           varchar(64) not null,
    at              timestamptz not null,
    -- a change made after the sheet was closed (a correction)
    after_closing   boolean     not null default false
);
create index attendance_audit_sheet_idx on attendance_audit (sheet_id, at);
