-- Prélèvement SEPA: the monthly debit batches (one per month billed, business key PRLV-2026-11) and
-- their debits (one per invoice of a family with an active mandate). A debit is written in the
-- transaction that publishes the invoice, so the family's notice (« sera prélevée le … ») and the
-- card payment's refusal hold from the first moment; an invoice is in one live debit at most and a
-- family once per batch, whatever retries the job executor makes.
create table debit_batch (
    id                   bigserial     primary key,
    month                varchar(7)    not null unique,
    business_key         varchar(20)   not null unique,
    collection_date      date          not null,
    state                varchar(12)   not null default 'PREPARE'
                         check (state in ('PREPARE', 'A_CONTROLER', 'TRANSMIS', 'ANNULE')),
    process_instance_id  varchar(64),
    message_id           varchar(35),
    file                 bytea,
    tx_count             int,
    ctrl_sum             numeric(12, 2),
    created_at           timestamptz   not null,
    built_at             timestamptz,
    decided_at           timestamptz,
    decided_by           varchar(64)
);

create table debit_transaction (
    id              bigserial      primary key,
    batch_id        bigint         not null references debit_batch (id) on delete cascade,
    invoice_id      bigint         not null references invoice (id) on delete cascade,
    invoice_number  varchar(20)    not null,
    family_file_id  bigint         not null references family_file (id) on delete cascade,
    mandate_id      bigint         references debit_mandate (id) on delete set null,
    end_to_end_id   varchar(35)    not null unique,
    amount          numeric(10, 2) not null check (amount > 0),
    sequence_type   varchar(4)     check (sequence_type in ('FRST', 'RCUR')),
    amended         boolean,
    state           varchar(10)    not null default 'PREVU' check (state in ('PREVU', 'TRANSMIS', 'REJETE', 'ANNULE')),
    reject_code     varchar(4),
    reject_reason   varchar(200),
    rejected_at     timestamptz,
    created_at      timestamptz    not null
);
create unique index debit_transaction_invoice_live_idx on debit_transaction (invoice_id) where state in ('PREVU', 'TRANSMIS');
create unique index debit_transaction_family_batch_idx on debit_transaction (batch_id, family_file_id) where state <> 'ANNULE';
create index debit_transaction_family_idx on debit_transaction (family_file_id);
