-- Corrections of attendance after an invoice was published: the invoice is never changed; the next
-- run issues a credit note (« avoir », own gapless numbering per year, PDF) for what was billed too
-- much, and adds a line to the family's next invoice for what was billed too little.

create table credit_note_counter (
    year         int primary key,
    last_number  int not null default 0 check (last_number >= 0)
);

create table credit_note (
    id              bigserial     primary key,
    billing_run_id  bigint        references billing_run (id) on delete set null,
    family_file_id  bigint        not null references family_file (id) on delete cascade,
    family_number   varchar(20)   not null,
    family_name     varchar(100)  not null,
    -- the published invoice it corrects
    invoice_id      bigint        not null references invoice (id) on delete cascade,
    number          varchar(20)   unique,
    state           varchar(10)   not null check (state in ('DRAFT', 'ISSUED')),
    amount          numeric(10, 2) not null check (amount > 0),
    issued_on       date,
    pdf             bytea,
    created_at      timestamptz   not null default now(),
    check (state = 'DRAFT' or (number is not null and pdf is not null))
);
create index credit_note_run_idx on credit_note (billing_run_id, state);
create index credit_note_family_idx on credit_note (family_file_id);

-- each correction of a published invoice, per child and activity (signed: negative = credited, positive =
-- billed again on a later invoice); what a later run compares with, so nothing is corrected twice
create table invoice_correction (
    id                  bigserial     primary key,
    corrected_invoice_id bigint       not null references invoice (id) on delete cascade,
    family_file_id      bigint        not null,
    child_id            bigint        not null,
    activity_id         bigint        not null,
    child_name          varchar(200)  not null,
    activity_name       varchar(120)  not null,
    amount              numeric(10, 2) not null check (amount <> 0),
    why                 varchar(2000) not null,
    credit_note_id      bigint        references credit_note (id) on delete cascade,
    -- the later invoice that bills the difference (its line)
    invoice_id          bigint        references invoice (id) on delete cascade,
    check ((credit_note_id is null) <> (invoice_id is null))
);
create index invoice_correction_corrected_idx on invoice_correction (corrected_invoice_id);
create index invoice_correction_credit_note_idx on invoice_correction (credit_note_id);
