-- « Facturation »: monthly billing runs, invoices and their lines, the per-year invoice
-- counter (gapless numbering), payments at the desk (and later online), and the families' credits.

-- one run of the monthly billing process for a month; at most one run in progress per month
create table billing_run (
    id                        bigserial    primary key,
    month                     varchar(7)   not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    state                     varchar(20)  not null check (state in ('DRAFTING', 'REVIEW', 'PUBLISHED', 'CANCELLED')),
    process_instance_id       varchar(64),
    families_total            int          not null default 0,
    families_done             int          not null default 0,
    invoices                  int          not null default 0,
    amount                    numeric(12, 2) not null default 0,
    families_without_quotient int          not null default 0,
    started_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now()
);
create unique index billing_run_in_progress_uq on billing_run (month) where state in ('DRAFTING', 'REVIEW');

-- the last number given in a year: locked by UPDATE … RETURNING in the publishing transaction,
-- so numbers are handed out one after the other and a rollback gives its numbers back
create table invoice_counter (
    year         int primary key,
    last_number  int not null default 0 check (last_number >= 0)
);

create table invoice (
    id                  bigserial     primary key,
    billing_run_id      bigint        references billing_run (id) on delete set null,
    family_file_id      bigint        not null references family_file (id) on delete cascade,
    family_number       varchar(20)   not null,
    family_name         varchar(100)  not null,
    month               varchar(7)    not null,
    number              varchar(20)   unique,
    state               varchar(20)   not null check (state in ('DRAFT', 'PENDING', 'PAID', 'CANCELLED')),
    quotient            int,
    quotient_note       varchar(300),
    total               numeric(10, 2) not null check (total >= 0),
    paid_amount         numeric(10, 2) not null default 0,
    issued_on           date,
    due_on              date,
    paid_at             timestamptz,
    pdf                 bytea,
    notified_at         timestamptz,
    created_at          timestamptz   not null default now(),
    check (state = 'DRAFT' or state = 'CANCELLED' or (number is not null and pdf is not null))
);
-- a family is billed once a month: re-running a month never bills a day twice
create unique index invoice_family_month_uq on invoice (family_file_id, month) where state <> 'CANCELLED';
create index invoice_family_idx on invoice (family_file_id, state);
create index invoice_run_idx on invoice (billing_run_id, state);

create table invoice_line (
    id                bigserial     primary key,
    invoice_id        bigint        not null references invoice (id) on delete cascade,
    position          int           not null,
    child_id          bigint        not null,
    child_name        varchar(200)  not null,
    child_birth_date  date          not null,
    activity_id       bigint        not null,
    activity_name     varchar(120)  not null,
    -- leisure centre and before/after school count for the tax certificate, the canteen does not
    childcare         boolean       not null,
    unit_label        varchar(30)   not null,
    quantity          int           not null check (quantity > 0),
    late_cancelled    int           not null default 0,
    unit_price        numeric(10, 4) not null,
    bracket           varchar(60)   not null,
    sibling_rank      int           not null,
    -- exact (unit price × quantity): only the invoice total is rounded, once, to the cent
    amount            numeric(14, 4) not null
);
create index invoice_line_invoice_idx on invoice_line (invoice_id, position);

create table desk_payment (
    id                   bigserial     primary key,
    family_file_id       bigint        not null references family_file (id) on delete cascade,
    mode                 varchar(10)   not null check (mode in ('ESPECES', 'CHEQUE', 'CESU')),
    amount               numeric(10, 2) not null check (amount > 0),
    received_at          timestamptz   not null default now(),
    recorded_by          varchar(64)   not null,
    process_instance_id  varchar(64)
);

-- how much of a payment (at the desk, later online) settled which invoice
create table invoice_payment (
    id               bigserial     primary key,
    invoice_id       bigint        not null references invoice (id) on delete cascade,
    desk_payment_id  bigint        references desk_payment (id) on delete cascade,
    mode             varchar(20)   not null,
    amount           numeric(10, 2) not null check (amount > 0),
    paid_at          timestamptz   not null default now()
);
create index invoice_payment_invoice_idx on invoice_payment (invoice_id);

-- what a family paid beyond its invoices: kept as a credit, never lost
create table credit (
    id               bigserial     primary key,
    family_file_id   bigint        not null references family_file (id) on delete cascade,
    desk_payment_id  bigint        references desk_payment (id) on delete set null,
    amount           numeric(10, 2) not null check (amount > 0),
    reason           varchar(200)  not null,
    created_at       timestamptz   not null default now()
);
create index credit_family_idx on credit (family_file_id);
