-- « Relances »: each published invoice with an amount due is followed by one unpaidInvoice process
-- (business key REL-<invoice number>). The row is written in the publication's transaction
-- (state TO_START) and the process started later, in batches: the row, locked, and the start commit
-- together, so each invoice is followed exactly once.
create table dunning_case (
    invoice_id           bigint        primary key references invoice (id) on delete cascade,
    family_file_id       bigint        not null references family_file (id) on delete cascade,
    invoice_number       varchar(20)   not null,
    business_key         varchar(40)   not null unique,
    amount               numeric(10, 2) not null check (amount > 0),
    due_on               date          not null,
    state                varchar(20)   not null default 'TO_START'
                         check (state in ('TO_START', 'FOLLOWED', 'PAID', 'HANDED_OVER', 'PLAN', 'WRITTEN_OFF')),
    process_instance_id  varchar(64),
    decided_by           varchar(64),
    decided_at           timestamptz,
    write_off_reason     varchar(500),
    created_at           timestamptz   not null default now(),
    started_at           timestamptz,
    closed_at            timestamptz
);
create index dunning_case_to_start_idx on dunning_case (invoice_id) where state = 'TO_START';
create index dunning_case_family_idx on dunning_case (family_file_id);
create index dunning_case_open_idx on dunning_case (due_on) where state in ('FOLLOWED', 'PLAN');

-- the instalments of a payment plan (« échéancier »), each followed like an invoice
create table dunning_instalment (
    id          bigserial     primary key,
    invoice_id  bigint        not null references dunning_case (invoice_id) on delete cascade,
    position    int           not null check (position > 0),
    due_on      date          not null,
    amount      numeric(10, 2) not null check (amount > 0),
    state       varchar(10)   not null default 'PLANNED' check (state in ('PLANNED', 'PAID', 'MISSED')),
    unique (invoice_id, position)
);

-- every reminder sent: by mail, or as a letter printed by the finances for a family without e-mail
create table dunning_reminder (
    id              bigserial     primary key,
    invoice_id      bigint        not null references dunning_case (invoice_id) on delete cascade,
    kind            varchar(12)   not null check (kind in ('FIRST', 'SECOND', 'INSTALMENT')),
    instalment_id   bigint        references dunning_instalment (id) on delete cascade,
    channel         varchar(10)   not null check (channel in ('MAIL', 'LETTER')),
    amount_due      numeric(10, 2) not null,
    sent_at         timestamptz   not null,
    -- what was written, as sent (the letter is printed from it)
    subject         varchar(200)  not null,
    body            text          not null
);
create unique index dunning_reminder_once_uq on dunning_reminder (invoice_id, kind, coalesce(instalment_id, 0));
create index dunning_reminder_sent_idx on dunning_reminder (sent_at) where channel = 'LETTER';
