-- Absences declared by families for a booked day (reason, optional certificate), justified or not
-- by the activity's service in process absenceJustification.

create table absence (
    id                       bigserial    primary key,
    family_file_id           bigint       not null references family_file (id) on delete cascade,
    child_id                 bigint       not null references child (id) on delete cascade,
    activity_id              bigint       not null references activity (id) on delete cascade,
    day                      date         not null,
    reason                   varchar(10)  not null check (reason in ('MALADIE', 'AUTRE')),
    comment                  varchar(500),
    certificate              bytea,
    certificate_name         varchar(200),
    certificate_media_type   varchar(100),
    certificate_size         int          check (certificate_size is null or certificate_size <= 5242880),
    state                    varchar(12)  not null default 'EN_ATTENTE' check (state in ('EN_ATTENTE', 'ACCEPTEE', 'REFUSEE')),
    refusal_reason           varchar(1000),
    declared_by              varchar(64)  not null,
    declared_at              timestamptz  not null,
    decided_by               varchar(64),
    decided_at               timestamptz,
    process_instance_id      varchar(64)
);
-- one live declaration per child, activity and day (a double click declares once)
create unique index absence_live_uq on absence (child_id, activity_id, day) where state in ('EN_ATTENTE', 'ACCEPTEE');
create index absence_family_idx on absence (family_file_id, day);
create index absence_day_idx on absence (activity_id, day);
