-- « Paiement en ligne »: card payments of invoices through SystemPay, the notifications
-- (IPN) exactly as received, and the payments finances must refund or review.

-- vads_trans_id: 6 digits, unique per shop and UTC day (the unique index below is the guard)
create sequence payment_trans_id_seq minvalue 0 maxvalue 899999 cycle;

create table payment (
    id                   bigserial     primary key,
    family_file_id       bigint        not null references family_file (id) on delete cascade,
    amount_cents         bigint        not null check (amount_cents > 0),
    currency             varchar(3)    not null default '978',
    status               varchar(20)   not null
        check (status in ('PENDING', 'PAID', 'REFUSED', 'CANCELLED', 'ABANDONED', 'EXPIRED', 'REVIEW')),
    -- vads_order_id: our payment reference, sent to the gateway and echoed in its notification
    order_id             varchar(32)   not null unique,
    trans_id             varchar(6)    not null check (trans_id ~ '^[0-9]{6}$'),
    -- vads_trans_date, UTC yyyyMMddHHmmss
    trans_date           varchar(14)   not null check (trans_date ~ '^[0-9]{14}$'),
    trans_uuid           varchar(40),
    email                varchar(254),
    status_reason        varchar(300),
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    paid_at              timestamptz
);
create unique index payment_trans_uq on payment (substr(trans_date, 1, 8), trans_id);
create index payment_family_idx on payment (family_file_id, created_at);
create index payment_pending_idx on payment (created_at) where status = 'PENDING';

-- which invoices a payment pays, for how much; `pending` mirrors the payment's PENDING status
create table payment_invoice (
    id                   bigserial     primary key,
    payment_id           bigint        not null references payment (id) on delete cascade,
    invoice_id           bigint        not null,
    invoice_number       varchar(30)   not null,
    amount_cents         bigint        not null check (amount_cents > 0),
    pending              boolean       not null default true,
    unique (payment_id, invoice_id)
);
-- an invoice is in at most one pending payment: a second attempt fails at the database
create unique index payment_invoice_pending_uq on payment_invoice (invoice_id) where pending;

-- every notification of the gateway, stored as received (form fields in their order), before
-- anything is applied; `applied_at` null = still to apply (replayed at start and by the reconciliation)
create table payment_notification (
    id                   bigserial     primary key,
    received_at          timestamptz   not null default now(),
    payment_id           bigint        references payment (id) on delete set null,
    order_id             varchar(64),
    trans_id             varchar(16),
    trans_date           varchar(16),
    trans_status         varchar(40),
    url_check_src        varchar(20),
    raw_fields           text          not null,
    outcome              varchar(30),
    applied_at           timestamptz,
    correlated_at        timestamptz
);
create index payment_notification_payment_idx on payment_notification (payment_id);
create index payment_notification_unapplied_idx on payment_notification (id) where applied_at is null;
create index payment_notification_uncorrelated_idx on payment_notification (id)
    where applied_at is not null and correlated_at is null;

-- money received that settles nothing (a late notification for invoices paid meanwhile, an
-- amount that does not match): finances reviews and refunds it
create table payment_refund (
    id                   bigserial     primary key,
    payment_id           bigint        not null unique references payment (id) on delete cascade,
    amount_cents         bigint        not null,
    reason               varchar(300)  not null,
    created_at           timestamptz   not null default now(),
    done_at              timestamptz,
    done_by              varchar(64),
    comment              varchar(1000)
);
