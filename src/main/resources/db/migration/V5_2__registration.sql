-- Pre-registrations of children to activities, validated by the activity's service.
create table registration (
    id                  bigserial primary key,
    family_file_id      bigint       not null references family_file (id),
    child_id            bigint       not null references child (id),
    activity_id         bigint       not null references activity (id),
    -- requested weekdays, e.g. MONDAY,TUESDAY
    weekdays            varchar(80)  not null,
    period_label        varchar(80)  not null,
    valid_from          date         not null,
    valid_to            date         not null,
    state               varchar(20)  not null check (state in ('PENDING', 'VALIDATED', 'REFUSED', 'WITHDRAWN')),
    reason              varchar(1000),
    process_instance_id varchar(64),
    created_at          timestamptz  not null default now(),
    decided_at          timestamptz,
    decided_by          varchar(64),
    check (valid_from <= valid_to)
);
create index registration_family_idx on registration (family_file_id);
create index registration_child_idx on registration (child_id);
-- one live request (pending or validated) per child, activity and period
create unique index registration_live_uq on registration (child_id, activity_id, valid_from)
    where state in ('PENDING', 'VALIDATED');
