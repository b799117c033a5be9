-- A second online gateway: PayFiP « Régie Web-service » of the DGFiP beside SystemPay. Each payment
-- says which gateway it went through; a PayFiP payment keeps the Treasury's operation id (idOp)
-- under which it is asked again (notification, daily reconciliation).
alter table payment add column gateway varchar(10) not null default 'SYSTEMPAY'
    check (gateway in ('SYSTEMPAY', 'PAYFIP'));
alter table payment add column id_op varchar(64) unique;
create index payment_payfip_open_idx on payment (created_at)
    where gateway = 'PAYFIP' and status in ('PENDING', 'EXPIRED');

-- a notification says which gateway it came from (a PayFiP one holds the web service's answer,
-- never the body posted to us); its transaction id is idOp + result, longer than SystemPay's uuid
alter table payment_notification add column gateway varchar(10) not null default 'SYSTEMPAY'
    check (gateway in ('SYSTEMPAY', 'PAYFIP'));
alter table payment_notification alter column trans_uuid type varchar(80);
alter table payment alter column trans_uuid type varchar(80);
alter table payment_refund alter column trans_uuid type varchar(80);
