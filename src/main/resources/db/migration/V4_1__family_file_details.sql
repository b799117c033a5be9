-- « Mon dossier »: what the family file holds beyond names (quotient familial, health and
-- safety sheets, pick-up persons, consents, supporting documents), the contact history, the change
-- requests reviewed by the Guichet Unique and the help messages of the info sign.

-- the town's next family file number (the demo files are 100123 and 100124)
create sequence family_file_number_seq start with 100125;

create table quotient_familial (
    id              bigserial primary key,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    value           int          not null check (value >= 0),
    valid_from      date         not null,
    valid_to        date,
    source          varchar(40)  not null,
    check (valid_to is null or valid_to >= valid_from)
);
create index quotient_familial_family_idx on quotient_familial (family_file_id, valid_from);

create table health_sheet (
    child_id                 bigint primary key references child (id) on delete cascade,
    allergies                varchar(500),
    pai                      boolean      not null default false,
    pai_details              varchar(500),
    diet                     varchar(200),
    doctor_name              varchar(120),
    doctor_phone             varchar(20),
    vaccinations_up_to_date  boolean      not null default false,
    remarks                  varchar(1000),
    updated_at               timestamptz  not null default now()
);

create table pickup_person (
    id              bigserial primary key,
    child_id        bigint       not null references child (id) on delete cascade,
    last_name       varchar(100) not null,
    first_name      varchar(100) not null,
    relationship    varchar(60),
    phone           varchar(20)  not null
);
create index pickup_person_child_idx on pickup_person (child_id);

create table consent (
    child_id        bigint primary key references child (id) on delete cascade,
    photo           boolean      not null default false,
    outings         boolean      not null default false,
    emergency_care  boolean      not null default false,
    given_at        timestamptz  not null default now()
);

create table contact_change (
    id              bigserial primary key,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    changed_by      varchar(100) not null,
    changed_at      timestamptz  not null default now(),
    field           varchar(100) not null,
    old_value       varchar(300),
    new_value       varchar(300)
);
create index contact_change_family_idx on contact_change (family_file_id, changed_at);

create table supporting_document (
    id                  bigserial primary key,
    family_file_id      bigint       not null references family_file (id) on delete cascade,
    document_type       varchar(40)  not null,
    valid_until         date,
    uploaded_at         timestamptz  not null default now(),
    state               varchar(20)  not null default 'A_VERIFIER' check (state in ('A_VERIFIER', 'ACCEPTE', 'REFUSE')),
    refusal_reason      varchar(500),
    content             bytea        not null,
    size_bytes          int          not null check (size_bytes <= 5242880),
    media_type          varchar(100) not null,
    file_name           varchar(200) not null,
    process_instance_id varchar(64)
);
create index supporting_document_family_idx on supporting_document (family_file_id, uploaded_at);

create table change_request (
    id                  bigserial primary key,
    family_file_id      bigint       not null references family_file (id) on delete cascade,
    subject             varchar(20)  not null check (subject in ('CHILD_IDENTITY', 'QUOTIENT')),
    child_id            bigint references child (id) on delete cascade,
    new_last_name       varchar(100),
    new_first_name      varchar(100),
    new_birth_date      date,
    new_quotient        int,
    new_quotient_from   date,
    comment             varchar(500),
    state               varchar(20)  not null default 'EN_COURS' check (state in ('EN_COURS', 'ACCEPTEE', 'REFUSEE')),
    refusal_reason      varchar(500),
    requested_by        varchar(100) not null,
    created_at          timestamptz  not null default now(),
    decided_at          timestamptz,
    process_instance_id varchar(64)
);
create index change_request_family_idx on change_request (family_file_id, created_at);

create table help_message (
    page_path       varchar(200) primary key,
    message         varchar(2000) not null,
    published_by    varchar(100) not null,
    published_at    timestamptz  not null default now()
);
