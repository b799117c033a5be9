-- Billing on attendance: each activity's rule for the days of its sheets, and, on each invoice, the
-- days billed and not billed (with why) of each child and activity, as the invoice PDF shows them.

-- present: always billed; a day with no entry on a sheet: billed as booked
alter table activity
    add column bill_justified_absence   boolean      not null default false,
    -- the first days of a justified absence still billed (« jours de carence »), counted per absence
    add column waiting_days             int          not null default 0 check (waiting_days between 0 and 31),
    add column bill_unjustified_absence boolean      not null default true,
    add column bill_late_cancellation   boolean      not null default true,
    -- added to the day's price for a child present without a booking
    add column unbooked_surcharge       numeric(8, 2) not null default 0 check (unbooked_surcharge >= 0 and unbooked_surcharge <= 999);

-- when the invoice was published: attendance changed after it is a correction (credit note or adjustment)
alter table invoice add column published_at timestamptz;

-- one row per child and activity of an invoice: the days billed and those not billed, each with why
create table invoice_days (
    id             bigserial     primary key,
    invoice_id     bigint        not null references invoice (id) on delete cascade,
    position       int           not null,
    child_name     varchar(200)  not null,
    activity_name  varchar(120)  not null,
    billed         varchar(2000) not null,
    not_billed     varchar(2000) not null
);
create index invoice_days_invoice_idx on invoice_days (invoice_id, position);
