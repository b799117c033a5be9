-- Every read of a child's health sheet by a town agent (who, when, which child): health data is
-- sensitive, the administrators review these reads on /agent/fiches-sanitaires/consultations.
create table health_sheet_read (
    id              bigserial    primary key,
    staff_user      varchar(64)  not null,
    child_id        bigint       not null references child (id) on delete cascade,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    read_at         timestamptz  not null default now()
);
create index health_sheet_read_at_idx on health_sheet_read (read_at desc);
create index health_sheet_read_child_idx on health_sheet_read (child_id);
