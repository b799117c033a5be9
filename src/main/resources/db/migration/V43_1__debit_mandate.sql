-- Prélèvement SEPA (module debit): the families' SEPA Core mandates. A family has at most one live
-- mandate (active or suspended after rejects); a revoked one is kept as evidence and a new one gets
-- a new mandate reference (RUM). A change of account keeps the RUM and records the account it
-- replaces until the next collection carries the amendment to the bank.
create sequence debit_mandate_number;

create table debit_mandate (
    id                  bigserial     primary key,
    family_file_id      bigint        not null references family_file (id) on delete cascade,
    rum                 varchar(35)   not null unique,
    holder              varchar(70)   not null,
    iban                varchar(34)   not null,
    bic                 varchar(11),
    signed_on           date          not null,
    channel             varchar(10)   not null check (channel in ('EN_LIGNE', 'PAPIER')),
    state               varchar(10)   not null check (state in ('ACTIF', 'SUSPENDU', 'REVOQUE')),
    recorded_by         varchar(64),
    created_at          timestamptz   not null,
    -- the account before a change not yet sent to the bank (amendment indicator of the next debit)
    original_iban       varchar(34),
    original_bic        varchar(11),
    changed_bank        boolean       not null default false,
    amended_at          timestamptz,
    -- the day of the first collection sent under this mandate (null: the next one is a first debit)
    first_collected_on  date,
    rejects             int           not null default 0 check (rejects >= 0),
    closed_at           timestamptz
);
-- one live mandate per family: a second signature (double submit, two tabs) is refused by the database
create unique index debit_mandate_one_live_idx on debit_mandate (family_file_id) where state in ('ACTIF', 'SUSPENDU');
create index debit_mandate_family_idx on debit_mandate (family_file_id);

-- what happened to a mandate, for the family, the agents and the evidence (the IBAN masked)
create table debit_mandate_event (
    id          bigserial     primary key,
    mandate_id  bigint        not null references debit_mandate (id) on delete cascade,
    kind        varchar(10)   not null check (kind in ('SIGNE', 'MODIFIE', 'REVOQUE', 'SUSPENDU', 'REJET')),
    at          timestamptz   not null,
    by_whom     varchar(64)   not null,
    detail      varchar(300)
);
create index debit_mandate_event_mandate_idx on debit_mandate_event (mandate_id);
