-- « Messagerie »: conversations between a family file and the town's services, their
-- messages (both directions) and the attachments, stored in PostgreSQL.

create table conversation (
    id              bigserial primary key,
    family_file_id  bigint       not null references family_file (id) on delete cascade,
    service         varchar(100) not null,
    theme           varchar(100),
    subject         varchar(200) not null,
    created_at      timestamptz  not null default now(),
    last_message_at timestamptz  not null default now()
);
create index conversation_family_idx on conversation (family_file_id);

create table message (
    id                   bigserial primary key,
    conversation_id      bigint       not null references conversation (id) on delete cascade,
    family_file_id       bigint       not null references family_file (id) on delete cascade,
    direction            varchar(20)  not null check (direction in ('FAMILY_TO_SERVICE', 'SERVICE_TO_FAMILY')),
    service              varchar(100) not null,
    theme                varchar(100),
    subject              varchar(200) not null,
    -- stored exactly as typed; pages escape it
    body                 text         not null,
    confirmation_by_mail boolean      not null default false,
    -- the staff group handling a family's message now (after routing or forwarding)
    handling_group       varchar(64),
    -- the Camunda user who wrote a service's message
    staff_author         varchar(64),
    read                 boolean      not null default false,
    read_at              timestamptz,
    sent_at              timestamptz  not null default now()
);
create index message_conversation_idx on message (conversation_id);
create index message_family_idx on message (family_file_id, direction);
-- the tab counter: unread answers of a family
create index message_unread_idx on message (family_file_id) where direction = 'SERVICE_TO_FAMILY' and not read;

create table message_attachment (
    id          bigserial primary key,
    message_id  bigint       not null references message (id) on delete cascade,
    file_name   varchar(200) not null,
    media_type  varchar(100) not null,
    size_bytes  int          not null check (size_bytes > 0),
    content     bytea        not null
);
create index message_attachment_message_idx on message_attachment (message_id);
